import ArgumentParser
import BearingsKit
import Foundation

/// `bearings digest`: what changed since the period before, as Markdown.
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print, as Markdown, what changed between the newest period and the one before.",
        discussion: """
            The headline (or why it is unknown), values and shares that moved beyond their usual variation \
            (more than twice the median period-to-period change of their last 12, and at least 5% of a value \
            or 1 point of share), crossovers, verdicts that became final, decisions that became due and new \
            decisions. Ready for $GITHUB_STEP_SUMMARY. Exit status 0, 1 when the data has errors, 3 when it \
            cannot be read.
            """)

    @OptionGroup var options: DataOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Compare with the newest period on or before this day instead of the one before.",
            valueName: "YYYY-MM-DD"))
    var since: String?

    func validate() throws {
        guard let since else { return }
        guard let day = Day(iso: since), day.isReadable else {
            throw ValidationError("--since must be a real date as YYYY-MM-DD, not '\(since)'")
        }
    }

    func run() async throws {
        let result: (digest: BearingsKit.Digest?, diagnostics: [Diagnostic])
        do {
            result = try SiteBuilder.digest(
                BuildOptions(
                    load: options.loadOptions, strict: options.strict,
                    // The reference date for reviews due, as `build` takes it, so the two agree.
                    sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }),
                since: since.flatMap(Day.init(iso:)))
        } catch {
            throw Report.fail(error.description, code: error.exitCode)
        }
        Report.print(result.diagnostics, format: options.format == .json ? .text : options.format)
        guard let digest = result.digest else { throw ExitCode(1) }
        FileHandle.standardOutput.write(Data(digest.markdown.utf8))
    }
}
