import ArgumentParser
import BearingsKit
import Foundation

/// `bearings init`: a new data folder that passes `bearings check --strict`, ready for `collect --history`.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new data folder for a project and its competitors.",
        discussion: """
            Writes project.md (the id is the slug of --name; each --vs project's id and shown name come from \
            its repository's name, edit the names), principles.md with one principle, metrics with collect: \
            blocks (contributors, the headline, and new stars per month from GH Archive; downloads per month \
            for each registry given), one example decision with a commented expect:, and README.txt with the \
            next steps. Package lists name ours first, then the --vs projects in order; - skips one. \
            Then: bearings collect --history, bearings build. \
            It writes only into a folder that does not exist yet or is empty: exit status 2 otherwise.
            """)

    @Option(name: .long, help: ArgumentHelp("The data folder to create.", valueName: "dir"))
    var data: String = "data"

    @Option(name: .long, help: ArgumentHelp("The project's display name, e.g. PyTorch.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("The project's GitHub repository.", valueName: "owner/repo"))
    var repo: String

    @Option(
        name: .long,
        help: ArgumentHelp("The competitors' GitHub repositories, comma-separated.", valueName: "owner/repo,…"))
    var vs: String?

    // `parsing: .unconditional`, so that a list may start with `-` (skip ours): `--pypi -,tensorflow`.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("PyPI packages: ours, then one per --vs project (- skips one).", valueName: "pkg,…"))
    var pypi: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("npm packages: ours, then one per --vs project (- skips one).", valueName: "pkg,…"))
    var npm: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("crates.io crates: ours, then one per --vs project (- skips one).", valueName: "name,…"))
    var crates: String?

    /// A comma-separated option as its items; nil is none.
    private func items(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    }

    private func starter() throws(StarterProject.Problem) -> StarterProject {
        try StarterProject.make(
            name: name, repository: repo, competitors: items(vs), pypi: items(pypi), npm: items(npm),
            crates: items(crates))
    }

    func validate() throws {
        do {
            _ = try starter()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        do {
            let paths = try Scaffold(dataDirectory: data).initialize(try starter())
            print(paths.joined(separator: "\n"))
        } catch let error as ScaffoldError {
            throw Report.fail(error.description, code: error.exitCode)
        } catch {
            throw Report.fail(String(describing: error), code: 2)
        }
    }
}
