import BearingsKit
import Foundation
import Testing

/// Where a project stands on a metric (the dashboard's headline and its "where we stands" table),
/// on Fixtures/sites/truth, whose every number is worked out by hand: downloads are monthly, with a
/// break on 2020-07-01 and Gizmo last reported in September; papers are yearly, lag six months,
/// and Gizmo has no 2019 count.
struct StandingTests {
    static let series: [String: MetricSeries] = {
        let data = siteFixtures.appendingPathComponent("truth/data").path
        guard let dataSet = try? DataLoader.load(LoadOptions(dataDirectory: data)).dataSet else { return [:] }
        return Analysis.series(dataSet)
    }()

    func standing(_ metric: String, _ project: String = "widget") throws -> Analysis.Standing {
        let series = try #require(Self.series[metric])
        return try #require(Analysis.standing(series, of: project, shares: Analysis.share(series, of: project)))
    }

    @Test func downloadsShareAndRankAreUnknownWhileGizmoIsNotMeasured() throws {
        let downloads = try standing("downloads")
        #expect(downloads.latest.date.description == "2020-12-01")
        #expect(downloads.latest.value == 75)
        #expect(downloads.isStale == false)
        #expect(downloads.share == nil)
        #expect(downloads.rank == nil)
        #expect(downloads.ranked == 3)
        #expect(downloads.notMeasured == ["gizmo"])
    }

    @Test func downloadsHaveNoChangeOverAYearAcrossTheBreak() throws {
        let downloads = try standing("downloads")
        #expect(downloads.change.yearAgo == nil)
        #expect(downloads.shareYearAgo == nil)
        #expect(downloads.shareOverYear == nil)
    }

    @Test func papersShareRankAndChangeAreTheNewestYears() throws {
        let papers = try standing("papers")
        #expect(papers.latest.date.description == "2020-12-01")
        #expect(papers.latest.value == 90)
        #expect(String(format: "%.6f", papers.share ?? -1) == "0.514286")  // 90 / (90 + 80 + 5)
        #expect(papers.rank == 1)
        #expect(papers.ranked == 3)
        #expect(papers.change.overYearRelative == 0.5)  // 60 -> 90
        // 2019's share is unknown (Gizmo not counted), so its change over a year is too.
        #expect(papers.shareYearAgo?.date.description == "2019-12-01")
        #expect(papers.shareYearAgo?.notMeasured == ["gizmo"])
        #expect(papers.shareOverYear == nil)
    }

    @Test func aCompetitorsRankCountsEveryoneAhead() throws {
        #expect(try standing("papers", "gadget").rank == 2)
        #expect(try standing("papers", "gizmo").rank == 3)
    }

    @Test func aProjectNoLongerMeasuredIsStaleWithNoShareOrRankNow() throws {
        let gizmo = try standing("downloads", "gizmo")
        #expect(gizmo.latest.date.description == "2020-09-01")
        #expect(gizmo.isStale)
        #expect(gizmo.share == nil)
        #expect(gizmo.rank == nil)
    }
}

/// The dashboard's headline figures as a reader sees them: value, label, in order.
struct DashboardHeadlineTests {
    func figures(_ fixture: String) throws -> [String] {
        let index = try #require(planSite(fixture)?.text("index.html"))
        let pattern = try NSRegularExpression(
            pattern:
                #"<p class="figure[^"]*"><span class="figure-value[^"]*">(.*?)</span> <span class="figure-label">(.*?)</span></p>"#
        )
        return pattern.matches(in: index, range: NSRange(index.startIndex..., in: index)).map { match in
            let text = (1...2).map { String(index[Range(match.range(at: $0), in: index)!]) }.joined(separator: " | ")
            return text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        }
    }

    @Test func truthHeadlineIsDownloadsWithItsUnknownsSaidWhy() throws {
        #expect(
            try figures("truth") == [
                // Unknown from Oct 2020, Gizmo's last month Sep 2020, when the share was 60 / 180; each
                // month whole, with a no-break space (issue #27).
                "75 downloads | Widget&#39;s latest value; its share is unknown since Oct\u{00A0}2020 — Gizmo not measured since Sep\u{00A0}2020; last known 33.3% (Sep\u{00A0}2020)",
                "unknown | rank — Gizmo not measured since Sep\u{00A0}2020",
                // A change of downloads under a heading about share: it says so.
                "– | change in Widget&#39;s downloads over a year, not compared across the break of Jul\u{00A0}2020",
                "1 met 1 missed 1 withdrawn  | the bets, as judged on 2020-12-01",
            ])
    }

    @Test func smallHeadlineIsTheShareItsRankAndAnUnknownYearlyChangeSaidWhy() throws {
        // Jul 2021: Widget 4,000 of 4,000 + 3,100 + 900 downloads; Gizmo had no value in Jul 2020.
        #expect(
            try figures("small") == [
                "50.0% | Widget&#39;s share, 4,000 downloads",
                "1st | of 3 projects measured",
                "unknown | share change over a year: Gizmo not measured in Jul\u{00A0}2020",
            ])  // and no score: no decision of this fixture has expectations
    }
}
