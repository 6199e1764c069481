import BearingsKit
import Foundation
import Testing

/// Issue #30 part C on a small report written for it, every number worked out by hand: a yearly
/// metric lagging six months with a value every year from 2009 to 2018, a decision of 2010 that
/// watches it, bets met, reviewed and not settled, and two monthly metrics, one of them stale.
///
/// Papers (dated the 1st of December each year), ours / rival's:
/// 2009 10/90, 2010 14/86, 2011 20/80, 2012 28/72, 2013 40/64, 2014 52/60, 2015 66/58,
/// 2016 80/55, 2017 97/53, 2018 116/50. The reference date is 2019-03-01 (SOURCE_DATE_EPOCH
/// 1551398400): 2017's value settled on 2018-06-01, 2018's settles on 2019-06-01, after it.
struct ReviewAndDueTests {
    static let files: [String: String] = [
        "project.md": """
        ---
        name: Ours
        id: ours
        headline: papers
        competitors:
          rival: Rival
        ---
        A report for the review and due rules.
        """,
        "metrics/papers.md": """
        ---
        name: Papers
        kind: usage
        unit: papers
        lag: 6 months
        cadence: year
        ---
        Papers that use it.
        """,
        "metrics/a-meetups.md": """
        ---
        name: Meetups
        kind: usage
        unit: meetups
        cadence: month
        ---
        Meetups a month.
        """,
        "metrics/b-downloads.md": """
        ---
        name: Downloads
        kind: usage
        unit: downloads
        cadence: month
        ---
        Downloads a month.
        """,
        "series/papers.csv": "date,metric,project,value\n"
            + zip(
                2009...2018, zip([10, 14, 20, 28, 40, 52, 66, 80, 97, 116], [90, 86, 80, 72, 64, 60, 58, 55, 53, 50])
            )
            .map { year, values in
                "\(year)-12-01,papers,ours,\(values.0)\n\(year)-12-01,papers,rival,\(values.1)\n"
            }.joined(),
        "series/monthly.csv": """
        date,metric,project,value
        2017-08-01,a-meetups,ours,3
        2017-08-01,a-meetups,rival,5
        2017-09-01,a-meetups,ours,4
        2017-09-01,a-meetups,rival,5
        2017-10-01,a-meetups,ours,6
        2017-10-01,a-meetups,rival,5
        2017-10-01,b-downloads,ours,100
        2017-10-01,b-downloads,rival,300
        2017-11-01,b-downloads,ours,120
        2017-11-01,b-downloads,rival,310
        2017-12-01,b-downloads,ours,150
        2017-12-01,b-downloads,rival,320

        """,
        // Reviewed after its review date: not due.
        "decisions/0001-bet-on-papers.md": """
        ---
        status: accepted
        date: 2010-03-01
        watch: [papers]
        review: 2012-03-01
        reviewed: 2012-04-01
        ---
        # Bet on papers

        Written in 2010.
        """,
        // Met (80 against 55 in 2016), final once 2016's value settled on 2017-06-01: due since then.
        "decisions/0002-pass-the-rival.md": """
        ---
        status: accepted
        date: 2011-01-01
        expect:
          - metric: papers
            passes: rival
            by: 2016-12-31
        ---
        # Pass the rival

        By 2016.
        """,
        // The same met bet, reviewed after it became final: not due.
        "decisions/0003-pass-the-rival-again.md": """
        ---
        status: accepted
        date: 2011-06-01
        reviewed: 2017-07-01
        expect:
          - metric: papers
            passes: rival
            by: 2016-12-31
        ---
        # Pass the rival again

        By 2016, looked at again in July 2017.
        """,
        // Its 'by' date has passed, but 2018's value is not settled: too early, not due.
        "decisions/0004-reach-a-hundred.md": """
        ---
        status: proposed
        date: 2018-01-15
        expect:
          - metric: papers
            value: ">= 100"
            by: 2018-12-31
        ---
        # Reach a hundred papers

        In 2018.
        """,
        // Review date passed: due since 2016-01-01, the longest waiting.
        "decisions/0005-write-a-book.md": """
        ---
        status: proposed
        date: 2012-01-01
        review: 2016-01-01
        ---
        # Write a book

        Some day.
        """,
    ]

    static let plan: SitePlan? = plan(files, name: "review-due", epoch: 1_551_398_400)

