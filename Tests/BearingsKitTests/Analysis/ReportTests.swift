import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsLoading

/// The analysis stage (issue #26): `SiteBuilder`'s steps run one at a time on Fixtures/sites/truth,
/// and the report holds what the renderer reads. Expected values are read by hand from the
/// fixture's files: three decisions with `expect:` (0001: six, 0002 and 0003: one each), 0002
/// superseded by 0003, dated 2020-06-15; series/downloads.csv's newest date is 2020-12-01 (the
/// papers rows); both metrics are `kind: usage` counts, so shares apply to both.
struct ReportTests {
    static let options = BuildOptions(
        load: LoadOptions(dataDirectory: siteFixtures.appendingPathComponent("truth/data").path))

    /// Load, validate and analyse, as `SiteBuilder.prepare` does.
    static func report(sourceDateEpoch: Int? = nil) throws -> Analysis.Report {
        let read = try SiteBuilder.load(options)
        let (dataSet, diagnostics) = SiteBuilder.validate(read, strict: false)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        return Analysis.report(try #require(dataSet), sourceDateEpoch: sourceDateEpoch)
    }

    /// The report works out each metric's crossovers once (every page that shows them reads it).
    /// By hand from series/downloads.csv: in downloads Widget is behind Gadget and ahead of Gizmo in
    /// every month both have, on both sides of July's counting change, so no pass and no tie; in
    /// papers Widget is behind Gadget in 2017-2019 (10, 30, 60 against 50, 60, 70) and ahead in
    /// 2020 (90 against 80), the newest comparison, so one pass, and ahead of Gizmo throughout.
    @Test func theReportHoldsEachMetricsCrossovers() throws {
        let report = try Self.report()
        #expect(report.crossovers.keys.sorted() == ["downloads", "papers"])
        let downloads = try #require(report.crossovers["downloads"])
        #expect(downloads.crossovers.isEmpty)
        #expect(downloads.ties.isEmpty)
        let papers = try #require(report.crossovers["papers"])
        #expect(papers.crossovers.map { "\($0.date) \($0.competitor) \($0.weLead)" } == ["2020-12-01 gadget true"])
        #expect(papers.ties.isEmpty)
    }

    @Test func theReportHoldsEachMetricsSeriesSharesAndEachBetJudged() throws {
        let report = try Self.report()
        #expect(report.referenceDate.description == "2020-12-01")
        #expect(report.series.keys.sorted() == ["downloads", "papers"])
        #expect(report.shares.keys.sorted() == ["downloads", "papers"])
        #expect(
            report.betVerdicts.mapValues(\.count) == [
                "0001-measure-downloads": 6, "0002-ship-a-mirror": 1, "0003-drop-the-mirror": 1,
            ])
        // 0002 expects a share by 2020-12-31; 0003 superseded it on 2020-06-15, before that.
        let withdrawn = try #require(report.betVerdicts["0002-ship-a-mirror"]?.first)
        #expect(withdrawn.verdict == .withdrawn)
        #expect(withdrawn.reason == "the decision was superseded on 2020-06-15")
        // 0001's third expectation, papers' rank by 2020-12-31, is after the newest data.
        let rank = try #require(report.betVerdicts["0001-measure-downloads"]?[2])
        #expect(rank.verdict == .tooEarly)
        #expect(rank.reason == "2020-12-31 is after the newest data, 2020-12-01")
    }

    @Test func sourceDateEpochIsTheDayBetsAreJudgedOn() throws {
        // 1,625,097,600 s = 18,809 days after 1970-01-01: 2021-07-01, when papers' 2020 count
        // (dated 2020-12-01, lag six months) has settled.
        let report = try Self.report(sourceDateEpoch: 1_625_097_600)
        #expect(report.referenceDate.description == "2021-07-01")
        let rank = try #require(report.betVerdicts["0001-measure-downloads"]?[2])
        #expect(rank.verdict != .tooEarly)
    }
}
