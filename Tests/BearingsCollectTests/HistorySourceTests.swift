@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing
import Foundation
import Testing

/// The history sources' pure parts: periods, ClickHouse's parameters and answers.
struct HistorySourceTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    @Test func periodsRunFromTheOneHoldingTheStartUpToTheEndExcluded() {
        #expect(
            HistoryPeriod.month.periods(from: Self.day("2024-11-20"), to: Self.day("2025-02-01")) == [
                Self.day("2024-11-01"), Self.day("2024-12-01"), Self.day("2025-01-01"),
            ])
        #expect(HistoryPeriod.month.periods(from: Self.day("2025-02-01"), to: Self.day("2025-02-01")) == [])
        #expect(
            HistoryPeriod.year.periods(
                from: Self.day("2022-06-30"), to: HistoryPeriod.year.start(of: Self.day("2024-12-31")))
                == [Self.day("2022-01-01"), Self.day("2023-01-01")])
    }

    @Test func readsSixtyFourBitIntegersQuotedOrNot() {
        let quoted = #"{"meta":[],"data":[["2025-01-01","9223372036854775807"],["2025-02-01","0"]],"rows":2}"#
        let bare = #"{"meta":[],"data":[["2025-01-01",9223372036854775807],["2025-02-01",0]],"rows":2}"#
        let expected: [Day: Int64] = [Self.day("2025-01-01"): Int64.max, Self.day("2025-02-01"): 0]
        #expect(
            ClickHouseQuery.values(from: CollectAnswer(status: 200, body: Array(quoted.utf8))) == .success(expected))
        #expect(ClickHouseQuery.values(from: CollectAnswer(status: 200, body: Array(bare.utf8))) == .success(expected))
    }

    @Test(arguments: [
        ("<html>", "the answer is not ClickHouse's JSONCompact"),
        (#"{"data":[["2025-01-01","-3"]]}"#, "-3 in the answer is negative"),
        (#"{"data":[["2025-01-01","3.5"]]}"#, "'3.5' in the answer is not a whole number"),
        (#"{"data":[["January",3]]}"#, "a row of the answer is not a date and a number"),
        (#"{"data":[["2025-01-01",3],["2025-01-01",4]]}"#, "the answer names 2025-01-01 twice"),
    ])
    func refusesAnAnswerItCannotRead(_ body: String, _ reason: String) {
        #expect(
            ClickHouseQuery.values(from: CollectAnswer(status: 200, body: Array(body.utf8)))
                == .failure(CollectFailure(reason)))
    }

    @Test func parameterValuesAreEscapedAsClickHouseReadsThemAndPercentEncoded() throws {
        #expect(ClickHouseQuery.escaped("a\\b\tc\r\nd'e\"f/g") == "a\\\\b\\tc\\r\\nd'e\"f/g")
        let bases = try CollectBases(environment: ["BEARINGS_GHARCHIVE_URL": "https://ch.example.com:8443/?user=x"])
        let query = ClickHouseQuery(sql: "SELECT {a:String}", parameters: ["b": "x y&z", "a": "it's\\"])
        let request = query.request(.gharchive, context: HistoryContext(bases: bases, timeout: 2.5))
        #expect(
            request.url
                == "https://ch.example.com:8443/?user=x&default_format=JSONCompact&max_execution_time=3&param_a=it%27s%5C%5C&param_b=x%20y%26z"
        )
        #expect(request.body == Array("SELECT {a:String}".utf8))
    }

    @Test func normalizesPackageNamesAsPyPIDoes() {
        #expect(ClickPyHistory.normalized("Zope.Interface") == "zope-interface")
        #expect(ClickPyHistory.normalized("typing__extensions") == "typing-extensions")
        #expect(ClickPyHistory.normalized("A-_.b") == "a-b")
    }

    @Test func theDefaultEndpointsAreThePublicOnes() {
        let bases = CollectBases()
        #expect(bases.endpoint(.gharchive, query: "a=1") == "https://play.clickhouse.com/?a=1")
        #expect(bases.endpoint(.clickpy, query: "") == "https://clickpy-clickhouse.clickhouse.com/")
    }

    @Test func npmAsksAtMostEighteenMonthsARequestFromItsFirstDay() throws {
        let history = try #require(CollectSource.npmDownloads.history)
        let context = HistoryContext(bases: CollectBases(), timeout: 30)
        let urls = history.requests(
            for: "@scope/name", from: Self.day("2015-01-01"), to: Self.day("2017-10-01"), context: context
        ).map(\.url)
        #expect(
            urls == [
                "https://api.npmjs.org/downloads/range/2015-01-10:2016-06-30/@scope/name",
                "https://api.npmjs.org/downloads/range/2016-07-01:2017-09-30/@scope/name",
            ])
    }

    @Test func npmSumsTheDaysOfARecordedAnswerPerMonth() throws {
        let history = try #require(CollectSource.npmDownloads.history)
        let answer = CollectAnswer(status: 200, body: Recorded.bytes("npm-downloads-range-strict-mode.json"))
        let request = HistoryRequest(service: .npm, url: "https://api.npmjs.org/downloads/range/x")
        // 35 + 32 + 5 + 41 + 44 + 25 + 36, the seven days of September 2017 in the answer.
        #expect(history.values(from: answer, request: request) == .success([Self.day("2017-09-01"): 218]))
        let broken = CollectAnswer(
            status: 200, body: Array(#"{"downloads":[{"downloads":-1,"day":"2017-09-01"}]}"#.utf8))
        #expect(
            history.values(from: broken, request: request)
                == .failure(CollectFailure("the answer has a day that is not a date and a whole number ≥ 0")))
    }
}
