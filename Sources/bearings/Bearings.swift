import ArgumentParser
import BearingsKit
import Foundation

/// The `bearings` command: adoption trends and decisions, as a static site.
@main
struct Bearings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bearings",
        abstract: "Turn a folder of principles, decisions and adoption snapshots into a static site.",
        discussion: """
            Exit status: 0 success (warnings allowed unless --strict), 1 the data has errors \
            (nothing written), 2 bad command-line usage, 3 an I/O failure.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Collect.self, Init.self, Digest.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // swift-argument-parser exits 64 for usage errors; Bearings promises 2.
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("Run 'bearings --help' for usage.\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by the commands that read data.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
    var data: String = "data"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read decision records from this folder instead of <data>/decisions (adr-tools, MADR and log4brains records work).",
            valueName: "dir"))
    var decisions: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("How to print problems: text, github or json.", valueName: "format"))
    var format: DiagnosticFormat = .text

    var loadOptions: LoadOptions {
        LoadOptions(dataDirectory: data, decisionsDirectory: decisions)
    }
}

/// Options shared by the commands that render the site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String = "site"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Templates that override the built-in ones, file by file (default: ./templates when it exists).",
            valueName: "dir"))
    var templates: String?

    /// `--templates`, or ./templates when that folder exists.
    var templatesFolder: String? {
        if let templates { return templates }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? "templates" : nil
    }

    /// SOURCE_DATE_EPOCH, when set to a number of seconds.
    var sourceDateEpoch: Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints diagnostics where their format goes.
enum Report {
    static func print(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
        let text = format.render(diagnostics)
        if format == .json {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else if !diagnostics.isEmpty {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func fail(_ message: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(code)
    }
}
