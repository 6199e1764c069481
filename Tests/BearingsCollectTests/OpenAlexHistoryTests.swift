@testable import BearingsCollect
import BearingsKit
import Foundation
import Testing

/// `openalex-works-per-year`: OpenAlex's works per publication year, read from a recorded real
/// group_by answer (`openalex-group-by-year-seoul.json`, 22 groups, 2001 to 2025, 82 works; see
/// Fixtures/collect/SOURCES.md). Its counts per year, read by hand from the file: 2001 2, 2002 8,
/// 2003 5, 2004 7, 2005 6, 2006 3, 2007 6, 2008 3, 2009 4, 2010 2, 2011 2, 2012 1, 2013 none, 2014 1,
/// 2015 4, 2016 4, 2017 3, 2018 5, 2019 4, 2020 2, 2021 6, 2022 3, 2023 none, 2024 none, 2025 1.
@Suite(.serialized)
struct OpenAlexHistoryTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    /// A query with quotes, spaces and `&`, as a metric file gives it, and as it must reach OpenAlex.
    static let query = #"graph "neural" nets & more"#
    static let encoded = "graph%20%22neural%22%20nets%20%26%20more"
    static let papers = "  source: openalex-works-per-year\n  projects: {pytorch: 'graph \"neural\" nets & more'}"

    static func answer(_ text: String) -> CollectAnswer { CollectAnswer(status: 200, body: Array(text.utf8)) }

    // MARK: The source's pure parts

    @Test func asksForTheYearsWantedInOneRequestTheQueryEncoded() throws {
        let history = try #require(CollectSource.openalexWorksPerYear.history)
        let context = HistoryContext(
            bases: try CollectBases(environment: ["BEARINGS_OPENALEX_API": "https://oa.example.org/api/"]), timeout: 30)
        #expect(history.period == .year)
        #expect(history.earliest == Self.day("1970-01-01"))
        let urls = history.requests(
            for: Self.query, from: Self.day("2019-01-01"), to: Self.day("2025-01-01"), context: context
        ).map(\.url)
        #expect(
            urls == [
                "https://oa.example.org/api/works?search=\(Self.encoded)&filter=publication_year:2019-2024&group_by=publication_year"
            ])
        #expect(
            history.requests(for: "x", from: Self.day("2025-01-01"), to: Self.day("2025-01-01"), context: context)
                .isEmpty)
        // Never past 2099, the last year Bearings reads.
        #expect(
            history.requests(for: "x", from: Self.day("2098-01-01"), to: Self.day("2200-01-01"), context: context)
                .map(\.url) == [
                    "https://oa.example.org/api/works?search=x&filter=publication_year:2098-2099&group_by=publication_year"
                ])
    }

    @Test func readsTheRecordedAnswerYearByYear() throws {
        let history = try #require(CollectSource.openalexWorksPerYear.history)
        let request = HistoryRequest(service: .openalex, url: "http://127.0.0.1/works")
        let read = history.values(
            from: CollectAnswer(status: 200, body: Recorded.bytes("openalex-group-by-year-seoul.json")),
            request: request)
        let expected: [Int: Int64] = [
            2001: 2, 2002: 8, 2003: 5, 2004: 7, 2005: 6, 2006: 3, 2007: 6, 2008: 3, 2009: 4, 2010: 2, 2011: 2,
            2012: 1, 2014: 1, 2015: 4, 2016: 4, 2017: 3, 2018: 5, 2019: 4, 2020: 2, 2021: 6, 2022: 3, 2025: 1,
        ]
        #expect(
            read
                == .success(
                    Dictionary(uniqueKeysWithValues: expected.map { (Self.day("\($0.key)-01-01"), $0.value) })))
    }

    @Test func leavesOutUnknownAndYearsBeyondWhatBearingsReads() throws {
        let history = try #require(CollectSource.openalexWorksPerYear.history)
        let request = HistoryRequest(service: .openalex, url: "http://127.0.0.1/works")
        let body = """
            {"meta": {"groups_count": 5}, "group_by": [{"key": "unknown", "key_display_name": "unknown", "count": 9},
            {"key": "1969", "count": 4}, {"key": "1970", "count": 3}, {"key": 2099, "count": 2}, {"key": "2100", "count": 1}]}
            """
        #expect(
            history.values(from: Self.answer(body), request: request)
                == .success([Self.day("1970-01-01"): 3, Self.day("2099-01-01"): 2]))
        #expect(
            history.notes(from: Self.answer(body), request: request) == [
                "9 works without a publication year (OpenAlex's unknown group) left out",
                "4 works of 1969 left out: Bearings reads the years 1970 to 2099",
                "1 work of 2100 left out: Bearings reads the years 1970 to 2099",
            ])
        #expect(
            history.notes(
                from: CollectAnswer(status: 200, body: Recorded.bytes("openalex-group-by-year-seoul.json")),
                request: request
            ).isEmpty)
    }

    @Test(arguments: [
        ("<html>", "the answer is not OpenAlex's groups (group_by: key, count)"),
        (#"{"meta": {"count": 3}}"#, "the answer is not OpenAlex's groups (group_by: key, count)"),
        (
            #"{"group_by": [{"key": "2020", "count": 2.5}]}"#,
            "the answer is not OpenAlex's groups (group_by: key, count)"
        ),
        (#"{"group_by": [{"key": "2020", "count": -1}]}"#, "the count of '2020' in the answer is negative"),
        (#"{"group_by": [{"key": "MMXX", "count": 1}]}"#, "the answer has a group 'MMXX', which is not a year"),
        (#"{"group_by": [{"key": "+202", "count": 1}]}"#, "the answer has a group '+202', which is not a year"),
        (#"{"group_by": [{"key": "2020", "count": 1}, {"key": "2020", "count": 2}]}"#, "the answer names 2020 twice"),
        (
            #"{"meta": {"groups_count": 201}, "group_by": [{"key": "2020", "count": 1}]}"#,
            "OpenAlex gave 1 of its 201 groups; ask for fewer years"
        ),
    ])
    func refusesAnAnswerItCannotRead(_ body: String, _ reason: String) throws {
        let history = try #require(CollectSource.openalexWorksPerYear.history)
        let request = HistoryRequest(service: .openalex, url: "http://127.0.0.1/works")
        #expect(history.values(from: Self.answer(body), request: request) == .failure(CollectFailure(reason)))
    }

    // MARK: The command, against a loopback server serving the recorded answer

    /// A server answering `/works` with the recorded answer, or with `body` when given.
    static func server(_ body: [UInt8]? = nil) -> ReplayServer {
        ReplayServer { path, _ in
            path == "/works"
                ? .init(body: body ?? Recorded.bytes("openalex-group-by-year-seoul.json"))
                : .init(status: 404, body: Array(#"{"error":"not found"}"#.utf8))
        }
    }

    static func environment(_ port: UInt16) -> [String: String] {
        [
            "BEARINGS_OPENALEX_API": "http://127.0.0.1:\(port)",
            "GITHUB_TOKEN": "ghp_TEST0TOKEN0never0sent0to0openalex",
            "BEARINGS_CLICKHOUSE_USER": "bearings-ci",
            "BEARINGS_CLICKHOUSE_PASSWORD": "ci-secret",
        ]
    }

    static func read(_ root: String, _ name: String) -> String? {
        try? String(contentsOfFile: root + "/data/series/" + name, encoding: .utf8)
    }

    /// 2001 (the first year with works) to 2024; 2025 is not over on 2025-06-15.
    static let through2024 = """
        date,metric,project,value,note
        2001-01-01,papers,pytorch,2,
        2002-01-01,papers,pytorch,8,
        2003-01-01,papers,pytorch,5,
        2004-01-01,papers,pytorch,7,
        2005-01-01,papers,pytorch,6,
        2006-01-01,papers,pytorch,3,
        2007-01-01,papers,pytorch,6,
        2008-01-01,papers,pytorch,3,
        2009-01-01,papers,pytorch,4,
        2010-01-01,papers,pytorch,2,
        2011-01-01,papers,pytorch,2,
        2012-01-01,papers,pytorch,1,
        2013-01-01,papers,pytorch,0,
        2014-01-01,papers,pytorch,1,
        2015-01-01,papers,pytorch,4,
        2016-01-01,papers,pytorch,4,
        2017-01-01,papers,pytorch,3,
        2018-01-01,papers,pytorch,5,
        2019-01-01,papers,pytorch,4,
        2020-01-01,papers,pytorch,2,
        2021-01-01,papers,pytorch,6,
        2022-01-01,papers,pytorch,3,
        2023-01-01,papers,pytorch,0,
        2024-01-01,papers,pytorch,0,

        """

    @Test func writesOneValuePerCompleteYearThenOnlyTheNewYear() async throws {
        let server = Self.server()
        try await server.start()
        let port = await server.port
        let root = try CollectCommandTests.dataFolder(["papers": Self.papers])
        let environment = Self.environment(port)

        let first = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-06-15"], in: root, environment: environment)
        #expect(first.status == 0)
        #expect(first.standardError == "")
        #expect(Self.read(root, "collected-papers.csv") == Self.through2024)
        let provenance = """
            papers for pytorch: 24 values, 2001-01-01 to 2024-01-01, collected 2025-06-15 by openalex-works-per-year from OpenAlex's works per publication year at http://127.0.0.1:\(port)/works
            GET http://127.0.0.1:\(port)/works?search=\(Self.encoded)&filter=publication_year:1970-2024&group_by=publication_year


            """
        #expect(Self.read(root, "collected-papers.sources.txt") == provenance)

        // The same day again: nothing to ask, not a byte changed.
        let again = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-06-15"], in: root, environment: environment)
        #expect(again.status == 0)
        #expect(Self.read(root, "collected-papers.csv") == Self.through2024)
        #expect(Self.read(root, "collected-papers.sources.txt") == provenance)

        // Once 2025 is over, only 2025 is asked for and added.
        let later = try await CommandRunner.run(
            ["collect", "--history", "--date", "2026-01-02"], in: root, environment: environment)
        #expect(later.status == 0)
        #expect(Self.read(root, "collected-papers.csv") == Self.through2024 + "2025-01-01,papers,pytorch,1,\n")
        let seen = await server.seen
        await server.stop()
        #expect(
            seen.map(\.target) == [
                "/works?search=\(Self.encoded)&filter=publication_year:1970-2024&group_by=publication_year",
                "/works?search=\(Self.encoded)&filter=publication_year:2025-2025&group_by=publication_year",
            ])
        #expect(seen.allSatisfy { $0.authorization == nil && $0.clickHouseKey == nil })
        #expect(seen.allSatisfy { $0.userAgent?.hasPrefix("bearings/") == true })
        let check = try await CommandRunner.run(["check", "--strict"], in: root, environment: [:])
        #expect(check.status == 0)
    }

    @Test func sinceAMonthStartsAtItsYearAndWritesEveryYearFromThere() async throws {
        let server = Self.server()
        try await server.start()
        let port = await server.port
        let root = try CollectCommandTests.dataFolder(["papers": Self.papers])
        let run = try await CommandRunner.run(
            ["collect", "--history", "--since", "2019-07", "--date", "2025-06-15"], in: root,
            environment: Self.environment(port))
        let seen = await server.seen
        await server.stop()
        #expect(run.status == 0)
        #expect(
            Self.read(root, "collected-papers.csv") == """
                date,metric,project,value,note
                2019-01-01,papers,pytorch,4,
                2020-01-01,papers,pytorch,2,
                2021-01-01,papers,pytorch,6,
                2022-01-01,papers,pytorch,3,
                2023-01-01,papers,pytorch,0,
                2024-01-01,papers,pytorch,0,

                """)
        #expect(
            seen.map(\.target) == [
                "/works?search=\(Self.encoded)&filter=publication_year:2019-2024&group_by=publication_year"
            ])
    }

    @Test func whatIsLeftOutIsNotedInTheProvenanceFile() async throws {
        let body = """
            {"meta": {"count": 14, "groups_count": 2}, "group_by": [{"key": "2023", "key_display_name": "2023", "count": 5},
            {"key": "unknown", "key_display_name": "unknown", "count": 9}]}
            """
        let server = Self.server(Array(body.utf8))
        try await server.start()
        let port = await server.port
        let root = try CollectCommandTests.dataFolder(["papers": Self.papers])
        let run = try await CommandRunner.run(
            ["collect", "--history", "--date", "2025-03-01"], in: root, environment: Self.environment(port))
        await server.stop()
        #expect(run.status == 0)
        #expect(
            Self.read(root, "collected-papers.csv")
                == "date,metric,project,value,note\n2023-01-01,papers,pytorch,5,\n2024-01-01,papers,pytorch,0,\n")
        #expect(
            Self.read(root, "collected-papers.sources.txt") == """
                papers for pytorch: 2 values, 2023-01-01 to 2024-01-01, collected 2025-03-01 by openalex-works-per-year from OpenAlex's works per publication year at http://127.0.0.1:\(port)/works
                GET http://127.0.0.1:\(port)/works?search=\(Self.encoded)&filter=publication_year:1970-2024&group_by=publication_year
                note: 9 works without a publication year (OpenAlex's unknown group) left out


                """)
    }

    @Test func aMalformedAnswerFailsThatSourceOnly() async throws {
        let server = ReplayServer { path, _ in
            switch path {
            case "/works": .init(body: Array("<html>busy</html>".utf8))
            case "/downloads/range/2017-09-01:2017-12-31/strict-mode":
                .init(body: Recorded.bytes("npm-downloads-range-strict-mode.json"))
            default: .init(status: 404, body: Array(#"{"error":"not found"}"#.utf8))
            }
        }
        try await server.start()
        let port = await server.port
        let root = try CollectCommandTests.dataFolder([
            "papers": Self.papers, "npm": "  source: npm-downloads\n  projects: {pytorch: strict-mode}",
        ])
        var environment = Self.environment(port)
        environment["BEARINGS_NPM_API"] = "http://127.0.0.1:\(port)"
        let run = try await CommandRunner.run(
            ["collect", "--history", "--since", "2017-09", "--date", "2018-01-15"], in: root,
            environment: environment)
        let seen = await server.seen
        await server.stop()
        #expect(run.status == 4)
        #expect(
            run.standardError == """
                warning: papers for pytorch: the answer is not OpenAlex's groups (group_by: key, count)
                warning: data/series/collected-papers.csv: left as it was, since a value of its metric failed

                """)
        #expect(Self.read(root, "collected-papers.csv") == nil)
        #expect(
            Self.read(root, "collected-npm.csv") == """
                date,metric,project,value,note
                2017-09-01,npm,pytorch,218,
                2017-10-01,npm,pytorch,0,
                2017-11-01,npm,pytorch,0,
                2017-12-01,npm,pytorch,0,

                """)
        #expect(
            seen.map(\.target).sorted() == [
                "/downloads/range/2017-09-01:2017-12-31/strict-mode",
                "/works?search=\(Self.encoded)&filter=publication_year:2017-2017&group_by=publication_year",
            ])
    }
}
