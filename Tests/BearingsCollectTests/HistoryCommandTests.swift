@testable import BearingsCollect
import BearingsKit
import Foundation
import Testing

/// `bearings collect --history` against a real ClickHouse engine (chDB behind
/// `Fixtures/clickhouse/clickhouse_http.py`), its tables shaped as GH Archive's and ClickPy's, its rows
/// in `rows.py`. Every expected count is in `expected.py`'s output, which counts the rows without SQL.
@Suite(.serialized)
struct HistoryCommandTests {
    static let token = "ghp_TEST0TOKEN0never0sent0to0clickhouse"

    static let metrics: [String: String] = [
        "stars":
            "  source: gharchive-stars\n  projects: {pytorch: pytorch/pytorch, tensorflow: tensorflow/tensorflow}",
        "forks": "  source: gharchive-forks\n  projects: {pytorch: pytorch/pytorch}",
        "issues": "  source: gharchive-issues\n  projects: {pytorch: pytorch/pytorch}",
        "contributors": "  source: gharchive-contributors\n  projects: {pytorch: pytorch/pytorch}",
        "downloads": "  source: clickpy-downloads\n  projects: {pytorch: Torch, tensorflow: Zope.Interface}",
    ]

    /// GH Archive at `/quoted/` (64-bit integers quoted, as older servers answer), ClickPy at `/`
    /// (bare, as newer ones do).
    static func environment(_ port: UInt16, clickpy: String = "/") -> [String: String] {
        [
            "BEARINGS_GHARCHIVE_URL": "http://127.0.0.1:\(port)/quoted/",
            "BEARINGS_CLICKPY_URL": "http://127.0.0.1:\(port)\(clickpy)",
            "GITHUB_TOKEN": token,
        ]
    }

    static let stars = """
        date,metric,project,value,note
        2024-12-01,stars,pytorch,1,
        2025-01-01,stars,pytorch,3,
        2025-02-01,stars,pytorch,0,
        2025-02-01,stars,tensorflow,2,
        2025-03-01,stars,pytorch,2,
        2025-03-01,stars,tensorflow,0,

        """
    static let forks = """
        date,metric,project,value,note
        2025-01-01,forks,pytorch,1,
        2025-02-01,forks,pytorch,0,
        2025-03-01,forks,pytorch,2,

        """
    static let issues = """
        date,metric,project,value,note
        2025-01-01,issues,pytorch,1,
        2025-02-01,issues,pytorch,2,
        2025-03-01,issues,pytorch,1,

        """
    static let contributors = """
        date,metric,project,value,note
        2025-01-01,contributors,pytorch,3,
        2025-02-01,contributors,pytorch,1,
        2025-03-01,contributors,pytorch,2,

        """
    static let downloads = """
        date,metric,project,value,note
        2025-01-01,downloads,pytorch,4000000005,
        2025-02-01,downloads,pytorch,5000000007,
        2025-03-01,downloads,pytorch,4500000001,
        2025-03-01,downloads,tensorflow,4,

        """

    static func read(_ root: String, _ metric: String) -> String? {
        try? String(contentsOfFile: root + "/data/series/collected-\(metric).csv", encoding: .utf8)
    }

    @Test func collectsOneValuePerCompleteMonthChecksStrictAndAddsOnlyNewMonthsLater() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder(Self.metrics)
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15"], in: root, environment: Self.environment(server.port))
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                data/series/collected-contributors.csv: updated
                data/series/collected-downloads.csv: updated
                data/series/collected-forks.csv: updated
                data/series/collected-issues.csv: updated
                data/series/collected-stars.csv: updated
                19 new values

