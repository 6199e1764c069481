import BearingsKit
import Foundation
import Testing

/// Issue #29: the dashboard lists the 10 decisions that have waited longest for review and links
/// to all of them on the decisions page (`decisions.html#due`), so its size does not follow the
/// number of decisions (on the noisy benchmark corpus, 2,000 decisions made the list 421 KB of a
/// 466 KB dashboard). A report written for it, every expected value worked out by hand:
///
/// The reference date is 2020-12-01, the newest value. Decisions 0001–0013 are accepted, dated
/// 2015-01-01, and due on their review dates, which are, longest waiting first: 0008 2016-11-01,
/// 0005 2017-03-01, 0011 2017-08-01, 0002 2018-01-01, 0004 and 0007 2018-07-01 (the same day: by
/// id), 0003 2019-01-01, 0001 2019-05-01, 0009 2019-09-01, 0006 2020-02-01 — the first ten —
/// then 0010 2020-06-01, 0012 2020-11-01 and 0013 2020-12-01 (on the reference date: due).
/// Not due: 0014 (reviewed after its review date), 0015 (rejected), 0016 (reviews after the
/// reference date).
struct DueBoundTests {
    /// A decision file: accepted unless `status` says otherwise, dated 2015-01-01 unless `date`.
    static func decision(
        _ title: String, review: String, status: String = "accepted", date: String = "2015-01-01",
        reviewed: String? = nil
    ) -> String {
        """
        ---
        status: \(status)
        date: \(date)
        watch: [papers]
        review: \(review)
        \(reviewed.map { "reviewed: \($0)\n" } ?? "")---
        # \(title)

        A bet to look at again.

        """
    }

    static let files: [String: String] = [
        "project.md": """
        ---
        name: Ours
        id: ours
        competitors:
          rival: Rival
        ---
        A report with more decisions due for review than the dashboard lists.
        """,
        "metrics/papers.md": """
        ---
        name: Papers
        kind: usage
        unit: papers
        cadence: year
        ---
        Papers that use it.
        """,
        "series/papers.csv": """
        date,metric,project,value
        2019-12-01,papers,ours,10
        2019-12-01,papers,rival,20
        2020-12-01,papers,ours,30
        2020-12-01,papers,rival,20

        """,
        "decisions/0001-plan-one.md": decision("Plan one", review: "2019-05-01"),
        "decisions/0002-plan-two.md": decision("Plan two", review: "2018-01-01"),
        "decisions/0003-plan-three.md": decision("Plan three", review: "2019-01-01"),
        "decisions/0004-plan-four.md": decision("Plan four", review: "2018-07-01"),
        "decisions/0005-plan-five.md": decision("Plan five", review: "2017-03-01"),
        "decisions/0006-plan-six.md": decision("Plan six", review: "2020-02-01"),
        "decisions/0007-plan-seven.md": decision("Plan seven", review: "2018-07-01"),
        "decisions/0008-plan-eight.md": decision("Plan eight", review: "2016-11-01"),
        "decisions/0009-plan-nine.md": decision("Plan nine", review: "2019-09-01"),
        "decisions/0010-plan-ten.md": decision("Plan ten", review: "2020-06-01"),
        "decisions/0011-plan-eleven.md": decision("Plan eleven", review: "2017-08-01"),
        "decisions/0012-plan-twelve.md": decision("Plan twelve", review: "2020-11-01"),
        "decisions/0013-plan-thirteen.md": decision("Plan thirteen", review: "2020-12-01"),
        "decisions/0014-plan-fourteen.md": decision(
            "Plan fourteen", review: "2016-01-01", reviewed: "2016-02-01"),
        "decisions/0015-plan-fifteen.md": decision(
            "Plan fifteen", review: "2015-01-01", status: "rejected", date: "2014-06-01"),
        "decisions/0016-plan-sixteen.md": decision("Plan sixteen", review: "2020-12-02"),
    ]

    static let plan = ReviewAndDueTests.plan(files, name: "due-bound", epoch: nil)

    /// The same report without 0012 and 0013: 11 due, one more than the dashboard lists.
    static let planOfEleven = ReviewAndDueTests.plan(
        files.filter { !$0.key.hasPrefix("decisions/0012") && !$0.key.hasPrefix("decisions/0013") },
        name: "due-bound-eleven", epoch: nil)

    /// The dashboard's due list in the order of `files`' comment, as `text` reads an item.
    static let longestWaiting = [
        "0008 Plan eight accepted waiting since 2016-11-01, its review date",
        "0005 Plan five accepted waiting since 2017-03-01, its review date",
        "0011 Plan eleven accepted waiting since 2017-08-01, its review date",
        "0002 Plan two accepted waiting since 2018-01-01, its review date",
        "0004 Plan four accepted waiting since 2018-07-01, its review date",
        "0007 Plan seven accepted waiting since 2018-07-01, its review date",
        "0003 Plan three accepted waiting since 2019-01-01, its review date",
        "0001 Plan one accepted waiting since 2019-05-01, its review date",
        "0009 Plan nine accepted waiting since 2019-09-01, its review date",
        "0006 Plan six accepted waiting since 2020-02-01, its review date",
    ]

