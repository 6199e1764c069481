import Foundation
import Testing

/// A user's first hour, end to end through the built executable: `bearings init`, then
/// `bearings collect --history` against a real ClickHouse engine (chDB behind
/// `Fixtures/clickhouse/clickhouse_http.py`) loaded with `Fixtures/clickhouse/two_years.py`, then
/// `bearings build --strict`. The rows follow a rule a reader checks by hand (in month k of 24, pytorch
/// has 10 + k contributors, tensorflow 30 - k, jax 5; see `two_years.py`); `rule` says it again here,
/// and the first test checks that `two_years.py`'s own count of its rows, in plain Python, agrees.
@Suite(.serialized)
struct TwoYearsEndToEndTests {
    static let projects = ["jax", "pytorch", "tensorflow"]  // the order of the CSV rows
    static let months = 1...24

    /// Month k, 1 = January 2023, as the CSV writes it.
    static func month(_ k: Int) -> String {
        let year = 2023 + (k - 1) / 12, number = (k - 1) % 12 + 1
        return "\(year)-\(number < 10 ? "0" : "")\(number)-01"
    }

    /// The rule of `two_years.py`: a metric's value for a project in month k.
    static func rule(_ metric: String, _ project: String, _ k: Int) -> Int {
        switch (metric, project) {
        case ("contributors", "pytorch"): 10 + k
        case ("contributors", "tensorflow"): 30 - k
        case ("contributors", _): 5
        case ("stars", "pytorch"): 3 * k
        case ("stars", "tensorflow"): 50 - k
        case ("stars", _): 10
        case (_, "pytorch"): 1_000_000 * k
        case (_, "tensorflow"): 1_000_000 * (25 - k)
        default: 100_000
        }
    }

    /// The rows `collect --history` must write for `metric`: 24 months × 3 projects.
    static func rows(_ metric: String) -> [String] {
        months.flatMap { k in projects.map { "\(month(k)),\(metric),\($0),\(rule(metric, $0, k))," } }
    }

    static func csv(_ metric: String) -> String {
        "date,metric,project,value,note\n" + rows(metric).map { $0 + "\n" }.joined()
    }

    static let metrics = ["contributors", "stars", "pypi-downloads"]

    @Test func theRowsCountedInPlainPythonFollowTheRule() async throws {
        let output = try await Self.python(["two_years.py"])
        #expect(output == Self.metrics.flatMap(Self.rows).map { $0 + "\n" }.joined())
        #expect(Self.rows("contributors").count == 72)
        #expect(Self.rows("contributors")[0] == "2023-01-01,contributors,jax,5,")
        #expect(Self.rows("contributors")[71] == "2024-12-01,contributors,tensorflow,6,")
    }