                """)
        #expect(Self.read(root, "stars") == Self.stars)
        #expect(Self.read(root, "forks") == Self.forks)
        #expect(Self.read(root, "issues") == Self.issues)
        #expect(Self.read(root, "contributors") == Self.contributors)
        #expect(Self.read(root, "downloads") == Self.downloads)

        // Every request: a POST of constant SQL, the names only as parameters, the format, a time limit,
        // the public user, and never GitHub's token.
        let requests = try server.requests()
        #expect(requests.count == 7)
        for request in requests {
            #expect(request.method == "POST")
            #expect(request.query.hasPrefix("default_format=JSONCompact&max_execution_time=30&param_"))
            #expect(
                !request.body.contains("pytorch") && !request.body.contains("torch") && !request.body.contains("2025"))
            #expect(request.headers["x-clickhouse-user"] == "play")
            #expect(request.headers["x-clickhouse-key"] == nil)
            #expect(request.headers["authorization"] == nil)
            #expect(!"\(request.headers)\(request.query)".contains(Self.token))
            #expect(request.headers["user-agent"]?.hasPrefix("bearings/") == true)
        }
        let stars = try #require(requests.first { $0.query.contains("param_repo=tensorflow%2Ftensorflow") })
        #expect(stars.path == "/quoted/")
        #expect(
            stars.query
                == "default_format=JSONCompact&max_execution_time=30&param_from=2011-02-01%2000%3A00%3A00&param_repo=tensorflow%2Ftensorflow&param_to=2025-04-01%2000%3A00%3A00"
        )
        #expect(stars.body.contains("event_type = 'WatchEvent'") && stars.body.contains("{repo:String}"))
        let torch = try #require(requests.first { $0.query.contains("param_package=") && $0.query.contains("torch") })
        #expect(torch.path == "/")
        #expect(
            torch.query
                == "default_format=JSONCompact&max_execution_time=30&param_from=2016-01-01&param_package=torch&param_to=2025-04-01"
        )
        #expect(requests.contains { $0.query.contains("param_package=zope-interface&") })

        let check = try await CommandRunner.run(["check", "--strict"], in: root, environment: [:])
        #expect(check.status == 0)
        #expect(check.standardError == "")

        // Again on the same day: nothing to ask, nothing rewritten, the same bytes.
        let sources = try String(contentsOfFile: root + "/data/series/collected-stars.sources.txt", encoding: .utf8)
        let again = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-20"], in: root, environment: Self.environment(server.port))
        #expect(again.status == 0)
        #expect(again.standardOutput == "0 new values\n")
        #expect(try server.requests().count == 7)
        #expect(Self.read(root, "stars") == Self.stars)
        #expect(
            try String(contentsOfFile: root + "/data/series/collected-stars.sources.txt", encoding: .utf8) == sources)

        // Two months later: April and May only, asked from April on; the rows there stay as they were.
        let later = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-06-01"], in: root, environment: Self.environment(server.port))
        #expect(later.status == 0)
        #expect(
            Self.read(root, "stars")
                == Self.stars + "2025-04-01,stars,pytorch,1,\n2025-04-01,stars,tensorflow,0,\n"
                + "2025-05-01,stars,pytorch,1,\n2025-05-01,stars,tensorflow,0,\n")
        #expect(
            Self.read(root, "downloads")
                == Self.downloads + "2025-04-01,downloads,pytorch,100,\n2025-04-01,downloads,tensorflow,0,\n"
                + "2025-05-01,downloads,pytorch,0,\n2025-05-01,downloads,tensorflow,0,\n")
        let newer = try server.requests().dropFirst(7)
        #expect(newer.count == 7)
        #expect(
            newer.allSatisfy { $0.query.contains("param_from=2025-04-01") && $0.query.contains("param_to=2025-06-01") })
        let provenance = try String(contentsOfFile: root + "/data/series/collected-stars.sources.txt", encoding: .utf8)
        #expect(provenance.hasPrefix(sources))
        #expect(
            provenance.dropFirst(sources.count).hasPrefix(
                "stars for pytorch: 2 values, 2025-04-01 to 2025-05-01, collected 2025-06-01 by gharchive-stars from GH Archive (github_events) on ClickHouse at http://127.0.0.1:\(server.port)/quoted/\nPOST http://127.0.0.1:\(server.port)/quoted/?default_format=JSONCompact&max_execution_time=30&param_from=2025-04-01%2000%3A00%3A00&param_repo=pytorch%2Fpytorch&param_to=2025-06-01%2000%3A00%3A00\nSELECT toStartOfMonth(created_at) AS period, count() AS value\nFROM github_events\n"
            ))
        let check2 = try await CommandRunner.run(["check", "--strict"], in: root, environment: [:])
        #expect(check2.status == 0)
        #expect(check2.standardError == "")
    }

    @Test func sinceStartsEveryProjectAtThatMonthWithZeros() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder(["stars": Self.metrics["stars"] ?? ""])
        let run = try await CommandRunner.run(
            ["collect", "--history", "--since", "2024-11", "--date", "2025-04-01"], in: root,
            environment: Self.environment(server.port))
        #expect(run.status == 0)
        #expect(
            Self.read(root, "stars") == """
                date,metric,project,value,note
                2024-11-01,stars,pytorch,0,
                2024-11-01,stars,tensorflow,0,
                2024-12-01,stars,pytorch,1,
                2024-12-01,stars,tensorflow,0,
                2025-01-01,stars,pytorch,3,
                2025-01-01,stars,tensorflow,0,
                2025-02-01,stars,pytorch,0,
                2025-02-01,stars,tensorflow,2,
                2025-03-01,stars,pytorch,2,
                2025-03-01,stars,tensorflow,0,

