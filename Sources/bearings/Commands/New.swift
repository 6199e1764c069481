import ArgumentParser
import BearingsKit
import Foundation

/// `bearings new decision|snapshot`: a file to start from, never over an existing one.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new decision record or snapshot in the data folder.",
        discussion: """
            Prints the path of the file it wrote. It never overwrites a file: exit status 1 when it exists, \
            and 1 when the data folder has no project.md (3 when the folder does not exist).
            """,
        subcommands: [Decision.self, Snapshot.self])

    /// `bearings new decision "Title"`.
    struct Decision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write <data>/decisions/NNNN-<slug>.md, a proposed decision with the next free number.",
            discussion: """
                The number is one more than the largest leading number in <data>/decisions, in four digits. \
                The slug is the title in lower-case ASCII letters and digits (é becomes e; a title with no \
                Latin letters gives 'decision'). The front matter has status: proposed, today's date (UTC), \
                a review date one year later, and empty kind, principles and watch to fill in; the body has \
                the title and the MADR sections as headings. The data folder needs a project.md: start one \
                with 'bearings init'.
                """)

        @Argument(help: "The decision's title, e.g. \"Use X for Y\".")
        var title: String

        @Option(
            name: .long,
            help: ArgumentHelp("The day the decision was taken (default: today, UTC).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
        var data: String = "data"

        func validate() throws {
            if title.allSatisfy(\.isWhitespace) { throw ValidationError("the title is empty") }
            try DateOption.validate(date)
        }

        func run() async throws {
            do {
                print(try Scaffold(dataDirectory: data).newDecision(title: title, date: date.flatMap { Day(iso: $0) }))
            } catch {
                throw Report.fail(error.description, code: error.exitCode)
            }
        }
    }

    /// `bearings new snapshot`.
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write <data>/snapshots/<date>.md with an empty table of every metric × project.",
            discussion: """
                Rows are the metric ids in <data>/metrics; columns are project.md's id, then its competitors \
                in order. Fill in the cells you measured and leave the others empty. The data folder needs \
                a project.md: start one with 'bearings init'.
                """)

        @Option(
            name: .long,
            help: ArgumentHelp("The day the measures were taken (default: today, UTC).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
        var data: String = "data"

        func validate() throws {
            try DateOption.validate(date)
        }

        func run() async throws {
            do {
                print(try Scaffold(dataDirectory: data).newSnapshot(date: date.flatMap { Day(iso: $0) }))
            } catch {
                throw Report.fail(error.description, code: error.exitCode)
            }
        }
    }
}
