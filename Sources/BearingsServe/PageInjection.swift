import BearingsKit

/// What `serve` adds to the HTML it sends, and only there: `build` output never carries any of it.
enum PageInjection {
    /// The path of the server-sent events stream.
    static let eventsPath = "/__bearings/events"

    /// A few lines that reload the page when the server says a new build is ready. `since` is the build
    /// the page came from: a build that finished between sending the page and opening the stream is not
    /// missed. EventSource reconnects by itself when the server restarts.
    static func reloadScript(since generation: Int) -> String {
        """
        <script>
        new EventSource("\(eventsPath)?since=\(generation)").addEventListener("reload", () => location.reload());
        </script>
        """
    }

    /// A fixed box over the page listing the problems of the newest build, exactly as `bearings check`
    /// prints them. Inline styles, so it looks the same whatever the site's stylesheet says.
    static func problemsBox(_ problems: String, heading: String = lastGoodSiteHeading) -> String {
        let box: HTML = """
            <div id="bearings-problems" role="alert" style="position:fixed;left:1rem;right:1rem;bottom:1rem;\
            max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2a0d10;\
            color:#fde8e8;border:2px solid #f87171;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.45);\
            font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">\
            <p style="margin:0 0 .5rem;font-weight:bold;color:#fecaca">\(heading)</p>\
            <pre style="margin:0;white-space:pre-wrap;font:inherit;color:inherit;background:none">\(problems)</pre></div>
            """
        return box.rawValue
    }

    /// The box's first line while an older build is still shown.
    static let lastGoodSiteHeading =
        "The last change broke the build. This is the last good site; it updates when the problems below are fixed."

    /// A page for when there is no good build to show: the site is being built, or it has never built.
    static func placeholderPage(problems: String?, since generation: Int) -> [UInt8] {
        let content =
            problems.map {
                problemsBox(
                    $0, heading: "The site does not build. This page reloads when the problems below are fixed.")
            } ?? "<p>Bearings is building the site. This page reloads when it is ready.</p>"
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>Bearings preview</title></head>
            <body>
            \(content)
            \(reloadScript(since: generation))
            </body>
            </html>

            """
        return Array(page.utf8)
    }

    /// `snippet` inserted before the last `</body>` (any case), or appended when there is none.
    static func inserting(_ snippet: String, beforeBodyEndOf page: [UInt8]) -> [UInt8] {
        var result = page
        result.insert(contentsOf: Array(snippet.utf8), at: lastIndex(of: "</body>", in: page) ?? page.count)
        return result
    }

    /// `<base href="/">` after `<head>`: the 404 page's links are relative to the site's root, but the
    /// preview sends it for any missing path, however deep.
    static func rootBase(_ page: [UInt8]) -> [UInt8] {
        guard let head = lastIndex(of: "<head>", in: page) else { return page }
        var result = page
        result.insert(contentsOf: Array("<base href=\"/\">".utf8), at: head + 6)
        return result
    }

    /// Where the last ASCII-case-insensitive match of `needle` starts.
    private static func lastIndex(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        var start = bytes.count - pattern.count
        while start >= 0 {
            if pattern.indices.allSatisfy({ lower(bytes[start + $0]) == pattern[$0] }) { return start }
            start -= 1
        }
        return nil
    }
}
