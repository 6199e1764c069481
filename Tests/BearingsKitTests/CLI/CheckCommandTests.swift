import Foundation
import Testing

/// `bearings check`, run as a user runs it: the built executable, its output streams and exit status.
///
/// The executable is found beside the test bundle, in the build products folder; `swift build` (or
/// `swift build --build-tests`) puts it there, so run `swift build && swift test`.
struct CheckCommandTests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `bearings` executable in the build products folder, if it has been built.
    static let executable: String? = {
        var folders: [URL] = []
        if let url = Bundle.main.executableURL { folders.append(url.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent("bearings").path }
            .first { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
                    && FileManager.default.isExecutableFile(atPath: path)
            }
    }()

    /// Runs `bearings` with `arguments` from the Fixtures folder, so printed paths start with `cli/…`.
    private func bearings(_ arguments: String...) throws -> Run { try bearings(arguments) }

    private func bearings(_ arguments: [String]) throws -> Run {
        let path = try #require(Self.executable, "build the command first: swift build && swift test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    static let valueHint =
        "write a number such as 1234, 1,234, 3.5k, 2M, 1B or 49.7%; leave the cell empty or write - when not measured"

    /// The five problems of Fixtures/cli/five-errors, sorted by path then line:
    /// (path, line, column, message, hint).
    static let fiveErrors: [(String, Int, Int, String, String)] = [
        (
            "cli/five-errors/decisions/0001-use-python.md", 2, 9,
            "unknown status 'aproved' (expected proposed, accepted, rejected, deprecated or superseded)",
            "use one of the five statuses; words such as 'approved' or 'pending' are read too"
        ),
        (
            "cli/five-errors/metrics/papers-share.md", 5, 6, "'1 quarter' is not a lag",
            "write a number and a unit: '0', '10 days', '3 weeks', '6 months' or '1 year'"
        ),
        (
            "cli/five-errors/project.md", 3, 11, "unknown metric 'arxiv-mentions' as headline",
            "known metrics: 'papers-share'"
        ),
        (
            "cli/five-errors/series/history.csv", 1, 1, "the header has no 'project' column",
            "the first line must name the columns: date,metric,project,value"
        ),
        (
            "cli/five-errors/snapshots/2019-06.md", 8, 20, "'1.2.3' is not a number (unexpected '.')",
            valueHint
        ),
    ]

    @Test func printsEveryErrorSortedByPathAndLineAndExitsWithOne() throws {
        let run = try bearings("check", "--data", "cli/five-errors")
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == Self.fiveErrors.map { "\($0.0):\($0.1):\($0.2): error: \($0.3)\n    hint: \($0.4)\n" }
                .joined())
    }

    /// `digest` fails as `check` does: exit 1, the same diagnostics on stderr, nothing on stdout.
    @Test func digestOfDataWithErrorsExitsWithOneAndPrintsTheProblems() throws {
        let run = try bearings("digest", "--data", "cli/five-errors")
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == Self.fiveErrors.map { "\($0.0):\($0.1):\($0.2): error: \($0.3)\n    hint: \($0.4)\n" }
                .joined())
    }

    /// `digest` prints Markdown for an incomplete folder (DigestTests works the numbers out); a bad
    /// `--since` is a usage error, exit 2.
    @Test func digestPrintsMarkdownAndRefusesABadSince() throws {
        let run = try bearings("digest", "--data", "sites/truth/data")
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(run.standardOutput.hasPrefix("## What changed since Nov 2020\n\nWidget's share of Monthly downloads"))
        let since = try bearings("digest", "--data", "sites/truth/data", "--since", "2020-13-01")
        #expect(since.status == 2)
        #expect(since.standardError.hasPrefix("Error: --since must be a real date as YYYY-MM-DD, not '2020-13-01'"))
    }

    @Test func printsGitHubWorkflowCommandsWithTheGitHubFormat() throws {
        let run = try bearings("check", "--data", "cli/five-errors", "--format", "github")
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError.split(separator: "\n", omittingEmptySubsequences: false) == [
                "::error file=cli/five-errors/decisions/0001-use-python.md,line=2,col=9::unknown status 'aproved' (expected proposed, accepted, rejected, deprecated or superseded) (hint: use one of the five statuses; words such as 'approved' or 'pending' are read too)",
                "::error file=cli/five-errors/metrics/papers-share.md,line=5,col=6::'1 quarter' is not a lag (hint: write a number and a unit: '0', '10 days', '3 weeks', '6 months' or '1 year')",
                "::error file=cli/five-errors/project.md,line=3,col=11::unknown metric 'arxiv-mentions' as headline (hint: known metrics: 'papers-share')",
                "::error file=cli/five-errors/series/history.csv,line=1,col=1::the header has no 'project' column (hint: the first line must name the columns: date,metric,project,value)",
                "::error file=cli/five-errors/snapshots/2019-06.md,line=8,col=20::'1.2.3' is not a number (unexpected '.') (hint: write a number such as 1234, 1,234, 3.5k, 2M, 1B or 49.7%25; leave the cell empty or write - when not measured)",
                "",
            ])
    }

    @Test func printsOneJSONArrayOnStandardOutputWithTheJSONFormat() throws {
        let run = try bearings("check", "--data", "cli/five-errors", "--format", "json")
        #expect(run.status == 1)
        #expect(run.standardError == "")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
        let items = try #require(parsed as? [[String: Any]])
        #expect(items.count == 5)
        for (item, expected) in zip(items, Self.fiveErrors) {
            #expect(item.keys.sorted() == ["column", "hint", "line", "message", "path", "severity"])
            #expect(item["severity"] as? String == "error")
            #expect(item["path"] as? String == expected.0)
            #expect(item["line"] as? Int == expected.1)
            #expect(item["column"] as? Int == expected.2)
            #expect(item["message"] as? String == expected.3)
            #expect(item["hint"] as? String == expected.4)
        }
    }

    @Test func printsAnEmptyJSONArrayForDataWithoutProblems() throws {
        let run = try bearings("check", "--data", "invalid/bom-and-crlf", "--format", "json")
        #expect(run.status == 0)
        #expect(run.standardOutput == "[]\n")
        #expect(run.standardError == "")
    }

    @Test func printsNothingAndExitsWithZeroForDataWithoutProblems() throws {
        let run = try bearings("check", "--data", "invalid/bom-and-crlf")
        #expect(run.status == 0)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "")
    }

    static let badArguments: [Example<[String], String>] = [
        Example("an unknown format", ["check", "--format", "xml"], "xml"),
        Example("an unknown option", ["check", "--bogus"], "--bogus"),
        Example("an option without its value", ["check", "--data"], "--data"),
        Example("an unknown command", ["frobnicate"], "frobnicate"),
    ]

    @Test(arguments: badArguments)
    func exitsWithTwoOnBadArguments(_ example: Example<[String], String>) throws {
        let run = try bearings(example.input)
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.contains(example.expected))
        #expect(run.standardError.hasSuffix("Run 'bearings --help' for usage.\n"))
    }

    static let warning =
        "invalid/misplaced-file/notes.md:1:1: %@: Bearings does not read this file here\n    hint: metrics, decisions and snapshots go directly in their folders as .md, series as .csv; raw files belong in sources/\n"

    @Test func exitsWithZeroOnWarnings() throws {
        let run = try bearings("check", "--data", "invalid/misplaced-file")
        #expect(run.status == 0)
        #expect(run.standardError == Self.warning.replacingOccurrences(of: "%@", with: "warning"))
    }

    @Test func turnsAWarningIntoAnErrorWithStrict() throws {
        let run = try bearings("check", "--data", "invalid/misplaced-file", "--strict")
        #expect(run.status == 1)
        #expect(run.standardError == Self.warning.replacingOccurrences(of: "%@", with: "error"))
    }

    /// The cases of Fixtures/invalid that hold no error: `bom-and-crlf` is valid, the others give only
    /// warnings (which `--strict` makes errors).
    static let invalidCasesWithoutErrors = [
        "bom-and-crlf", "misplaced-file", "misplaced-thousands-separator", "misspelt-front-matter-key",
        "undeclared-competitors", "value-jumps-hundredfold",
    ]

    /// Every case of Fixtures/invalid through the real command: `check` prints exactly its
    /// expected.txt and exits with 1, and `build` prints the same, exits with 1 and writes nothing.
    /// A case of warnings only exits with 0, and with 1 under `--strict`, its warnings printed as errors.
    @Test(arguments: InvalidFixturesTests.cases)
    func checkAndBuildExitWithOneOnEveryInvalidCaseAndPrintItsDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text("invalid/\(name)/expected.txt")
        let status: Int32 = Self.invalidCasesWithoutErrors.contains(name) ? 0 : 1
        let check = try bearings("check", "--data", "invalid/\(name)")
        #expect(check.status == status)
        #expect(check.standardError == expected)
        #expect(check.standardOutput == "")
        guard status == 1 else {
            guard !expected.isEmpty else { return }
            let strict = try bearings("check", "--data", "invalid/\(name)", "--strict")
            #expect(strict.status == 1)
            #expect(strict.standardError == expected.replacingOccurrences(of: ": warning: ", with: ": error: "))
            return
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-invalid-\(getpid())-\(name)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let build = try bearings("build", "--data", "invalid/\(name)", "--output", output, "--quiet")
        #expect(build.status == 1)
        #expect(build.standardError == expected)
        #expect(!FileManager.default.fileExists(atPath: output))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: FileManager.default.temporaryDirectory.path
        ).filter { $0.hasPrefix(".bearings-invalid-\(getpid())-\(name).") }
        #expect(leftovers == [])
    }

    @Test func exitsWithOneOnAllButTheCasesWithoutErrors() {
        let failing = InvalidFixturesTests.cases.filter { !Self.invalidCasesWithoutErrors.contains($0) }
        #expect(failing.count == 82)
        #expect(Self.invalidCasesWithoutErrors.allSatisfy(InvalidFixturesTests.cases.contains))
    }

    @Test func exitsWithThreeWhenTheDataFolderDoesNotExist() throws {
        let run = try bearings("check", "--data", "no-such-folder")
        #expect(run.status == 3)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == "error: no-such-folder: the data folder does not exist (use --data DIR to name another)\n"
        )
    }
}
