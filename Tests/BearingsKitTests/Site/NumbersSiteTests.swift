import BearingsKit
import Foundation
import Testing

/// Issue #30 part B end to end on Fixtures/sites/numbers (made up so that every number can be
/// worked out by hand): a conference every other year (3 → 263 papers), monthly downloads with a
/// 0-against-0 month, a one-month lead and a tie, a share of 163 in 100,000, a count of one, and
/// builds whose lead changes every two months.
struct NumbersSiteTests {
    static let plan = planSite("numbers")

    /// A page's text without tags, charts or runs of spaces.
    static func text(_ html: some StringProtocol) -> String {
        String(html).replacing(#/<svg.*?</svg>/#.dotMatchesNewlines(), with: "")
            .replacing(#/<[^>]+>/#, with: " ").replacing("&#39;", with: "'")
            .replacing(#/\s+/#, with: " ").trimmingCharacters(in: .whitespaces)
    }

    func page(_ path: String) throws -> String { try #require(Self.plan?.text(path)) }

    @Test func theStandingTableSaysSpansSmallBasesAndSmallShares() throws {
        let table = try #require(
            try page("index.html").firstMatch(of: #/<table class="standing stack">(.*?)</table>/#.dotMatchesNewlines()))
        let rows = table.1.matches(of: #/<tr(?: class="stale")?><th scope="row">(.*?)</tr>/#.dotMatchesNewlines()).map {
            Self.text($0.1)
        }
        #expect(
            rows == [
                // 263 / (263 + 1) = 99.62%; 3 is under 5% of 263: no "+8666.7%"; the base is
                // 730 days back (an irregular metric), two years, not one.
                "Papers at BiConf 263 papers Dec 2023 99.6% 1st of 2 3 → 263 papers over 2 years, since Dec 2021",
                // The rows below are older than the headline's period (Dec 2023) by more than one
                // period of their own cadence: stale, "last measured", after the current row.
                // December 2021: Gizmo 30, Widget 20: 20 / 50; a year back is not measured.
                "Builds that use it 20 builds last measured Dec 2021 40.0% 2nd of 2 unknown Dec 2020 not measured",
                // 50 / (50 + 50); July 2019 was not measured.
                "Monthly downloads 50 downloads last measured Jul 2020 50.0% 1st of 2 unknown Jul 2019 not measured",
                // 163 / (163 + 99,837) = 0.163%: two significant digits, not "0.2%".
                "Installs 163 installs last measured Jul 2020 0.16% 2nd of 2 –",
                // One question: singular.
                "Questions asked 1 question last measured Jul 2020 – no competitor measured 1st of 1 –",
            ])
    }

    @Test func theHeadlineSaysTheRealSpanOfItsChange() throws {
        let figures = try page("index.html").matches(
            of:
                #/<p class="figure[^"]*"><span class="figure-value[^"]*">(.*?)</span> <span class="figure-label">(.*?)</span></p>/#
        ).map { Self.text("\($0.1) | \($0.2)") }
        // Papers at BiConf, every other year: 263 / 264 = 99.62% in Dec 2023, 3 / 53 = 5.66% in
        // Dec 2021, two years (730 days) before, not one: +93.96 points.
        #expect(
            figures.prefix(3) == [
                "99.6% | Widget's share, 263 papers", "1st | of 2 projects measured",
                "+94.0 pts | change in share over 2 years, from 5.7% in Dec 2021",
            ])
    }

    @Test func onlyPassesThatLastCountAndZeroAgainstZeroIsNoTie() throws {
        let crossovers = try #require(
            try page("metrics/downloads.html").firstMatch(
                of: #/<ul class="crossovers">(.*?)</ul>/#.dotMatchesNewlines()))
        // Gadget leads in February (20 > 10); Widget leads in March only (30 > 20, then 10 < 20
        // in April): no pass. Widget leads from May (30, 40 > 20): a pass. January is 0 against
        // 0 (no tie); July is 50 against 50 (a tie).
        #expect(
            Self.text(crossovers.1)
                == "Widget passed Gadget in May 2020. Tied with Gadget in Jul 2020 (a tie is not counted as a pass).")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try page("data/site.json").utf8)) as? [String: Any])
        let analysis = try #require(json["analysis"] as? [String: Any])
        let all = try #require(analysis["crossovers"] as? [[String: Any]]).map {
            "\($0["metric"] ?? "") \($0["date"] ?? "") \($0["passer"] ?? "")>\($0["passed"] ?? "")"
        }
        // Builds: Widget leads Jan–Feb, Gizmo Mar–Apr, Widget May–Jun, and so on: five passes.
        // Papers: the newest comparison, Dec 2023, counts. Metrics in id order.
        #expect(
            all == [
                "builds 2021-03-01 gizmo>widget", "builds 2021-05-01 widget>gizmo", "builds 2021-07-01 gizmo>widget",
                "builds 2021-09-01 widget>gizmo", "builds 2021-11-01 gizmo>widget",
                "downloads 2020-05-01 widget>gadget",
                "papers 2023-12-01 widget>gadget",
            ])
    }

    @Test func theDashboardListsTheNewestPassesAndLinksToAll() throws {
        let section = try #require(
            try page("index.html").firstMatch(
                of: #/<section aria-labelledby="passes-title" class="panel">(.*?)</section>/#.dotMatchesNewlines()))
        // Seven passes (one in downloads, five in builds, one in papers): the newest five, oldest first.
        #expect(
            Self.text(section.1)
                == "Where the order changed The newest 5 of 7 dates at which Widget passed a competitor, or was passed, in a measure of use (a pass counts when it lasts two periods or reaches the newest). May 2021 Widget passed Gizmo in Builds that use it Jul 2021 Gizmo passed Widget in Builds that use it Sep 2021 Widget passed Gizmo in Builds that use it Nov 2021 Gizmo passed Widget in Builds that use it Dec 2023 Widget passed Gadget in Papers at BiConf All 7 changes of order"
        )
        #expect(section.1.contains("<a href=\"trends.html#passes\">All 7 changes of order</a>"))
        let trends = try page("trends.html")
        let list = try #require(
            trends.firstMatch(of: #/<section class="panel" id="passes"[^>]*>(.*?)</section>/#.dotMatchesNewlines()))
        #expect(list.1.matches(of: #/<li>/#).count == 7)
        #expect(Self.text(list.1).contains("Mar 2021 Gizmo passed Widget in Builds that use it"))
        #expect(Self.text(list.1).contains("May 2020 Widget passed Gadget in Monthly downloads"))
    }

    @Test func aChangeExpectationFromASmallBaseIsSaidAsTwoValues() throws {
        let page = try page("decisions/0001-grow-papers.html")
        // 3 papers in Dec 2021 (the decision's date), 263 in Dec 2023: +8666.7% would mislead.
        #expect(page.contains("Judged on 3 → 263 papers (Dec 2021 to Dec 2023), <code>"))
        #expect(!page.contains("8666"))
    }

    @Test func countsOfOneAreSingular() throws {
        // A bet in the feed names its metric and projects, never their ids.
        #expect(try page("feed.xml").contains("<summary>Papers at BiConf: change &gt;= +50%: met.</summary>"))
        // The snapshot holds one value of one metric.
        #expect(try page("feed.xml").contains("<summary>1 value for 1 metric.</summary>"))
        // Gadget had one paper in 2023.
        #expect(
            try page("metrics/papers.html").contains(
                "<td class=\"num\">263 papers</td><td class=\"num\">1 paper</td>"))
    }
}
