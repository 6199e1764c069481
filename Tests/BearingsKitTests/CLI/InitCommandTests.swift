import Foundation
import Testing

/// `bearings init` and `bearings new` as a user runs them, in a folder of their own: the built executable,
/// its output streams and exit status.
struct InitCommandTests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `bearings` with `arguments` in `folder`.
    private func bearings(_ arguments: [String], in folder: URL) throws -> Run {
        let path = try #require(CheckCommandTests.executable, "build the command first: swift build && swift test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
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

    static let readmeExample = [
        "init", "--name", "PyTorch", "--repo", "pytorch/pytorch", "--vs", "tensorflow/tensorflow,jax-ml/jax",
        "--pypi", "torch,tensorflow,jax",
    ]

    @Test func theReadmesExampleWritesAFolderThatPassesCheckStrict() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try bearings(Self.readmeExample, in: folder)
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                data/README.txt
                data/project.md
                data/principles.md
                data/metrics/contributors.md
                data/metrics/stars.md
                data/metrics/pypi-downloads.md
                data/decisions/0001-measure-adoption-by-use-not-by-stars.md

                """)
        let check = try bearings(["check", "--strict"], in: folder)
        #expect(check.status == 0)
        #expect(check.standardError == "")

        let again = try bearings(Self.readmeExample, in: folder)
        #expect(again.status == 2)
        #expect(again.standardOutput == "")
        #expect(
            again.standardError
                == "error: data: is not empty; 'bearings init' writes only into a new or empty folder (use --data DIR to name another)\n"
        )
    }

    /// The repository's root, where README.md and docs/ are.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReadmeShowsTheExampleRunHereAndTheWorkflowFileWhole() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let workflow = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("docs/workflows/collect-history.yml"), encoding: .utf8)
        #expect(readme.contains("\n```yaml\n" + workflow + "```\n"))
        #expect(
            workflow.contains("\n        run: .build/release/bearings collect --history --data data --format github"))
        #expect(readme.contains("\n```sh\nbearings " + Self.readmeExample.joined(separator: " ") + "\n"))
    }

    @Test func aPackageListMayStartWithADash() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try bearings(
            ["init", "--data", "a/b/report", "--name", "X", "--repo", "x/x", "--vs", "y/y", "--npm", "-,y-js"],
            in: folder)
        #expect(run.status == 0)
        #expect(run.standardError == "")
        let metric = try String(
            contentsOf: folder.appendingPathComponent("a/b/report/metrics/npm-downloads.md"), encoding: .utf8)
        #expect(metric.contains("  projects:\n    \"y\": y-js\n---\n"))
        #expect(try bearings(["check", "--strict", "--data", "a/b/report"], in: folder).status == 0)
    }

    static let badArguments: [Example<[String], String>] = [
        Example("no name", ["init", "--repo", "a/b"], "Error: Missing expected argument '--name <name>'"),
        Example(
            "a repository without its owner", ["init", "--name", "A", "--repo", "torch"],
            "Error: --repo takes a GitHub repository as OWNER/REPO (e.g. pytorch/pytorch), not 'torch'"),
        Example(
            "too many packages", ["init", "--name", "A", "--repo", "a/b", "--crates", "a,b"],
            "Error: --crates names 2 packages for 1 project; list ours first, then one per --vs repository in order (- skips one)"
        ),
        Example(
            "a date that is not one", ["new", "decision", "X", "--date", "2019-02-30"],
            "Error: --date must be a real date as YYYY-MM-DD, not '2019-02-30'"),
        // A file dated outside 1970–2099 would fail `check`: refused before anything is written.
        Example(
            "a decision date past 2099", ["new", "decision", "X", "--date", "2150-01-01"],
            "Error: --date must lie in 1970–2099, not '2150-01-01'"),
        Example(
            "a snapshot date before 1970", ["new", "snapshot", "--date", "1969-12-31"],
            "Error: --date must lie in 1970–2099, not '1969-12-31'"),
        Example(
            "a collect date past 2099", ["collect", "--date", "9999-12-31"],
            "Error: --date must lie in 1970–2099, not '9999-12-31'"),
    ]

    @Test(arguments: badArguments)
    func exitsWithTwoOnBadArguments(_ example: Example<[String], String>) throws {
        let folder = try temporaryFolder("init-bad-\(example.name)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try bearings(example.input, in: folder)
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.hasPrefix(example.expected + "\n"))
        #expect(run.standardError.hasSuffix("Run 'bearings --help' for usage.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func newSaysToRunInitWhenTheFolderHasNoProject() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let start = "start one with 'bearings init --name NAME --repo OWNER/REPO', or name another with --data DIR"
        for kind in [["decision", "Use X"], ["snapshot"]] {
            let run = try bearings(["new"] + kind, in: folder)
            #expect(run.status == 1)
            #expect(run.standardOutput == "")
            #expect(
                run.standardError == "error: data/project.md: is missing, so this is not a data folder yet; \(start)\n")
            let missing = try bearings(["new"] + kind + ["--data", "nowhere"], in: folder)
            #expect(missing.status == 3)
            #expect(missing.standardError == "error: nowhere: the data folder does not exist; \(start)\n")
        }
    }

    @Test func newDecisionTakesADate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try bearings(Self.readmeExample, in: folder).status == 0)
        let run = try bearings(["new", "decision", "Merge the JIT", "--date", "2018-05-02"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == "data/decisions/0002-merge-the-jit.md\n")
        let text = try String(
            contentsOf: folder.appendingPathComponent("data/decisions/0002-merge-the-jit.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nstatus: proposed\ndate: 2018-05-02\n"))
        #expect(text.contains("\nreview: 2019-05-02\n"))
    }
}