                """)
        let bad = try await CommandRunner.run(
            ["collect", "--history", "--since", "2024-13"], in: root, environment: Self.environment(server.port))
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--since must be a month as YYYY-MM, not '2024-13'"))
    }

    @Test func aFailingSourceLeavesItsMetricsUntouchedAndTheOthersAreWritten() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder([
            "stars": Self.metrics["stars"] ?? "", "downloads": Self.metrics["downloads"] ?? "",
        ])
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15"], in: root,
            environment: Self.environment(server.port, clickpy: "/down/"))
        #expect(run.status == 4)
        #expect(
            run.standardError == """
                warning: downloads for pytorch: HTTP 503 Service Unavailable after 3 tries
                warning: downloads for tensorflow: HTTP 503 Service Unavailable after 3 tries
                warning: data/series/collected-downloads.csv: left as it was, since a value of its metric failed

                """)
        #expect(Self.read(root, "stars") == Self.stars)
        #expect(Self.read(root, "downloads") == nil)
        #expect(try server.requests().filter { $0.path == "/down/" }.count == 6)

        // An answer that is not ClickHouse's, and a password ClickHouse refuses: that source fails, with
        // ClickHouse's own words.
        let garbage = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15", "--dry-run"], in: root,
            environment: Self.environment(server.port, clickpy: "/garbage/"))
        #expect(garbage.status == 4)
        #expect(
            garbage.standardError.hasPrefix(
                "warning: downloads for pytorch: the answer is not ClickHouse's JSONCompact\n"))
        var refused = Self.environment(server.port)
        refused["BEARINGS_CLICKHOUSE_USER"] = "bearings-ci"
        refused["BEARINGS_CLICKHOUSE_PASSWORD"] = "wrong"
        let denied = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15", "--dry-run"], in: root, environment: refused)
        #expect(denied.status == 4)
        #expect(
            denied.standardError.hasPrefix(
                "warning: downloads for pytorch: HTTP 403 Forbidden: Code: 516. DB::Exception: bearings-ci: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)"
            ))
        #expect(!denied.standardError.contains("wrong"))
    }

    @Test func credentialsGoToTheClickHouseEndpointsOnly() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder([
            "stars": Self.metrics["stars"] ?? "", "downloads": Self.metrics["downloads"] ?? "",
        ])
        var environment = Self.environment(server.port)
        environment["BEARINGS_CLICKHOUSE_USER"] = "bearings-ci"
        environment["BEARINGS_CLICKHOUSE_PASSWORD"] = "ci-secret"
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15"], in: root, environment: environment)
        #expect(run.status == 0)
        #expect(Self.read(root, "stars") == Self.stars)
        let requests = try server.requests()
        #expect(requests.count == 4)
        for request in requests {
            #expect(request.headers["x-clickhouse-user"] == "bearings-ci")
            #expect(request.headers["x-clickhouse-key"] == "ci-secret")
            #expect(request.headers["authorization"] == nil)
            #expect(!request.query.contains("ci-secret") && !request.body.contains("ci-secret"))
        }
        let written = try FileManager.default.subpathsOfDirectory(atPath: root + "/data/series").map {
            try String(contentsOfFile: root + "/data/series/" + $0, encoding: .utf8)
        }
        #expect(written.count == 4)
        #expect(!written.contains { $0.contains("ci-secret") || $0.contains(Self.token) })
        #expect(!run.standardOutput.contains("ci-secret") && !run.standardError.contains("ci-secret"))
        // The password never goes to the other services' headers.
        let headers = Collector.headers(
            CollectOptions(environment: environment, version: "test"))
        for service in CollectService.allCases {
            #expect((headers[service]?["X-ClickHouse-Key"] != nil) == service.isClickHouse, "\(service)")
            #expect((headers[service]?["Authorization"] != nil) == (service == .github), "\(service)")
        }
    }

    @Test func dryRunPrintsTheQueriesAndTheRowsAndWritesNothing() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder(["forks": Self.metrics["forks"] ?? ""])
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15", "--dry-run"], in: root,
            environment: Self.environment(server.port))
        #expect(run.status == 0)
        #expect(
            run.standardOutput == """
                # forks → data/series/collected-forks.csv