    @Test func initCollectHistoryAndBuildGiveTwoYearsOfMonthlyHistory() async throws {
        let server = ClickHouseServer(rows: "two_years.py")
        try await server.start()
        defer { server.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearings-two-years-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let environment = [
            "BEARINGS_GHARCHIVE_URL": "http://127.0.0.1:\(server.port)/",
            "BEARINGS_CLICKPY_URL": "http://127.0.0.1:\(server.port)/",
        ]

        let initialize = try await CommandRunner.run(
            [
                "init", "--name", "PyTorch", "--repo", "pytorch/pytorch", "--vs", "tensorflow/tensorflow,jax-ml/jax",
                "--pypi", "torch,tensorflow,jax",
            ], in: root, environment: [:])
        #expect(initialize.status == 0)
        #expect(initialize.standardError == "")

        // January 2025 is in the rows too, but incomplete on the 15th: 24 complete months.
        let collect = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-01-15"], in: root, environment: environment)
        #expect(collect.status == 0)
        #expect(collect.standardError == "")
        #expect(
            collect.standardOutput == """
                data/series/collected-contributors.csv: updated
                data/series/collected-pypi-downloads.csv: updated
                data/series/collected-stars.csv: updated
                216 new values

                """)
        for metric in Self.metrics {
            let written = try String(contentsOfFile: root + "/data/series/collected-\(metric).csv", encoding: .utf8)
            #expect(written == Self.csv(metric), "\(metric)")
        }
        #expect(try server.requests().count == 9)  // 3 metrics × 3 projects

        let build = try await CommandRunner.run(["build", "--strict"], in: root, environment: [:])
        #expect(build.status == 0)
        #expect(build.standardError == "")

        // site.json: the headline's 24 dated values per project, and its share, (10 + k) / 45, per month.
        let site = try JSONDecoder().decode(
            Site.self, from: Data(contentsOf: URL(fileURLWithPath: root + "/site/data/site.json")))
        var headline: [String: [String: Double]] = [:]
        for row in site.observations where row.metric == "contributors" {
            for (project, value) in row.values { headline[project, default: [:]][row.date] = value }
        }
        #expect(headline.keys.sorted() == Self.projects)
        for project in Self.projects {
            #expect(headline[project]?.count == 24, "\(project)")
            for k in Self.months {
                #expect(
                    headline[project]?[Self.month(k)] == Double(Self.rule("contributors", project, k)),
                    "\(project) \(k)")
            }
        }
        let shares = try #require(site.analysis.shares["contributors"])
        #expect(shares.count == 24)
        #expect(shares.map(\.date) == Self.months.map(Self.month))
        let values = shares.map(\.share)
        #expect(values == Self.months.map { Double(10 + $0) / 45 })
        #expect(values.first == 11.0 / 45)  // January 2023
        #expect(values.count == 24 && values[9] == 20.0 / 45 && values[10] == 21.0 / 45)  // the tie, then ahead
        #expect(values.last == 34.0 / 45)  // December 2024
        // By hand from the rule: contributors 10 + k > 30 - k from k = 11; stars 3k > 10 from k = 4 and
        // 3k > 50 - k from k = 13; downloads k > 25 - k from k = 13.
        #expect(
            site.analysis.crossovers == [
                Crossover(date: "2023-11-01", metric: "contributors", passed: "tensorflow", passer: "pytorch"),
                Crossover(date: "2024-01-01", metric: "pypi-downloads", passed: "tensorflow", passer: "pytorch"),
                Crossover(date: "2023-04-01", metric: "stars", passed: "jax", passer: "pytorch"),
                Crossover(date: "2024-01-01", metric: "stars", passed: "tensorflow", passer: "pytorch"),
            ])

        // The dashboard's headline: December 2024's share, 34 of 45 = 75.6%, up from 22 of 45 = 48.9% a year before.
        let dashboard = try String(contentsOfFile: root + "/site/index.html", encoding: .utf8)
        #expect(dashboard.contains("<p class=\"as-of\">As of <time datetime=\"2024-12-01\">Dec 2024</time></p>"))
        #expect(
            dashboard.contains(
                "<span class=\"figure-value headline-figure\">75.6%</span> <span class=\"figure-label\">PyTorch&#39;s share, 34 people</span>"
            ))
        #expect(dashboard.contains("over a year, from 48.9% in Dec\u{00A0}2023"))

        // Again, the same day and later that month: nothing asked, every file of the data folder the same bytes.
        let before = try Self.files(root + "/data")
        for date in ["2025-01-15", "2025-01-31"] {
            let again = try await CommandRunner.run(
                ["collect", "--history", "--date", date], in: root, environment: environment)
            #expect(again.status == 0)
            #expect(again.standardOutput == "0 new values\n")
            #expect(try Self.files(root + "/data") == before)
        }
        #expect(try server.requests().count == 9)
    }

    /// The parts of site.json read here.
    struct Site: Decodable {
        struct Observation: Decodable {
            var date: String
            var metric: String
            var values: [String: Double]
        }
        struct Share: Decodable {
            var date: String
            var share: Double?
        }
        struct Analysis: Decodable {
            var shares: [String: [Share]]
            var crossovers: [Crossover]
        }
        var observations: [Observation]
        var analysis: Analysis
    }

    struct Crossover: Decodable, Equatable {
        var date: String
        var metric: String
        var passed: String
        var passer: String
        var settled = true
    }

    /// Every file under `folder`, by its path there, with its bytes.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue
            {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }

    /// The standard output of `python3 arguments` in `Fixtures/clickhouse`, off the cooperative thread pool.
    static func python(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = ["python3"] + arguments
                    process.currentDirectoryURL = URL(fileURLWithPath: ClickHouseServer.directory)
                    let output = Pipe()
                    process.standardOutput = output
                    try process.run()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
