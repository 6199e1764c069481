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

    @Test func theNewestCrossoverIsNotSettledAndOnlyStandingBetsAreDue() throws {
        let analysis = try analysis()
        let crossovers = try #require(analysis["crossovers"] as? [[String: Any]])
        #expect(crossovers.count == 1)
        #expect(crossovers.first?["date"] as? String == "2020-12-01")
        #expect(crossovers.first?["passer"] as? String == "widget")
        #expect(crossovers.first?["passed"] as? String == "gadget")
        #expect(crossovers.first?["settled"] as? Bool == false)  // 2020-12-01 + 6 months is after 2020-12-01
        // 0002's review date has passed, but it was superseded; 0003 has no review date, but its
        // expectation's date (2020-09-30) has passed.
        #expect(analysis["due"] as? [String] == ["0001-measure-downloads", "0003-drop-the-mirror"])
    }

    @Test func whereWidgetStandsSaysWhatIsUnknownAndWhy() throws {
        let page = try #require(Self.plan?.text("index.html"))
        let table = try #require(
            page.firstMatch(of: #/<table class="standing stack">(.*?)</table>/#.dotMatchesNewlines()))
        let rows = table.1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#.dotMatchesNewlines()).map { row in
            String(row.1).replacing(#/<svg.*?</svg>/#.dotMatchesNewlines(), with: "")
                .replacing(#/<td[^>]*>/#, with: " | ").replacing(#/<[^>]+>/#, with: "")
                .replacing(#/\s+/#, with: " ").trimmingCharacters(in: .whitespaces)
        }
        #expect(
            rows == [
                // Gizmo not measured since September: no share, no rank; the year before is across the break.
                "Monthly downloads | 75 downloads Dec 2020 | unknown Gizmo not measured since Sep 2020 | unknown Gizmo not measured since Sep 2020 | – not compared across the break of Jul 2020 |",
                // 90 / (90 + 80 + 5); 60 -> 90; 2020's count settles in mid-2021.
                "Papers that use it lags 6 months | 90 papers 2020, not settled yet | 51.4% | 1st of 3 | +50.0% since 2019 |",
            ])
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

    @Test func everyExpectationHasTheVerdictWorkedOutByHand() throws {
        let bets = try #require(try analysis()["bets"] as? [[String: Any]])
        let lines = bets.map { bet in
            let value = (bet["value"] as? Double).map { String(format: "%.6f", $0) } ?? "null"
            return
                "\(bet["decision"] as? String ?? "") \(bet["metric"] as? String ?? "") \(bet["condition"] as? String ?? "") by \(bet["by"] as? String ?? "") \(value) \(bet["verdict"] as? String ?? "")"
        }
        #expect(
            lines == [
                // March: 120 / (120 + 200 + 50).
                "0001-measure-downloads downloads share >= 30% by 2020-03-31 0.324324 met",
                // February: Widget 110, Gadget 200 (a 'by' before the decision's date, 2020-02-01, is an error).
                "0001-measure-downloads downloads passes gadget by 2020-02-29 110.000000 missed",
                // 2020-12-31 is after the newest data, 2020-12-01.
                "0001-measure-downloads papers rank <= 1 by 2020-12-31 null too-early",
                // Widget has no April value.
                "0001-measure-downloads downloads value >= 100 by 2020-04-30 null no-data",
                // From 110 (February, the decision's month) to 150 (June): +36.4%.
                "0001-measure-downloads downloads change >= +20% by 2020-06-30 0.363636 met",
                // October's share is unknown: Gizmo not measured.
                "0001-measure-downloads downloads share >= 30% by 2020-10-31 null no-data",
                // Superseded on 2020-06-15, before 2020-12-31.
                "0002-ship-a-mirror downloads share >= 40% by 2020-12-31 null withdrawn",
                // September: 60.
                "0003-drop-the-mirror downloads value >= 60 by 2020-09-30 60.000000 met",
            ])
    }

    @Test func theDecisionPageLeadsWithTheBetAndTheDashboardKeepsTheScore() throws {
        let page = try #require(Self.plan?.text("decisions/0001-measure-downloads.html"))
        #expect(
            page.contains("<h2 id=\"bet-title\">The bet: <span class=\"verdict verdict-missed\">missed</span></h2>"))
        // An exact date in ISO, as everywhere (issue #27; it read "29 Feb 2020").
        #expect(page.contains("Widget ahead of Gadget in Monthly downloads by 2020-02-29"))
        #expect(page.contains("Judged on 110 downloads against Gadget&#39;s 200 downloads in Feb 2020"))
        #expect(page.contains("The share is unknown in Oct 2020: Gizmo not measured."))
        let bet = try #require(page.range(of: "id=\"bet-title\""))
        let evidence = try #require(page.range(of: "id=\"since-title\""))
        #expect(bet.lowerBound < evidence.lowerBound)
        let dashboard = try #require(Self.plan?.text("index.html"))
        #expect(
            dashboard.contains(
                "<p class=\"figure score\"><span class=\"figure-value\"><a class=\"verdict verdict-met\" href=\"decisions.html#bets-met\">1 met</a> <a class=\"verdict verdict-missed\" href=\"decisions.html#bets-missed\">1 missed</a> <a class=\"verdict verdict-withdrawn\" href=\"decisions.html#bets-withdrawn\">1 withdrawn</a> </span>"
            ))
        let feed = try #require(Self.plan?.text("feed.xml"))
        #expect(feed.contains("<title>Bet missed: 0001 Measure downloads and papers</title>"))
        #expect(feed.contains("<title>Bet met: 0003 Drop the mirror</title>"))
    }
}