                ## pytorch (gharchive-forks)
                POST http://127.0.0.1:\(server.port)/quoted/?default_format=JSONCompact&max_execution_time=30&param_from=2011-02-01%2000%3A00%3A00&param_repo=pytorch%2Fpytorch&param_to=2025-04-01%2000%3A00%3A00
                SELECT toStartOfMonth(created_at) AS period, count() AS value
                FROM github_events
                WHERE event_type = 'ForkEvent'
                  AND repo_name = {repo:String}
                  AND created_at >= {from:DateTime} AND created_at < {to:DateTime}
                GROUP BY period
                ORDER BY period
                → 3 new rows
                2025-01-01,forks,pytorch,1,
                2025-02-01,forks,pytorch,0,
                2025-03-01,forks,pytorch,2,

                """)
        #expect(!FileManager.default.fileExists(atPath: root + "/data/series"))
    }

    @Test func leavesAHandWrittenFileOfTheSameNameAlone() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder([
            "stars": Self.metrics["stars"] ?? "", "forks": Self.metrics["forks"] ?? "",
        ])
        try FileManager.default.createDirectory(atPath: root + "/data/series", withIntermediateDirectories: true)
        let mine = "date,metric,project,value\n2025-01-01,stars,pytorch,10\n"
        try mine.write(toFile: root + "/data/series/collected-stars.csv", atomically: true, encoding: .utf8)
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15"], in: root, environment: Self.environment(server.port))
        #expect(run.status == 4)
        #expect(
            run.standardError
                == "warning: stars: data/series/collected-stars.csv: its first line is not 'date,metric,project,value,note', so 'bearings collect --history' did not write it; rename it to keep it\n"
        )
        #expect(Self.read(root, "stars") == mine)
        #expect(Self.read(root, "forks") == Self.forks)
    }

    /// A provenance file linked out of the folder is neither read nor replaced: the outside file's
    /// text never lands in the data folder.
    @Test func aLinkedProvenanceFileIsNeitherReadNorReplaced() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let root = try CollectCommandTests.dataFolder([
            "stars": Self.metrics["stars"] ?? "", "forks": Self.metrics["forks"] ?? "",
        ])
        try FileManager.default.createDirectory(atPath: root + "/data/series", withIntermediateDirectories: true)
        let secret = root + "/secret.txt"
        try "token=abc123\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let link = root + "/data/series/collected-stars.sources.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: secret)
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-04-15"], in: root, environment: Self.environment(server.port))
        #expect(run.status == 4)
        #expect(
            run.standardError
                == "warning: stars: data/series/collected-stars.sources.txt: is a symbolic link or not a plain file, so 'bearings collect --history' did not read or write it; replace it with a plain file to keep it\n"
        )
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == secret)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "token=abc123\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/data/series/collected-stars.csv"))
        #expect(Self.read(root, "forks") == Self.forks)
    }

    /// Names that only parameters can carry, sent through the real transport to the real engine.
    @Test func namesWithQuotesBackslashesAndSlashesAreBoundNotPasted() async throws {
        let server = ClickHouseServer()
        try await server.start()
        defer { server.stop() }
        let bases = try CollectBases(environment: ["BEARINGS_GHARCHIVE_URL": "http://127.0.0.1:\(server.port)"])
        let context = HistoryContext(bases: bases, timeout: 10)
        let history = try #require(CollectSource.gharchiveStars.history)
        let transport = URLSessionTransport(timeout: 10)
        let from = try #require(Day(iso: "2024-01-01")), to = try #require(Day(iso: "2025-04-01"))
        var counts: [String: [Day: Int64]] = [:]
        for name in ["it's/\"quoted\"\\back", "x' OR '1'='1", "it's/\"quoted\"\\back' --"] {
            let request = try #require(history.requests(for: name, from: from, to: to, context: context).first)
            #expect(request.url.hasPrefix("http://127.0.0.1:\(server.port)/?default_format=JSONCompact"))
            let answer = try await transport.post(
                request.url, headers: ["X-ClickHouse-User": "play"], body: request.body ?? []
            ).get()
            #expect(answer.status == 200)
            counts[name] = try history.values(from: answer, request: request).get()
        }
        let january = try #require(Day(iso: "2025-01-01"))
        #expect(counts["it's/\"quoted\"\\back"] == [january: 2])
        #expect(counts["x' OR '1'='1"] == [january: 1])
        #expect(counts["it's/\"quoted\"\\back' --"] == [:])
    }

    @Test func npmHistoryComesFromTheRangeAPIAndGetsNoClickHouseCredentials() async throws {
        let clickhouse = ClickHouseServer()
        try await clickhouse.start()
        defer { clickhouse.stop() }
        let npm = ReplayServer { path, _ in
            path == "/downloads/range/2017-09-01:2017-09-30/strict-mode"
                ? .init(body: Recorded.bytes("npm-downloads-range-strict-mode.json"))
                : .init(status: 404, body: Array(#"{"error":"not found"}"#.utf8))
        }
        try await npm.start()
        let port = await npm.port
        let root = try CollectCommandTests.dataFolder([
            "stars": Self.metrics["stars"] ?? "", "npm": "  source: npm-downloads\n  projects: {pytorch: strict-mode}",
        ])
        var environment = Self.environment(clickhouse.port)
        environment["BEARINGS_NPM_API"] = "http://127.0.0.1:\(port)"
        environment["BEARINGS_CLICKHOUSE_USER"] = "bearings-ci"
        environment["BEARINGS_CLICKHOUSE_PASSWORD"] = "ci-secret"
        let run = try await CommandRunner.run(
            ["collect", "--history", "--since", "2017-09", "--date", "2017-10-15"], in: root, environment: environment)
        let seen = await npm.seen
        await npm.stop()
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(Self.read(root, "npm") == "date,metric,project,value,note\n2017-09-01,npm,pytorch,218,\n")
        #expect(
            Self.read(root, "stars")
                == "date,metric,project,value,note\n2017-09-01,stars,pytorch,0,\n2017-09-01,stars,tensorflow,0,\n")
        #expect(seen.map(\.target) == ["/downloads/range/2017-09-01:2017-09-30/strict-mode"])
        #expect(seen.allSatisfy { $0.clickHouseKey == nil && $0.authorization == nil })
        let requests = try clickhouse.requests()
        #expect(requests.count == 2)
        #expect(
            requests.allSatisfy { $0.headers["x-clickhouse-key"] == "ci-secret" && $0.headers["authorization"] == nil })
        let provenance = try String(contentsOfFile: root + "/data/series/collected-npm.sources.txt", encoding: .utf8)
        #expect(
            provenance == """
                npm for pytorch: 1 value, 2017-09-01 to 2017-09-01, collected 2017-10-15 by npm-downloads from npm's download counts at http://127.0.0.1:\(port)/downloads/range
                GET http://127.0.0.1:\(port)/downloads/range/2017-09-01:2017-09-30/strict-mode


                """)
        let check = try await CommandRunner.run(["check", "--strict"], in: root, environment: [:])
        #expect(check.status == 0)
    }

    @Test func plainCollectSendsAHistoryOnlySourceToHistory() async throws {
        let root = try CollectCommandTests.dataFolder(["stars": Self.metrics["stars"] ?? ""])
        let run = try await CommandRunner.run(["collect", "--date", "2025-04-15"], in: root, environment: [:])
        #expect(run.status == 1)
        #expect(
            run.standardError
                == "error: data/metrics: every 'collect:' source here has only history; collect it with 'bearings collect --history'\n"
        )
        #expect(!FileManager.default.fileExists(atPath: root + "/data/snapshots"))
    }
}
