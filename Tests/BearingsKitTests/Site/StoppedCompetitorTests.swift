import BearingsKit
import Foundation
import Testing

/// A competitor that stops being reported, on real data (Fixtures/real-stops): five packages'
/// monthly Bioconda downloads, May 2017 to January 2021, with SCDE's figures left out after
/// December 2019. Every expected text comes from `expected.py`, which reads only the raw
/// published file: 44 dates; MAST's share 241 / (241 + 734 + 459 + 249 + 27) = 14.1% in
/// December 2019, unknown from January 2020; SCDE joins in Feb 2018, MAST in Mar 2018, BASiCS in
/// Dec 2018, DEsingle in Feb 2019.
struct StoppedCompetitorTests {
    static let plan: SitePlan? = {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/real-stops/data")
        guard let result = try? SiteBuilder.plan(BuildOptions(load: LoadOptions(dataDirectory: data.path))),
            !result.diagnostics.contains(where: { $0.severity == .error })
        else { return nil }
        return result.plan
    }()

    static let because = "since Jan 2020 — SCDE not measured since Dec 2019; last known 14.1% (Dec 2019)"

    /// The text of an HTML fragment: tags dropped, spaces collapsed, `&#39;` read.
    func text(_ html: Substring) -> String {
        String(html).replacing(#/<td[^>]*>/#, with: " | ").replacing(#/<[^>]+>/#, with: "")
            .replacing("&#39;", with: "'").replacing(#/\s+/#, with: " ").trimmingCharacters(in: .whitespaces)
    }

    @Test func theHeadlineSaysSinceWhenWhyAndTheLastKnownShare() throws {
        let page = try #require(Self.plan?.text("index.html"))
        // In the narrow cards the dates are whole: a no-break space inside each (issue #27).
        #expect(
            page.contains(
                "<span class=\"figure-label\">MAST&#39;s latest value; its share is unknown since Jan\u{00A0}2020 — SCDE not measured since Dec\u{00A0}2019; last known 14.1% (Dec\u{00A0}2019)</span>"
            ))
        // The change under the heading about share says it is a change in downloads.
        #expect(
            page.contains(
                "<span class=\"figure-label\">change in MAST&#39;s downloads over a year, since Jan\u{00A0}2020"))
        #expect(
            page.contains(
                "<p class=\"note\">Joining the category at a first value: SCDE in Feb 2018; MAST in Mar 2018; BASiCS in Dec 2018; DEsingle in Feb 2019; the share&#39;s denominator grows there.</p>"
            ))
        // The table under the share chart holds every project's shares, the newest 12 of 44, and says where the rest are.
        let table = try #require(
            page.firstMatch(of: #/<details class="data-table">(.*?)</details>/#.dotMatchesNewlines()))
        #expect(
            table.1.contains(
                "— the newest 12 of 44 dates; 32 older rows on <a href=\"metrics/bioconda-downloads.html\">"))
        let rows = table.1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        // One column per project (MAST, Monocle, SCDE, BASiCS, DEsingle): with SCDE not measured,
        // every member's share is unknown, not only MAST's.
        #expect(
            rows.first
                == "Jan 2021 | unknown | unknown | unknown | unknown | unknown | MAST, Monocle, BASiCS, DEsingle; not measured: SCDE"
        )
        #expect(rows.count == 12)
    }

    @Test func theMetricPageSaysItOnceAndItsTablesHoldEveryDate() throws {
        let page = try #require(Self.plan?.text("metrics/bioconda-downloads.html"))
        #expect(page.contains("<p class=\"note\">MAST&#39;s share is unknown \(Self.because). Joining the category"))
        #expect(page.components(separatedBy: "last known 14.1%").count == 2)
        let tables = page.matches(of: #/<details class="data-table">(.*?)</details>/#.dotMatchesNewlines())
        #expect(tables.count == 2)
        let values = tables[0].1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        let shares = tables[1].1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        // Every one of the 44 dates, down to May 2017 (a table of the newest 40 stopped at Sep 2017).
        #expect(values.count == 44)
        #expect(shares.count == 44)
        #expect(values.last == "May 2017 | – | 9 downloads | – | – | –")
        #expect(shares.last == "May 2017 | unknown | Monocle; MAST had no value yet")
        #expect(shares.contains("Dec 2019 | 14.1% | MAST, Monocle, SCDE, BASiCS, DEsingle"))
        #expect(shares.contains("Jan 2020 | unknown | MAST, Monocle, BASiCS, DEsingle; not measured: SCDE"))
        #expect(shares.contains("Mar 2020 | unknown | MAST, Monocle, BASiCS; not measured: SCDE, DEsingle"))
        #expect(
            values.contains("Jan 2020 | 304 downloads | 872 downloads | not measured | 282 downloads | 12 downloads"))
        // The share chart's description states the rule and why the share is unknown where it is.
        #expect(
            page.contains(
                "MAST&#39;s value divided by the sum over every project in the category in each period (a project belongs to it from its first value on), from May 2017 to Jan 2021. The share is unknown on 23 dates: 9 before MAST&#39;s first value, 14 where a project in the category was not measured; the line has gaps there."
            ))
    }

    @Test func theDecisionReviewSaysWhyTheShareNowIsUnknown() throws {
        let page = try #require(Self.plan?.text("decisions/0001-ship-on-bioconda.html"))
        let table = try #require(
            page.firstMatch(of: #/<table class="review stack">(.*?)</table>/#.dotMatchesNewlines()))
        let rows = table.1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        // Then Jun 2019 (dated 2019-06-01, the decision's day): 197 of 197 + 407 + 254 + 76 + 30 = 964, 20.4%.
        #expect(
            rows == [
                "Monthly downloads of the package from the Bioconda channel | 197 downloads (Jun 2019) | 342 downloads (Jan 2021) | 20.4% | unknown \(Self.because) | unknown | a settled value"
            ])
    }
}
