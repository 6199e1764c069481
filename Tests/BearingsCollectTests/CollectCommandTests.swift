import Foundation
import Testing

/// `bearings collect`, the built command, against a loopback server replaying recorded answers through
/// the `BEARINGS_*_API` variables. Nothing here reaches the internet.
@Suite(.serialized)
struct CollectCommandTests {
    static let token = "ghp_TEST0TOKEN0never0printed"

    /// A data folder in a fresh temporary directory: project.md with one competitor, and `metrics`.
    static func dataFolder(_ metrics: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-collect-\(UUID().uuidString)"
        ).path
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data + "/metrics", withIntermediateDirectories: true)
        try """
        ---
        name: PyTorch
        id: pytorch
        competitors:
          tensorflow: TensorFlow
        ---
        The example.

        """.write(toFile: data + "/project.md", atomically: true, encoding: .utf8)
        for (id, collect) in metrics {
            try "---\nname: \(id)\nkind: usage\ncollect:\n\(collect)\n---\nMeasured by bearings collect.\n"
                .write(toFile: data + "/metrics/\(id).md", atomically: true, encoding: .utf8)
        }
        return root
    }

    static func environment(port: UInt16) -> [String: String] {
        [
            "BEARINGS_GITHUB_API": "http://127.0.0.1:\(port)/api/v3",
            "BEARINGS_PYPISTATS_API": "http://127.0.0.1:\(port)",
            "BEARINGS_NPM_API": "http://127.0.0.1:\(port)/",
            "BEARINGS_CRATES_API": "http://127.0.0.1:\(port)",
            "BEARINGS_OPENALEX_API": "http://127.0.0.1:\(port)",
            "GITHUB_TOKEN": token,
        ]
    }

    static let allSources: [String: String] = [
        "contributors":
            "  source: github-contributors\n  projects: {pytorch: pytorch/pytorch, tensorflow: tensorflow/tensorflow}",
        "crates": "  source: crates-downloads\n  projects: {pytorch: tch}",
        "forks": "  source: github-forks\n  projects: {pytorch: pytorch/pytorch}",
        "issues": "  source: github-open-issues\n  projects: {pytorch: pytorch/pytorch}",
        "npm": "  source: npm-downloads\n  projects: {tensorflow: \"@tensorflow/tfjs\"}",
        "papers": "  source: openalex-works\n  projects: {pytorch: pytorch deep learning}",
        "pypi": "  source: pypi-downloads\n  projects: {pytorch: Torch}",
        "stars":
            "  source: github-stars\n  projects:\n    pytorch: pytorch/pytorch\n    tensorflow: tensorflow/tensorflow",
        "code": "  source: github-code-search\n  projects: {pytorch: \"import torch\"}",
        "watchers": "  source: github-watchers\n  projects: {pytorch: pytorch/pytorch}",
    ]

    /// Recorded answers by path.
    static func recorded(_ path: String, _ count: Int) -> ReplayServer.Answer {
        switch path {
        case "/api/v3/repos/pytorch/pytorch/contributors":
            return .init(body: Recorded.bytes("github-contributors-github3py.json"))
        case "/api/v3/repos/tensorflow/tensorflow/contributors":
            return .init(
                headers: ["Link": Recorded.text("github-link-header-octokit.txt")],
                body: Recorded.bytes("github-contributors-github3py.json"))
        case "/api/v3/search/code": return .init(body: Recorded.bytes("github-search-code-github3py.json"))
        case "/api/packages/torch/recent": return .init(body: Recorded.bytes("pypistats-recent-pip.json"))
        case "/downloads/point/last-month/@tensorflow/tfjs":
            return .init(body: Recorded.bytes("npm-downloads-point-vue.json"))
        case "/api/v1/crates/tch": return .init(body: Recorded.bytes("crates-bitflags.json"))
        case "/works": return .init(body: Recorded.bytes("openalex-works-peneira.json"))
        case let path where path.hasPrefix("/api/v3/repos/"):
            return .init(body: Recorded.bytes("github-repository-github3py.json"))
        default: return .init(status: 404, body: Array("{\"message\":\"Not Found\"}".utf8))
        }
    }

    static let allSourcesSnapshot = """
        ---
        date: 2025-06-30
        ---
        # Collected 2025-06-30

        | metric       |  pytorch | tensorflow |
        | ------------ | -------: | ---------: |
        | code         |        3 |            |
        | contributors |        2 |          5 |
        | crates       |  1033166 |            |
        | forks        |      401 |            |
        | issues       |       58 |            |
        | npm          |          |    8525448 |
        | papers       |       49 |            |
        | pypi         | 67759913 |            |
        | stars        |     1137 |       1137 |
        | watchers     |       29 |            |

        ## Where the numbers come from

        - `code` for `pytorch`: 3, from <http://127.0.0.1:PORT/api/v3/search/code?q=import%20torch> (github-code-search)
        - `contributors` for `pytorch`: 2, from <http://127.0.0.1:PORT/api/v3/repos/pytorch/pytorch/contributors?per_page=1&anon=true> (github-contributors)
        - `contributors` for `tensorflow`: 5, from <http://127.0.0.1:PORT/api/v3/repos/tensorflow/tensorflow/contributors?per_page=1&anon=true> (github-contributors)
        - `crates` for `pytorch`: 1033166, from <http://127.0.0.1:PORT/api/v1/crates/tch> (crates-downloads)
        - `forks` for `pytorch`: 401, from <http://127.0.0.1:PORT/api/v3/repos/pytorch/pytorch> (github-forks)
        - `issues` for `pytorch`: 58, from <http://127.0.0.1:PORT/api/v3/repos/pytorch/pytorch> (github-open-issues)
        - `npm` for `tensorflow`: 8525448, from <http://127.0.0.1:PORT/downloads/point/last-month/@tensorflow/tfjs> (npm-downloads)
        - `papers` for `pytorch`: 49, from <http://127.0.0.1:PORT/works?search=pytorch%20deep%20learning&per-page=1> (openalex-works)
        - `pypi` for `pytorch`: 67759913, from <http://127.0.0.1:PORT/api/packages/torch/recent?period=month> (pypi-downloads)
        - `stars` for `pytorch`: 1137, from <http://127.0.0.1:PORT/api/v3/repos/pytorch/pytorch> (github-stars)
        - `stars` for `tensorflow`: 1137, from <http://127.0.0.1:PORT/api/v3/repos/tensorflow/tensorflow> (github-stars)
        - `watchers` for `pytorch`: 29, from <http://127.0.0.1:PORT/api/v3/repos/pytorch/pytorch> (github-watchers)

        """

    @Test func collectsEveryValueWritesASnapshotThatChecksAndBuildsAndSendsTheTokenToGitHubOnly() async throws {
        let server = ReplayServer(routes: Self.recorded)
        try await server.start()
        let port = await server.port
        let root = try Self.dataFolder(Self.allSources)
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30"], in: root, environment: Self.environment(port: port))
        let seen = await server.seen
        await server.stop()
        let path = "data/snapshots/2025-06-30-collected.md"
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(run.standardOutput == "\(path): 12 values\n")
        let written = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        #expect(written == Self.allSourcesSnapshot.replacingOccurrences(of: "PORT", with: String(port)))

        #expect(seen.count == 12)
        for request in seen {
            let isGitHub = request.target.hasPrefix("/api/v3/")
            #expect(request.authorization == (isGitHub ? "Bearer \(Self.token)" : nil), "\(request.target)")
            #expect(request.userAgent?.hasPrefix("bearings/") == true)
        }
        #expect(!written.contains(Self.token) && !run.standardOutput.contains(Self.token))

        let check = try await CommandRunner.run(["check"], in: root, environment: [:])
        #expect(check.status == 0)
        #expect(check.standardError == "")
        let build = try await CommandRunner.run(["build", "--quiet"], in: root, environment: [:])
        #expect(build.status == 0)
        #expect(build.standardError == "")
        #expect(FileManager.default.fileExists(atPath: root + "/site/snapshots/2025-06-30.html"))
    }

    static let failing: [String: String] = [
        "forks": "  source: github-forks\n  projects: {pytorch: flaky/flaky}",
        "npm": "  source: npm-downloads\n  projects: {pytorch: slow}",
        "pypi": "  source: pypi-downloads\n  projects: {pytorch: broken}",
        "stars": "  source: github-stars\n  projects: {pytorch: pytorch/pytorch, tensorflow: down/down}",
        "watchers": "  source: github-watchers\n  projects: {pytorch: limited/limited}",
    ]

    /// A 500 that stays, a 429 once, a rate limit until 2100, a broken body and an answer too slow. The
    /// tests give --timeout 4 s: the slow answer takes 12, and the others get room on a loaded machine
    /// (--timeout bounds each whole exchange, so a starved test server must not make a 500 a timeout).
    static func troubled(_ path: String, _ count: Int) -> ReplayServer.Answer {
        switch path {
        case "/api/v3/repos/down/down": return .init(status: 500)
        case "/api/v3/repos/flaky/flaky" where count == 1:
            return .init(status: 429, headers: ["Retry-After": "1"])
        case "/api/v3/repos/limited/limited":
            return .init(
                status: 403, headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "4102444800"],
                body: Recorded.bytes("github-rate-limit-exceeded.json"))
        case "/api/packages/broken/recent": return .init(body: Array("{\"data\": {\"last_month\": ".utf8))
        case "/downloads/point/last-month/slow":
            return .init(body: Recorded.bytes("npm-downloads-point-vue.json"), delay: 12)
        default: return recorded(path, count)
        }
    }

    @Test func writesAQuestionMarkAndTheReasonForEachValueThatFailedAndExitsWithFour() async throws {
        let server = ReplayServer(routes: Self.troubled)
        try await server.start()
        let port = await server.port
        let root = try Self.dataFolder(Self.failing)
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-07-01", "--timeout", "4", "--max-wait", "5"], in: root,
            environment: Self.environment(port: port))
        let targets = await server.targets
        await server.stop()
        let base = "http://127.0.0.1:\(port)"
        #expect(run.status == 4)
        #expect(run.standardOutput == "data/snapshots/2025-07-01-collected.md: 6 values, 4 not measured ('?')\n")
        #expect(
            run.standardError.split(separator: "\n").sorted() == [
                "warning: npm for pytorch: no answer within 4 s (--timeout) (\(base)/downloads/point/last-month/slow)",
                "warning: pypi for pytorch: the answer is not JSON (\(base)/api/packages/broken/recent?period=month)",
                "warning: stars for tensorflow: HTTP 500 Internal Server Error after 3 tries (\(base)/api/v3/repos/down/down)",
                "warning: watchers for pytorch: GitHub's rate limit is used up until 2100-01-01T00:00:00Z, later than --max-wait 5 s from now (\(base)/api/v3/repos/limited/limited)",
            ])
        let written = try String(contentsOfFile: root + "/data/snapshots/2025-07-01-collected.md", encoding: .utf8)
        #expect(
            written == """
                ---
                date: 2025-07-01
                ---
                # Collected 2025-07-01

                | metric   | pytorch | tensorflow |
                | -------- | ------: | ---------: |
                | forks    |     401 |            |
                | npm      |       ? |            |
                | pypi     |       ? |            |
                | stars    |    1137 |          ? |
                | watchers |       ? |            |

                ## Where the numbers come from

                - `forks` for `pytorch`: 401, from <\(base)/api/v3/repos/flaky/flaky> (github-forks)
                - `npm` for `pytorch`: not measured, no answer within 4 s (--timeout); asked <\(base)/downloads/point/last-month/slow> (npm-downloads)
                - `pypi` for `pytorch`: not measured, the answer is not JSON; asked <\(base)/api/packages/broken/recent?period=month> (pypi-downloads)
                - `stars` for `pytorch`: 1137, from <\(base)/api/v3/repos/pytorch/pytorch> (github-stars)
                - `stars` for `tensorflow`: not measured, HTTP 500 Internal Server Error after 3 tries; asked <\(base)/api/v3/repos/down/down> (github-stars)
                - `watchers` for `pytorch`: not measured, GitHub's rate limit is used up until 2100-01-01T00:00:00Z, later than --max-wait 5 s from now; asked <\(base)/api/v3/repos/limited/limited> (github-watchers)

                """)
        // The 429 was asked again once, the 500 three times, the rate limit once.
        #expect(targets.filter { $0 == "/api/v3/repos/flaky/flaky" }.count == 2)
        #expect(targets.filter { $0 == "/api/v3/repos/down/down" }.count == 3)
        #expect(targets.filter { $0 == "/api/v3/repos/limited/limited" }.count == 1)
        let check = try await CommandRunner.run(["check"], in: root, environment: [:])
        #expect(check.status == 0)
    }

    @Test func reportsFailedValuesAsWorkflowCommandsOrAsJSON() async throws {
        let server = ReplayServer(routes: Self.troubled)
        try await server.start()
        let port = await server.port
        let root = try Self.dataFolder(Self.failing)
        let arguments = ["collect", "--date", "2025-07-01", "--timeout", "4", "--max-wait", "5", "--dry-run"]
        let github = try await CommandRunner.run(
            arguments + ["--format", "github"], in: root, environment: Self.environment(port: port))
        let json = try await CommandRunner.run(
            arguments + ["--format", "json"], in: root, environment: Self.environment(port: port))
        await server.stop()
        let base = "http://127.0.0.1:\(port)"
        #expect(github.status == 4)
        #expect(
            github.standardError.split(separator: "\n").sorted() == [
                "::warning::npm for pytorch: no answer within 4 s (--timeout) (\(base)/downloads/point/last-month/slow)",
                "::warning::pypi for pytorch: the answer is not JSON (\(base)/api/packages/broken/recent?period=month)",
                "::warning::stars for tensorflow: HTTP 500 Internal Server Error after 3 tries (\(base)/api/v3/repos/down/down)",
                "::warning::watchers for pytorch: GitHub's rate limit is used up until 2100-01-01T00:00:00Z, later than --max-wait 5 s from now (\(base)/api/v3/repos/limited/limited)",
            ])
        #expect(json.status == 4)
        #expect(json.standardError == "")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["dry_run"] as? Bool == true)
        #expect(object["path"] is NSNull)
        #expect(object["error"] is NSNull)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        let values = try #require(object["values"] as? [[String: Any]])
        let lines = values.map { value in
            let number = (value["value"] as? Int).map(String.init) ?? "null"
            return
                "\(value["metric"] as? String ?? "") \(value["project"] as? String ?? "") \(number) \(value["error"] as? String ?? "-")"
        }.sorted()
        #expect(
            lines == [
                "forks pytorch 401 -",
                "npm pytorch null no answer within 4 s (--timeout)",
                "pypi pytorch null the answer is not JSON",
                "stars pytorch 1137 -",
                "stars tensorflow null HTTP 500 Internal Server Error after 3 tries",
                "watchers pytorch null GitHub's rate limit is used up until 2100-01-01T00:00:00Z, later than --max-wait 5 s from now",
            ])
        #expect(!FileManager.default.fileExists(atPath: root + "/data/snapshots"))
        #expect(!json.standardOutput.contains(Self.token) && !github.standardError.contains(Self.token))
    }

    static let kept = "---\ndate: 2025-06-30\n---\n| metric | pytorch |\n| --- | --: |\n| stars | 1 |\n"

    @Test func refusesAnExistingFileWithTwoBeforeAskingAnything() async throws {
        let server = ReplayServer(routes: Self.recorded)
        try await server.start()
        let port = await server.port
        let root = try Self.dataFolder(Self.allSources)
        try FileManager.default.createDirectory(atPath: root + "/data/snapshots", withIntermediateDirectories: true)
        try Self.kept.write(toFile: root + "/data/snapshots/2025-06-30-collected.md", atomically: true, encoding: .utf8)
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30"], in: root, environment: Self.environment(port: port))
        let seen = await server.seen
        await server.stop()
        #expect(run.status == 2)
        #expect(
            run.standardError
                == "error: data/snapshots/2025-06-30-collected.md: already exists; Bearings never overwrites a file (rename or delete it first)\n"
        )
        #expect(seen.isEmpty)
        #expect(
            try String(contentsOfFile: root + "/data/snapshots/2025-06-30-collected.md", encoding: .utf8) == Self.kept)
    }

    @Test func dryRunPrintsTheSnapshotAndWritesNothing() async throws {
        let server = ReplayServer(routes: Self.recorded)
        try await server.start()
        let port = await server.port
        let root = try Self.dataFolder(Self.allSources)
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30", "--dry-run"], in: root, environment: Self.environment(port: port))
        await server.stop()
        #expect(run.status == 0)
        #expect(run.standardOutput == Self.allSourcesSnapshot.replacingOccurrences(of: "PORT", with: String(port)))
        #expect(!FileManager.default.fileExists(atPath: root + "/data/snapshots"))
    }

    @Test func reportsConfigurationErrorsAtTheirPlaceAndExitsWithOne() async throws {
        let root = try Self.dataFolder([
            "stars": "  source: github-starz\n  projects: {pytorch: pytorch/pytorch}",
            "pypi": "  source: pypi-downloads\n  projects: {pytorch: torch, tensorfow: tensorflow}",
            "forks": "  source: github-forks\n  projects: {pytorch: not-a-repo}",
            "npm": "  source: npm-downloads",
        ])
        let expected = """
            data/metrics/forks.md:6:23: error: 'not-a-repo' is not a GitHub repository in the form owner/repo
                hint: github-forks needs a GitHub repository as owner/repo
            data/metrics/npm.md:4:1: error: 'collect' has no 'projects'
                hint: map each project id to an npm package name, e.g. 'projects: {our-id: …, their-id: …}'
            data/metrics/pypi.md:6:30: error: unknown project 'tensorfow'; did you mean 'tensorflow'?
                hint: correct the id, or declare it under 'competitors:' in data/project.md
            data/metrics/stars.md:5:11: error: unknown source 'github-starz'
                hint: did you mean 'github-stars'?

            """
        let collect = try await CommandRunner.run(["collect"], in: root, environment: [:])
        #expect(collect.status == 1)
        #expect(collect.standardError == expected)
        let check = try await CommandRunner.run(["check"], in: root, environment: [:])
        #expect(check.status == 1)
        #expect(check.standardError == expected)
        #expect(!FileManager.default.fileExists(atPath: root + "/data/snapshots"))
    }
}
