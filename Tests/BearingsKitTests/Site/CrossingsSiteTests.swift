import BearingsKit
import Foundation
import Testing

/// Issue #29 on Fixtures/sites/crossings (its README works out every value here): the dashboard
/// says the newest five of the headline's crossovers and ties and how many earlier ones the
/// metric's page has, so its size does not follow the data's noise; the metric's page and
/// `site.json` keep them all.
struct CrossingsSiteTests {
    static let plan = planSite("crossings")

    func page(_ path: String) throws -> String { try #require(Self.plan?.text(path)) }

    /// The sentences of a page's first `<ul class="crossovers">`.
    func crossovers(_ path: String) throws -> [String] {
        let list = try #require(
            try page(path).firstMatch(of: #/<ul class="crossovers">(.*?)</ul>/#.dotMatchesNewlines()))
        return list.1.matches(of: #/<li>(.*?)</li>/#).map { String($0.1).replacing("&#39;", with: "'") }
    }

    @Test func theDashboardSaysTheNewestFiveCrossoversAndTiesAndHowManyMore() throws {
        // 11 passes between Widget and Gadget (every two months from Mar 2021 to Nov 2022): the
        // newest 5 from Mar 2022, oldest first, after how many earlier ones there are (6). Seven
        // ties with Gizmo, Jan–Jul 2021: the newest 5, Mar–Jul, and 2 earlier.
        #expect(
            try crossovers("index.html") == [
                "6 earlier changes of order are listed on the metric's page.",
                "Gadget passed Widget in Mar 2022.", "Widget passed Gadget in May 2022.",
                "Gadget passed Widget in Jul 2022.", "Widget passed Gadget in Sep 2022.",
                "Gadget passed Widget in Nov 2022.",
                "Tied with Gizmo in Mar 2021, Gizmo in Apr 2021, Gizmo in May 2021, Gizmo in Jun 2021, Gizmo in Jul 2021 (a tie is not counted as a pass; 2 earlier ties are on the metric's page).",
            ])
    }

    @Test func theMetricPageAndSiteJSONKeepEveryCrossover() throws {
        let sentences = try crossovers("metrics/builds.html")
        #expect(sentences.count == 12)
        #expect(sentences.first == "Gadget passed Widget in Mar 2021.")
        #expect(sentences[10] == "Gadget passed Widget in Nov 2022.")
        #expect(
            sentences.last
                == "Tied with Gizmo in Jan 2021, Gizmo in Feb 2021, Gizmo in Mar 2021, Gizmo in Apr 2021, Gizmo in May 2021, Gizmo in Jun 2021, Gizmo in Jul 2021 (a tie is not counted as a pass)."
        )
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try page("data/site.json").utf8)) as? [String: Any])
        let analysis = try #require(json["analysis"] as? [String: Any])
        let dates = try #require(analysis["crossovers"] as? [[String: Any]]).compactMap { $0["date"] as? String }
        #expect(
            dates == [
                "2021-03-01", "2021-05-01", "2021-07-01", "2021-09-01", "2021-11-01", "2022-01-01", "2022-03-01",
                "2022-05-01", "2022-07-01", "2022-09-01", "2022-11-01",
            ])
    }
}
