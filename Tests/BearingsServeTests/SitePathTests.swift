import Testing

@testable import BearingsServe

struct SitePathTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/metrics/", "metrics/index.html"),
        ("/metrics/downloads.html", "metrics/downloads.html"),
        ("/metrics/downloads.html?x=1#top", "metrics/downloads.html"),
        ("/a%20b.html", "a b.html"),
        ("/caf%C3%A9.html", "café.html"),
    ])
    func namesAPlanPath(target: String, path: String) {
        #expect(SitePath.resolve(target) == path)
    }

    @Test(arguments: [
        "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "//etc/passwd",
        "/assets/../../x", "/./index.html", "/%00", "/index.html%00.css", "/a%5c..%5cb", "/%zz", "/%2",
        "/%ff.html", "/a\u{01}b", "index.html", "", "http://example.org/index.html", "/assets//style.css",
    ])
    func refusesTargetsThatAreNotAPlainPathInsideTheSite(target: String) {
        #expect(SitePath.resolve(target) == nil)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/app.js", "text/javascript; charset=utf-8"),
        ("assets/logo.svg", "image/svg+xml"),
        ("assets/logo.png", "image/png"),
        ("feed.xml", "application/atom+xml; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("data/series.csv", "text/csv; charset=utf-8"),
        ("data/site.json", "application/json"),
        ("LICENSE", "application/octet-stream"),
    ])
    func givesEachKindOfFileItsContentType(path: String, type: String) {
        #expect(ContentType.of(path) == type)
    }
}