    /// The text of an HTML fragment: tags dropped, spaces collapsed.
    func text(_ html: some StringProtocol) -> String {
        String(html).replacing(#/<[^>]+>/#, with: "").replacing(#/\s+/#, with: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The `<section>` whose heading is `id="due-title"` on a page, or nil.
    func dueSection(_ page: String) -> String? {
        page.firstMatch(of: #/<h2 id="due-title">Due for review</h2>(.*?)</section>/#.dotMatchesNewlines())
            .map { String($0.1) }
    }

    func items(_ section: String) -> [String] {
        section.matches(of: #/<li>(.*?)</li>/#.dotMatchesNewlines()).map { text($0.1) }
    }

    @Test func theDashboardListsTheTenLongestWaitingAndLinksToTheRest() throws {
        let page = try #require(Self.plan?.text("index.html"))
        let section = try #require(dueSection(page))
        #expect(items(section) == Self.longestWaiting)
        #expect(
            section.contains(
                "<p class=\"note\">Proposed or accepted decisions whose review date is on or before 2020-12-01, or one of whose expectations is met or missed, and that were not reviewed since: the 10 longest waiting of 13, the longest first.</p>"
            ))
        #expect(
            section.contains(
                "<p><a href=\"decisions.html#due\">3 more decisions due for review</a> are listed on the decisions page.</p>"
            ))
    }

    @Test func oneMoreIsSaidInTheSingular() throws {
        let page = try #require(Self.planOfEleven?.text("index.html"))
        let section = try #require(dueSection(page))
        #expect(items(section) == Self.longestWaiting)
        #expect(section.contains("that were not reviewed since: the 10 longest waiting of 11, the longest first.</p>"))
        #expect(
            section.contains(
                "<p><a href=\"decisions.html#due\">1 more decision due for review</a> is listed on the decisions page.</p>"
            ))
        let decisions = try #require(Self.planOfEleven?.text("decisions.html"))
        #expect(items(try #require(dueSection(decisions))).count == 11)
    }

    @Test func theDecisionsPageListsEveryDueDecisionAtTheLinksTarget() throws {
        let page = try #require(Self.plan?.text("decisions.html"))
        // The link's target: one element with id="due", the section of the list.
        #expect(page.matches(of: #/id="due"/#).count == 1)
        #expect(page.contains("<section aria-labelledby=\"due-title\" class=\"panel\" id=\"due\">"))
        let section = try #require(dueSection(page))
        #expect(
            items(section)
                == Self.longestWaiting + [
                    "0010 Plan ten accepted waiting since 2020-06-01, its review date",
                    "0012 Plan twelve accepted waiting since 2020-11-01, its review date",
                    "0013 Plan thirteen accepted waiting since 2020-12-01, its review date",
                ])
        #expect(
            section.contains(
                "<p class=\"note\">13 proposed or accepted decisions whose review date is on or before 2020-12-01, or one of whose expectations is met or missed, and that were not reviewed since; the longest waiting first.</p>"
            ))
        // The links are relative to the decisions page, which is at the site's root.
        #expect(section.contains("<a href=\"decisions/0008-plan-eight.html\">"))
    }

    @Test func siteJSONKeepsEveryDueDecision() throws {
        let json = try #require(Self.plan?.text("data/site.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let analysis = try #require(object["analysis"] as? [String: Any])
        #expect(
            analysis["due"] as? [String] == [
                "0008-plan-eight", "0005-plan-five", "0011-plan-eleven", "0002-plan-two", "0004-plan-four",
                "0007-plan-seven", "0003-plan-three", "0001-plan-one", "0009-plan-nine", "0006-plan-six",
                "0010-plan-ten", "0012-plan-twelve", "0013-plan-thirteen",
            ])
    }

    @Test func withNoMoreThanTenTheDashboardListsThemAllAndTheDecisionsPageHasNoDueList() throws {
        // ReviewAndDueTests' report: two due.
        let page = try #require(ReviewAndDueTests.plan?.text("index.html"))
        let section = try #require(dueSection(page))
        #expect(items(section).count == 2)
        #expect(section.contains("and that were not reviewed since; the longest waiting first.</p>"))
        #expect(!section.contains("decisions.html#due"))
        let decisions = try #require(ReviewAndDueTests.plan?.text("decisions.html"))
        #expect(dueSection(decisions) == nil)
        #expect(!decisions.contains("id=\"due\""))
    }
    /// A count of a thousand or more is grouped as the dashboard's counts are: "1,000 decisions",
    /// not "1000 decisions" (the lead of the decisions page; found beside the due list's "1,535").
    @Test func theDecisionsPageGroupsItsCount() throws {
        var files = Self.files.filter { !$0.key.hasPrefix("decisions/") }
        for number in 1...1_000 {
            let id = String(repeating: "0", count: 4 - String(number).count) + String(number)
            files["decisions/\(id)-plan.md"] = Self.decision("Plan \(number)", review: "2030-01-01")
        }
        let plan = ReviewAndDueTests.plan(files, name: "due-bound-thousand", epoch: nil)
        let page = try #require(plan?.text("decisions.html"))
        let lead = page.split(separator: "\n").filter { $0.contains("<p class=\"lead\">") }
        #expect(
            lead == [
                "<p class=\"lead\">1,000 decisions, newest first. Each is a bet: the principles it serves, the metrics "
                    + "that will show whether it worked, and when to look at it again.</p>"
            ])
    }
}
