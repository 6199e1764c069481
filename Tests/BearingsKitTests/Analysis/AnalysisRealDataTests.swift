import BearingsKit
import Foundation
import Testing

/// Shares, changes and crossovers on the real conference-paper and Innovation Graph numbers.
/// Every expected value below was computed by Fixtures/real/expected.py straight from the raw
/// source files in Fixtures/real/raw (no Bearings code, and without reading the data folder the
/// code under test loads); see Fixtures/real/README.md.
struct AnalysisRealDataTests {
    static let series: [String: MetricSeries] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/real/data").path
        guard let result = try? DataLoader.load(LoadOptions(dataDirectory: folder)), let dataSet = result.dataSet
        else { return [:] }
        return Analysis.series(dataSet)
    }()

    func shares(_ metric: String) -> [String] {
        guard let series = Self.series[metric] else { return [] }
        return Analysis.share(series, of: "pytorch").map {
            "\($0.date) \($0.share.map { String(format: "%.6f", $0) } ?? "unknown")"
        }
    }

    func crossovers(_ metric: String) -> [String] {
        guard let series = Self.series[metric] else { return [] }
        return Analysis.crossovers(series, project: "pytorch").crossovers.map {
            "\($0.date) \($0.competitor) \($0.weLead ? "we pass" : "they pass")"
        }
    }

    func change(_ metric: String, _ project: String) -> String? {
        guard let line = Self.series[metric]?.line(project), let series = Self.series[metric],
            let change = Analysis.change(line, in: series)
        else { return nil }
        let yearAgo = change.yearAgo.map { "\($0.date) \(Int($0.value))" } ?? "none"
        return
            "\(change.latest.date) \(Int(change.latest.value)) previous \(change.previous.map { String(Int($0.value)) } ?? "none") year-ago \(yearAgo)"
    }

    @Test func neuripsShareOfPapersPerYear() {
        // NeurIPS 2015 counted no paper for either framework: the total is 0, so the share that
        // year is unknown.
        #expect(
            shares("papers-neurips") == [
                "2015-12-01 unknown", "2016-12-01 0.000000", "2017-12-01 0.123711", "2018-12-01 0.368159",
                "2019-12-01 0.636364",
                "2020-12-01 0.768473",
            ])
    }

    @Test func pytorchPassedTensorFlowAtNeurIPSIn2019() {
        #expect(crossovers("papers-neurips") == ["2019-12-01 tensorflow we pass"])
    }

    @Test func theICLR2019TieIsNotAPass() {
        // ICLR 2019 counted 86 papers for each: the pass is at ICLR 2020.
        #expect(
            shares("papers-iclr") == [
                "2018-05-01 0.227642", "2019-05-01 0.500000", "2020-05-01 0.640152", "2021-05-01 0.776978",
                "2022-05-01 0.839877",
            ])
        #expect(crossovers("papers-iclr") == ["2020-05-01 tensorflow we pass"])
        let ties = Self.series["papers-iclr"].map {
            Analysis.crossovers($0, project: "pytorch").ties.map { "\($0.0) \($0.1)" }
        }
        #expect(ties == ["2019-05-01 tensorflow"])
    }

    @Test func paperCountChanges() {
        #expect(change("papers-neurips", "pytorch") == "2020-12-01 312 previous 182 year-ago 2019-12-01 182")
        #expect(change("papers-iclr", "pytorch") == "2022-05-01 1091 previous 756 year-ago 2021-05-01 756")
    }

    @Test func developersPushingShareEveryQuarter() {
        #expect(
            shares("github-pushers") == [
                "2020-01-01 0.403746", "2020-04-01 0.465040", "2020-07-01 0.472735", "2020-10-01 0.516533",
                "2021-01-01 0.536629", "2021-04-01 0.549808", "2021-07-01 0.605444", "2021-10-01 0.657295",
                "2022-01-01 0.632568", "2022-04-01 0.650230", "2022-07-01 0.669617", "2022-10-01 0.679200",
                "2023-01-01 0.671806", "2023-04-01 0.660631", "2023-07-01 0.636741", "2023-10-01 0.668888",
                "2024-01-01 0.642375", "2024-04-01 0.639606", "2024-07-01 0.637010", "2024-10-01 0.640575",
                "2025-01-01 0.639293", "2025-04-01 0.616899", "2025-07-01 0.642781",
            ])
    }

    @Test func developersPushingCrossoversAndChanges() {
        // PyTorch passed TensorFlow in the second quarter of 2020 and stayed ahead; it was ahead
        // of JAX and Keras in every quarter both were reported.
        #expect(crossovers("github-pushers") == ["2020-04-01 tensorflow we pass"])
        #expect(change("github-pushers", "pytorch") == "2025-07-01 2996 previous 2789 year-ago 2024-07-01 3136")
        #expect(change("github-pushers", "tensorflow") == "2025-07-01 1107 previous 1215 year-ago 2024-07-01 1233")
    }

    @Test func theShareDenominatorChangesWhenJAXIsFirstReported() throws {
        let series = try #require(Self.series["github-pushers"])
        let changes = Analysis.denominatorChanges(Analysis.share(series, of: "pytorch"))
        #expect(changes.map(\.description) == ["2023-01-01"])
    }
}
