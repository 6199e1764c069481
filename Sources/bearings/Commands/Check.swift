import ArgumentParser
import BearingsKit

/// `bearings check`: report every problem in the data, write nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the data folder and report every problem in one run.",
        discussion:
            "Writes nothing. Exit status 0 when the data is fine, 1 when it has errors, 3 when it cannot be read.")

    @OptionGroup var options: DataOptions

    func run() async throws {
        let result: LoadResult
        do {
            result = try DataLoader.load(options.loadOptions)
        } catch {
            if options.format == .json { Report.print([], format: .json) }
            throw Report.fail(error.description, code: error.exitCode)
        }
        let diagnostics = options.strict ? result.diagnostics.strict() : result.diagnostics
        Report.print(diagnostics, format: options.format)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
