import Testing

@testable import BearingsServe

struct PageInjectionTests {
    @Test func putsTheSnippetBeforeTheLastBodyEndTag() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let result = PageInjection.inserting("<script></script>", beforeBodyEndOf: page)
        #expect(
            String(decoding: result, as: UTF8.self) == "<html><body><p>&lt;/body&gt;</p><script></script></BODY></html>"
        )
    }

    @Test func appendsTheSnippetToAPageWithoutABodyEndTag() {
        let result = PageInjection.inserting("<script></script>", beforeBodyEndOf: Array("<p>hi</p>".utf8))
        #expect(String(decoding: result, as: UTF8.self) == "<p>hi</p><script></script>")
    }

    @Test func theReloadScriptListensToTheEventsStreamSinceItsBuild() {
        #expect(
            PageInjection.reloadScript(since: 7) == """
                <script>
                new EventSource("/__bearings/events?since=7").addEventListener("reload", () => location.reload());
                </script>
                """)
    }

    @Test func escapesTheProblemsItShows() {
        let box = PageInjection.problemsBox("data/x.md:1:1: error: '<script>' & \"more\"\n")
        #expect(box.contains("data/x.md:1:1: error: &#39;&lt;script&gt;&#39; &amp; &quot;more&quot;\n</pre>"))
        #expect(!box.contains("<script>"))
    }

    @Test func givesThe404PageTheSiteRootAsItsBase() {
        let result = PageInjection.rootBase(Array("<html><head>\n<title>x</title></head></html>".utf8))
        #expect(
            String(decoding: result, as: UTF8.self) == "<html><head><base href=\"/\">\n<title>x</title></head></html>")
    }
}
