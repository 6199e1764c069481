import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsRendering

/// badge.svg and the link-preview tags (SPEC §4, issue #27). Every expected figure was read by hand:
/// the example's from the dashboard of site/index.html (64.3% share of developers pushing, 1st of
/// 4 projects measured, as of 2025 Q3), the truth fixture's from its data (Gizmo last measured in
/// Sep 2020, when Widget's share was 60 / 180 = 33.3%), and the widths from TextWidth's table.
struct BadgeAndPreviewTests {
    /// The repository's example report, data/ (what site/ is built from).
    static let exampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Site
        .deletingLastPathComponent()  // BearingsKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent().appendingPathComponent("data").path

    static func planExample() -> SitePlan? {
        let options = BuildOptions(load: LoadOptions(dataDirectory: exampleData))
        return try? SiteBuilder.plan(options).plan
    }

    func content(_ page: String, _ attribute: String, _ name: String) -> [String] {
        page.components(separatedBy: "\n").filter { $0.hasPrefix("<meta \(attribute)=\"\(name)\" content=\"") }.map {
            String($0.dropFirst("<meta \(attribute)=\"\(name)\" content=\"".count).dropLast(2))
        }
    }

    @Test func theExamplesBadgeSaysItsShareAndRank() throws {
        let badge = try #require(Self.planExample()?.text("badge.svg"))
        #expect(badge.contains("<title>PyTorch: 64.3% · 1st of 4</title>"))
        #expect(badge.contains(">PyTorch</text>"))
        #expect(badge.contains(">64.3% · 1st of 4</text>"))
        // "PyTorch": 0.72 + 0.6 + 0.72 + 0.6 + 0.42 + 0.6 + 0.6 = 4.26 em × 11 = 46.86 → 48 + 10 = 58.
        // "64.3% · 1st of 4": 8.43 em × 11 = 92.73 → 94 + 10 = 104; in all 162.
        #expect(badge.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"162\" height=\"20\""))
        #expect(badge.contains("<rect width=\"58\" height=\"20\" fill=\"#555555\"/>"))
        #expect(badge.contains("<rect x=\"58\" width=\"104\" height=\"20\" fill=\"#0969da\"/>"))
        #expect(badge.contains("<text x=\"29\" y=\"14\">PyTorch</text>"))
        #expect(badge.contains("<text x=\"110\" y=\"14\">64.3% · 1st of 4</text>"))
    }

    @Test func theExamplesPagesCarryTheHeadlineFigure() throws {
        let plan = try #require(Self.planExample())
        let index = try #require(plan.text("index.html"))
        let description =
            "PyTorch: 64.3% share of Developers pushing to repositories tagged with the framework, 1st of 4, as of 2025 Q3"
        #expect(content(index, "property", "og:description") == [description])
        #expect(content(index, "name", "description") == [description])
        #expect(content(index, "property", "og:title") == ["PyTorch"])
        #expect(content(try #require(plan.text("trends.html")), "property", "og:title") == ["Trends · PyTorch"])
    }

    @Test func aLongerFigureGetsAWiderPart() {
        let short = SiteRenderer.badgePartWidth("64.3% · 1st of 4")
        let long = SiteRenderer.badgePartWidth("64.3% · 10th of 12")
        #expect(short == 104)
        // Two more digits: 104 + 2 × 0.64 em × 11 = 104 + 14.08 → 92.73 + 14.08 = 106.81 → 108 + 10 = 118.
        #expect(long == 118)
        // u n k n o n: 6 × 0.6, w: 0.95; 4.55 em × 11 = 50.05 → 52 + 10
        #expect(SiteRenderer.badgePartWidth("unknown") == 62)
    }

    @Test func anUnknownHeadlineSaysUnknownNeverANumber() throws {
        let plan = try #require(planSite("truth"))
        let badge = try #require(plan.text("badge.svg"))
        #expect(badge.contains("<title>Widget: unknown</title>"))
        #expect(badge.contains("fill=\"#767676\""))
        // "Widget": 3.47 em × 11 = 38.17 → 40 + 10 = 50; the middle of "unknown" is 50 + 62 / 2.
        #expect(badge.contains("<text x=\"81\" y=\"14\">unknown</text>"))
        #expect(!badge.contains("33.3"))  // no share, not even the last known one
        let description =
            "Widget: share of Monthly downloads unknown (Gizmo not measured since Sep 2020), rank unknown, as of Dec 2020"
        #expect(content(try #require(plan.text("index.html")), "property", "og:description") == [description])
    }

    @Test func everyPageHasThePreviewTagsAndWithABaseURLItsAddress() throws {
        let plan = try #require(planSite("small"))  // base_url: https://example.org/report/
        let pages = plan.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count == 14)
        for path in pages {
            let page = try #require(plan.text(path))
            #expect(content(page, "property", "og:type") == ["website"], "\(path)")
            #expect(content(page, "property", "og:site_name") == ["Widget"], "\(path)")
            #expect(content(page, "property", "og:title").count == 1, "\(path)")
            #expect(
                content(page, "property", "og:description") == [
                    "Widget: 50.0% share of Monthly downloads, 1st of 3, as of Jul 2021"
                ], "\(path)")
            #expect(content(page, "name", "description") == content(page, "property", "og:description"), "\(path)")
            #expect(content(page, "property", "og:image") == ["https://example.org/report/badge.svg"], "\(path)")
            let url: [String] =
                switch path {
                case "404.html": []  // served at any missing address: it has none of its own
                case "index.html": ["https://example.org/report/"]
                default: ["https://example.org/report/" + path]
                }
            #expect(content(page, "property", "og:url") == url, "\(path)")
        }
        #expect(
            content(try #require(plan.text("metrics/downloads.html")), "property", "og:url") == [
                "https://example.org/report/metrics/downloads.html"
            ])
    }

    @Test func withoutABaseURLThereIsNoAddressAndNoImage() throws {
        let plan = try #require(planSite("truth"))
        for path in plan.paths where path.hasSuffix(".html") {
            let page = try #require(plan.text(path))
            #expect(content(page, "property", "og:description").count == 1, "\(path)")
            #expect(!page.contains("og:url"), "\(path)")
            #expect(!page.contains("og:image"), "\(path)")
        }
    }

    @Test func textFromTheDataIsEscapedInTheBadgeAndTheTags() throws {
        let plan = try #require(planSite("xss"))
        let badge = try #require(plan.text("badge.svg"))
        #expect(!badge.contains("<script"))
        #expect(badge.contains("<title>X&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;: 33.3% · 2nd of 2</title>"))
        let index = try #require(plan.text("index.html"))
        #expect(!index.contains("content=\"X<script"))
    }

    @Test func theBadgeIsTheSameBytesEachBuild() throws {
        let first = try #require(planSite("small")?.files["badge.svg"])
        let second = try #require(planSite("small")?.files["badge.svg"])
        #expect(first == second)
    }
}