    /// A site built from `files` in a temporary folder, with `epoch` as SOURCE_DATE_EPOCH.
    static func plan(_ files: [String: String], name: String, epoch: Int?) -> SitePlan? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        let options = BuildOptions(load: LoadOptions(dataDirectory: folder.path), sourceDateEpoch: epoch)
        guard let result = try? SiteBuilder.plan(options),
            !result.diagnostics.contains(where: { $0.severity == .error })
        else { return nil }
        return result.plan
    }

    /// The text of an HTML fragment: tags dropped, spaces collapsed, `&#39;` read.
    func text(_ html: Substring) -> String {
        String(html).replacing(#/<svg.*?</svg>/#.dotMatchesNewlines(), with: "")
            .replacing(#/<br>/#, with: " / ").replacing(#/<td[^>]*>/#, with: " | ").replacing(#/<th[^>]*>/#, with: " ")
            .replacing(#/<[^>]+>/#, with: "")
            .replacing("&#39;", with: "'").replacing(#/\s+/#, with: " ").trimmingCharacters(in: .whitespaces)
    }

    @Test func aDecisionOf2010IsJudgedOnItsNewestSettledValueWithTheUnsettledOneApart() throws {
        let page = try #require(Self.plan?.text("decisions/0001-bet-on-papers.html"))
        let table = try #require(
            page.firstMatch(of: #/<table class="review stack">(.*?)</table>/#.dotMatchesNewlines()))
        let header = try #require(table.1.firstMatch(of: #/<thead>(.*?)</thead>/#))
        #expect(text(header.1) == "Metric Then Now Share then Share now Change in share Judged on")
        let rows = table.1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        // Then: 2009's 10 of 100 (10.0%); judged: 2017's 97 of 150 (64.7%), +54.7 points; 2018 apart.
        #expect(
            rows == [
                "Papers | 10 papers (2009) | 97 papers (2017) / 2018: 116 papers — not settled yet | 10.0% | 64.7% | +54.7 pts | a settled value"
            ])
        #expect(!page.contains("too early to judge"))
    }

    @Test func dueIsOneRuleLongestWaitingFirst() throws {
        let json = try #require(Self.plan?.text("data/site.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let analysis = try #require(object["analysis"] as? [String: Any])
        // 0001 reviewed since its review date, 0003 since its met bet, 0004 too early: none due.
        #expect(analysis["due"] as? [String] == ["0005-write-a-book", "0002-pass-the-rival"])
        let page = try #require(Self.plan?.text("index.html"))
        let section = try #require(
            page.firstMatch(of: #/<h2 id="due-title">Due for review</h2>(.*?)</section>/#.dotMatchesNewlines()))
        let items = section.1.matches(of: #/<li>(.*?)</li>/#.dotMatchesNewlines()).map { text($0.1) }
        #expect(
            items == [
                "0005 Write a book proposed waiting since 2016-01-01, its review date",
                "0002 Pass the rival accepted bet met waiting since 2017-06-01, an expectation met",
            ])
    }

    @Test func aReviewedDecisionSaysWhenAndIsNotMarkedDue() throws {
        let page = try #require(Self.plan?.text("decisions/0001-bet-on-papers.html"))
        #expect(page.contains("<dt>Reviewed</dt><dd><time datetime=\"2012-04-01\">2012-04-01</time></dd>"))
        #expect(page.contains("<time datetime=\"2012-03-01\">2012-03-01</time></dd>"))
        #expect(!page.contains("badge due"))
        // Due for its met bet, with no review date: the page says so, and since when.
        let met = try #require(Self.plan?.text("decisions/0002-pass-the-rival.html"))
        #expect(
            met.contains(
                "<dt>Review</dt><dd><span class=\"badge due\">due</span> <span class=\"meta\">waiting since 2017-06-01, when the verdict of an expectation became final</span></dd>"
            ))
        let reviewedMet = try #require(Self.plan?.text("decisions/0003-pass-the-rival-again.html"))
        #expect(!reviewedMet.contains("badge due"))
        let due = try #require(Self.plan?.text("decisions/0005-write-a-book.html"))
        #expect(due.contains("<time datetime=\"2016-01-01\">2016-01-01</time> <span class=\"badge due\">due</span>"))
    }

    @Test func aStaleRowIsMarkedGreyedAndComesLast() throws {
        let page = try #require(Self.plan?.text("index.html"))
        let table = try #require(
            page.firstMatch(of: #/<table class="standing stack">(.*?)</table>/#.dotMatchesNewlines()))
        let rows = table.1.matches(of: #/<tr( class="stale")?><th scope="row">(.*?)</tr>/#.dotMatchesNewlines())
            .map { ($0.1 == nil ? "" : "stale: ") + text($0.2) }
        // The headline's period is 2018. Downloads' Dec 2017 is one month before it: current.
        // Meetups' Oct 2017 is three months before it: stale, and after the current rows.
        #expect(rows.count == 3)
        #expect(
            rows.map { $0.components(separatedBy: " | ").first ?? "" } == [
                "Downloads", "Papers lags 6 months", "stale: Meetups",
            ])
        #expect(rows.last?.contains("6 meetups last measured Oct 2017") == true)
        #expect(rows.first?.contains("150 downloads Dec 2017") == true)
        #expect(!(rows.first?.contains("last measured") ?? true))
    }

    @Test func aMetricPageTableOfMoreThan400DatesSaysHowManyAreLeftOutAndWhere() throws {
        // 401 days from 2020-01-01, Acme 1 and Rival 3 each day: the share is 25.0% throughout.
        let start = try #require(Day(iso: "2020-01-01")).ordinal
        let rows = (0..<401).map { Day(ordinal: start + $0) }.map { "\($0),daily,acme,1\n\($0),daily,rival,3\n" }
        let files = [
            "project.md": "---\nname: Acme\nid: acme\ncompetitors:\n  rival: Rival\n---\nDaily.\n",
            "metrics/daily.md": "---\nname: Daily\nkind: usage\ncadence: day\n---\nA day's count.\n",
            "series/daily.csv": "date,metric,project,value\n" + rows.joined(),
        ]
        let page = try #require(Self.plan(files, name: "long-table", epoch: nil)?.text("metrics/daily.html"))
        #expect(
            page.contains(
                "<caption>Daily — the newest 400 of 401 dates; the 1 older one is in <a href=\"../data/series.csv\">series.csv</a></caption>"
            ))
        #expect(
            page.contains(
                "<caption>Acme's share of the sum over the projects in the category; unknown where one of them was not measured — the newest 400 of 401 dates; 1 older row on <a href=\"../data/site.json\">site.json</a></caption>"
            ))
        #expect(page.components(separatedBy: "<td class=\"num\">25.0%</td>").count == 401)
    }
}
