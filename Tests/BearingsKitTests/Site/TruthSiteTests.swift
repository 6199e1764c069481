import BearingsKit
import Foundation
import Testing

/// The truth rules end to end on Fixtures/sites/truth, a report made so that every number can be
/// worked out by hand (its pages are also kept as goldens). Downloads are monthly, with Widget's
/// April missing, a break on 2020-07-01 and Gizmo last reported in September; papers are yearly,
/// lag six months, and Gizmo has no 2019 count.
struct TruthSiteTests {
    static let plan = planSite("truth")

    func analysis() throws -> [String: Any] {
        let text = try #require(Self.plan?.text("data/site.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(json["analysis"] as? [String: Any])
    }

    func shares(_ metric: String) throws -> [String] {
        let shares = try #require(try analysis()["shares"] as? [String: [[String: Any]]])
        return try #require(shares[metric]).map { entry in
            let share = (entry["share"] as? Double).map { String(format: "%.6f", $0) } ?? "unknown"
            return "\(entry["date"] as? String ?? "") \(share)"
        }
    }

    @Test func downloadSharesAreUnknownWhereWidgetOrGizmoWasNotMeasured() throws {
        #expect(
            try shares("downloads") == [
                "2020-01-01 0.285714",  // 100 / (100 + 200 + 50)
                "2020-02-01 0.305556",  // 110 / 360
                "2020-03-01 0.324324",  // 120 / 370
                "2020-04-01 unknown",  // Widget not measured
                "2020-05-01 0.358974",  // 140 / 390
                "2020-06-01 0.375000",  // 150 / 400
                "2020-07-01 0.294118",  // after the break: 50 / (50 + 100 + 20)
                "2020-08-01 0.314286",  // 55 / 175
                "2020-09-01 0.333333",  // 60 / 180
                "2020-10-01 unknown",  // Gizmo no longer measured: never 65 / 165
                "2020-11-01 unknown",
                "2020-12-01 unknown",
            ])
    }

    @Test func paperSharesAreUnknownInTheYearGizmoWasNotCounted() throws {
        #expect(
            try shares("papers") == [
                "2017-12-01 0.153846",  // 10 / 65
                "2018-12-01 0.315789",  // 30 / 95
                "2019-12-01 unknown",
                "2020-12-01 0.514286",  // 90 / 175
            ])
    }

    @Test func theNewestCrossoverIsNotSettledAndOnlyTheStandingBetIsDue() throws {
        let analysis = try analysis()
        let crossovers = try #require(analysis["crossovers"] as? [[String: Any]])
        #expect(crossovers.count == 1)
        #expect(crossovers.first?["date"] as? String == "2020-12-01")
        #expect(crossovers.first?["passer"] as? String == "widget")
        #expect(crossovers.first?["passed"] as? String == "gadget")
        #expect(crossovers.first?["settled"] as? Bool == false)  // 2020-12-01 + 6 months is after 2020-12-01
        // 0002's review date has passed, but it was superseded.
        #expect(analysis["due"] as? [String] == ["0001-measure-downloads"])
    }

    @Test func latestValuesSayWhatIsStaleUnknownOrAcrossTheBreak() throws {
        let page = try #require(Self.plan?.text("index.html"))
        #expect(page.contains("not measured since <time datetime=\"2020-09-01\">Sep 2020</time>"))
        #expect(page.contains("+7.1% <span class=\"meta\">since Nov 2020</span>"))  // 75 / 70
        #expect(page.contains("– <span class=\"meta\">not compared across the break of Jul 2020</span>"))
        #expect(page.contains("+50.0% <span class=\"meta\">since 2019</span>"))  // 90 / 60
        #expect(page.contains("unknown <span class=\"meta\">2019 not measured</span>"))
        #expect(
            page.contains(
                "Widget passed Gadget</span> in <a href=\"metrics/papers.html\">Papers that use it</a> <span class=\"meta\">(not settled yet)</span>"
            ))
    }

    @Test func aSupersededBetIsFollowedOnlyToItsSuccessorsDateAndIsNotDue() throws {
        let page = try #require(Self.plan?.text("decisions/0002-ship-a-mirror.html"))
        #expect(!page.contains("badge due"))
        #expect(page.contains("when it was superseded, <time datetime=\"2020-06-15\">2020-06-15</time>"))
        // Then March (120, 32.4%), now June (150, 37.5%), not December.
        #expect(page.contains("150 downloads <span class=\"meta\">(Jun 2020)</span>"))
        #expect(page.contains("+5.1 pts"))
    }

    @Test func chartsCutTheLineAtTheGapAndTheBreakAndDrawTheEvents() throws {
        let page = try #require(Self.plan?.text("metrics/downloads.html"))
        #expect(page.contains("<text class=\"event-label\""))
        #expect(page.contains("<line class=\"event break\""))
        #expect(page.contains("1 month was not measured; the lines have gaps there."))
        #expect(page.contains("The share is unknown on 4 dates"))
        // Widget's line: Jan–Mar, May–Jun, Jul–Dec: three runs, so three "M" moves in its path.
        let widget = try #require(page.firstMatch(of: #/<path class="series s0 d0 emph" fill="none" d="([^"]*)"/>/#))
        #expect(widget.1.filter { $0 == "M" }.count == 3)
    }
}
