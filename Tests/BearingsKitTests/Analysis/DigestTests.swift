import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsLoading
@testable import BearingsModel
@testable import BearingsRendering

/// What changed (`bearings digest`, the dashboard's `#what-changed`), with every number worked out
/// by hand from the CSVs: data/series/github-innovation-graph.csv for the example (the quarterly
/// github-pushers rows of 2025-01-01, 2025-04-01 and 2025-07-01, and the 12 quarter-to-quarter
/// changes before them), and Fixtures/sites/truth for an incomplete folder.
struct DigestTests {
    /// The repository's example data folder, found from this file's path.
    static let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data").path

    func digest(_ data: String, since: Day? = nil) throws -> Digest {
        let result = try SiteBuilder.digest(BuildOptions(load: LoadOptions(dataDirectory: data)), since: since)
        return try #require(result.digest)
    }

    @Test func usualChangeIsTheMedianOfTheLastTwelveChanges() {
        // Changes 1, 3, 2, 10, sorted 1, 2, 3, 10: the median is (2 + 3) / 2 = 2.5.
        #expect(Analysis.usualChange([5, 6, 9, 7, 17]) == 2.5)
        // Two changes are too few to say what is usual.
        #expect(Analysis.usualChange([5, 6, 9]) == nil)
        // 14 values, 13 changes: the oldest (100) is left out, the 12 others are all 1.
        #expect(Analysis.usualChange([0, 100] + (1...12).map { 100 + Double($0) }) == 1)
        // Beyond 2 × 2.5 = 5 over one period, and at least the minimum.
        #expect(Analysis.isUnusual(5.5, periods: 1, history: [5, 6, 9, 7, 17], minimum: 1))
        #expect(!Analysis.isUnusual(5, periods: 1, history: [5, 6, 9, 7, 17], minimum: 1))
        #expect(!Analysis.isUnusual(-5.5, periods: 1, history: [5, 6, 9, 7, 17], minimum: 6))
        // Over two periods the bar is 2 × 2.5 × 2 = 10.
        #expect(!Analysis.isUnusual(9, periods: 2, history: [5, 6, 9, 7, 17], minimum: 1))
    }

    /// 2025 Q3 against Q2. Shares: 2996 / (2996 + 1107 + 329 + 229) = 64.3%, 2789 / (2789 + 1215 +
    /// 278 + 239) = 61.7%, +2.59 pts; the usual change of PyTorch's share over the 12 quarters to
    /// Q2 is 1.04 pts, 2 × 1.04 < 2.59. Keras 278 → 329 (+51, +18.3%), usual 24, 2 × 24 = 48 < 51;
    /// PyTorch +207 (2 × 120 = 240), TensorFlow −108 (2 × 93.5), JAX −10 (2 × 10) stay usual. The
    /// papers metrics end in 2020–2022, before the quarter: nothing of theirs is new.
    @Test func theExampleSaysWhatChangedSinceTheQuarterBefore() throws {
        let digest = try digest(Self.example)
        #expect(digest.title == "What changed since 2025 Q2")
        #expect(
            digest.headline
                == "PyTorch's share of Developers pushing to repositories tagged with the framework: 64.3% in 2025 Q3, 1st of 4; 61.7% and 1st in 2025 Q2 (+2.6 pts)."
        )
        #expect(
            digest.items == [
                "Developers pushing to repositories tagged with the framework: Keras rose from 278 developers in 2025 Q2 to 329 developers in 2025 Q3 (+18.3%), beyond its usual change of 24 developers a period.",
                "PyTorch's share of Developers pushing to repositories tagged with the framework rose from 61.7% in 2025 Q2 to 64.3% in 2025 Q3 (+2.6 pts), beyond its usual change of 1.0 pts a period.",
            ])
    }

    /// Since 2025-01-15: against 2025 Q1, two quarters. Share 2678 / (2678 + 1085 + 223 + 203) =
    /// 63.9%, +0.35 pts, under the 1-point minimum. Keras 223 → 329 (+106, +47.5%), usual 19 over the
    /// 12 changes to Q1, 2 × 19 × 2 = 76 < 106; PyTorch +318 (608), TensorFlow +22, JAX +26 (34) not.
    @Test func sinceComparesWithTheNewestPeriodOnOrBeforeTheDay() throws {
        let digest = try digest(Self.example, since: Day(iso: "2025-01-15"))
        #expect(digest.title == "What changed since 2025 Q1")
        #expect(
            digest.headline
                == "PyTorch's share of Developers pushing to repositories tagged with the framework: 64.3% in 2025 Q3, 1st of 4; 63.9% and 1st in 2025 Q1 (+0.3 pts)."
        )
        #expect(
            digest.items == [
                "Developers pushing to repositories tagged with the framework: Keras rose from 223 developers in 2025 Q1 to 329 developers in 2025 Q3 (+47.5%), beyond its usual change of 19 developers a period."
            ])
    }

    /// The truth fixture: Gizmo's downloads stop after Sep 2020, so Widget's share in Dec 2020 is
    /// unknown from Oct 2020; the last share known is 60 / (60 + 100 + 20) = 33.3%. Papers are
    /// yearly: Widget 60 < Gadget 70 in 2019, 90 > 80 in 2020, so Widget passed Gadget in 2020, a
    /// year that ends after Nov 2020; the reference date (2020-12-01) leaves 2020 not settled.
    @Test func anIncompleteFolderSaysWhatIsUnknownAndWhy() throws {
        let digest = try digest(Fixtures.path("sites/truth/data"))
        #expect(digest.title == "What changed since Nov 2020")
        #expect(
            digest.headline
                == "Widget's share of Monthly downloads in Dec 2020 is unknown since Oct 2020 — Gizmo not measured since Sep 2020; last known 33.3% (Sep 2020)."
        )
        #expect(digest.items == ["Papers that use it: Widget passed Gadget in 2020 (not settled yet)."])
        #expect(
            digest.markdown
                == """
                ## What changed since Nov 2020

                Widget's share of Monthly downloads in Dec 2020 is unknown since Oct 2020 — Gizmo not measured since Sep 2020; last known 33.3% (Sep 2020).

                - Papers that use it: Widget passed Gadget in 2020 (not settled yet).

                """)
    }

    @Test func markdownEscapesNamesThatWouldBecomeMarkup() {
        let digest = Digest(title: "What changed", headline: "a_b *c*", items: ["[x](y) <b>"])
        #expect(digest.markdown == "## What changed\n\na\\_b \\*c\\*\n\n- \\[x\\](y) \\<b\\>\n")
    }
}
