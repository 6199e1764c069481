import BearingsKit
import Foundation
import Testing

/// 404.html is sent for a missing path at any depth (`/decisions/nope.html`), where relative links
/// would point nowhere: its links, its stylesheet's included, are absolute when the site's URL is
/// known, from the host's root otherwise.
struct NotFoundPageTests {
    func links(_ page: String) -> [String] {
        Array(Set(page.matches(of: #/(?:href|src)="([^"#][^"]*)"/#).map { String($0.1) })).sorted()
    }

    @Test func withABaseURLEveryLinkIsAbsolute() throws {
        let page = try #require(planSite("small")?.text("404.html"))
        #expect(
            links(page) == [
                "https://example.org/report/assets/style.css",
                "https://example.org/report/data/series.csv", "https://example.org/report/data/site.json",
                "https://example.org/report/decisions.html", "https://example.org/report/feed.xml",
                "https://example.org/report/index.html", "https://example.org/report/principles.html",
                "https://example.org/report/snapshots.html", "https://example.org/report/trends.html",
                "https://example.org/widget",  // the project's own url
            ])
    }

    @Test func withoutABaseURLLinksStartAtTheHostsRoot() throws {
        let page = try #require(planSite("minimal")?.text("404.html"))
        #expect(
            links(page) == [
                "/assets/style.css", "/data/series.csv", "/data/site.json", "/decisions.html", "/feed.xml",
                "/index.html",
                "/principles.html", "/snapshots.html", "/trends.html",
            ])
    }

    @Test func theStylesheetIsLinkedLikeTheRestNotInlined() throws {
        // Inlined, its container queries and `color-scheme` failed the HTML checker's CSS grammar.
        let page = try #require(planSite("minimal")?.text("404.html"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/style.css\">"))
        #expect(!page.contains("<style>"))
    }
}
