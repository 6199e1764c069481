/// The built-in templates of the most numerous pages and of the longest lists — the layout, a
/// decision, a snapshot, a metric, the dashboard, and the decisions, snapshots and principles
/// pages — written out in Swift, so that a site of 10,000 pages is not rendered by looking every
/// `{{name}}` up through `Any` (the template engine's lookups were a fifth of a build's time).
///
/// Each function is its template line by line, with Mustache's rules as the built-in templates use
/// them: a `{{name}}` is looked up from the innermost section outwards, an empty string counts as
/// absent (as `SiteRenderer.withFlags` makes it), a line holding only a section tag is dropped.
/// They are used only where no `--templates` folder replaces the template (or the layout, or a
/// partial it uses); a replaced one is rendered by swift-mustache as before. `CompiledTemplatesTests` renders every
/// page of the test sites both ways and requires the same bytes, so the two cannot drift apart.
enum CompiledTemplates {
    /// The page templates written out here, each with the partials it uses.
    static let pages: [String: [String]] = [
        "decision": [], "snapshot": [], "decisions": ["decision-item"], "snapshots": [],
        "principles": ["decision-item"], "metric": ["decision-item"], "index": ["decision-item", "standing-row"],
    ]

    /// The page `template` with `values` inside the layout, or nil when it has no Swift version.
    static func render(_ template: String, _ values: [String: Any]) -> String? {
        let scope = Scope(values)
        var content = ""
        switch template {
        case "decision": decision(scope, into: &content)
        case "snapshot": snapshot(scope, into: &content)
        case "decisions": decisions(scope, into: &content)
        case "snapshots": snapshots(scope, into: &content)
        case "principles": principles(scope, into: &content)
        case "metric": metric(scope, into: &content)
        case "index": index(scope, into: &content)
        default: return nil
        }
        var out = ""
        out.reserveCapacity(content.utf8.count + 2048)
        layout(scope, content: content, into: &out)
        return out
    }

    /// A stack of contexts, innermost last, looked up as Mustache does.
    struct Scope {
        var stack: [Any]

        init(_ values: [String: Any]) { stack = [values] }

        /// The value of `key` in the innermost context that has it; an empty string is absent.
        func value(_ key: String) -> Any? {
            for context in stack.reversed() {
                guard let dictionary = context as? [String: Any], let value = dictionary[key] else { continue }
                if let text = value as? String, text.isEmpty { continue }
                return value
            }
            return nil
        }

        /// `{{key}}`: the value as text, escaped.
        func text(_ key: String) -> String {
            switch value(key) {
            case let text as String: return HTML.escape(text)
            case let number as Int: return String(number)
            case let flag as Bool: return flag ? "true" : "false"
            case let html as HTML: return HTML.escape(html.rawValue)
            default: return ""
            }
        }

        /// `{{{key}}}`: the value as it is.
        func raw(_ key: String) -> String {
            switch value(key) {
            case let text as String: return text
            case let html as HTML: return html.rawValue
            case let number as Int: return String(number)
            default: return ""
            }
        }

        /// Whether `{{#key}}` renders: a true flag, a non-empty text, list or markup, a context.
        func isTrue(_ key: String) -> Bool {
            switch value(key) {
            case nil: return false
            case let flag as Bool: return flag
            case let html as HTML: return !html.isNull
            case let list as [Any]: return !list.isEmpty
            default: return true
            }
        }

        /// `{{#hasItems}}` as `SiteRenderer.withFlags` makes it: a context's own `hasItems`, or
        /// whether its list `items` is non-empty, from the innermost context that has either.
        func flag(_ key: String) -> Bool {
            let list = key.dropFirst(3).prefix(1).lowercased() + key.dropFirst(4)
            for context in stack.reversed() {
                guard let dictionary = context as? [String: Any] else { continue }
                if let value = dictionary[key] {
                    if let flag = value as? Bool { return flag }
                    if let text = value as? String, text.isEmpty { continue }
                    return true
                }
                if let items = dictionary[list] as? [Any] { return !items.isEmpty }
            }
            return false
        }

        /// `{{#key}}…{{/key}}`: the body once per item of a list, once inside a context, once for
        /// any other true value; not at all for a false one.
        func section(_ key: String, _ body: (Scope) -> Void) {
            guard isTrue(key), let found = value(key) else { return }
            if let list = found as? [Any] {
                for item in list {
                    var inner = self
                    inner.stack.append(item)
                    body(inner)
                }
            } else {
                var inner = self
                inner.stack.append(found)
                body(inner)
            }
        }

        /// `{{^key}}…{{/key}}`.
        func inverted(_ key: String, _ body: (Scope) -> Void) {
            if !isTrue(key) { body(self) }
        }
    }

    // MARK: - layout.mustache

    static func layout(_ s: Scope, content: String, into out: inout String) {
        let root = s.text("root")
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<title>\(s.text("pageTitle"))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"\(root)assets/style.css\">\n"
        out +=
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(s.text("projectName")): decisions and snapshots\" href=\"\(root)feed.xml\">\n"
        out += "</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
        out += "<header class=\"site-header\">\n<div class=\"wrap\">\n"
        out += "<p class=\"brand\"><a href=\"\(root)index.html\">\(s.text("projectName"))</a>"
        s.section("tagline") { s in out += " <span class=\"tagline\">\(s.text("tagline"))</span>" }
        out += "</p>\n<nav aria-label=\"Main\">\n<ul>\n"
        s.section("nav") { s in
            out += "<li><a href=\"\(s.text("href"))\""
            s.section("current") { _ in out += " aria-current=\"page\"" }
            out += ">\(s.text("label"))</a></li>\n"
        }
        out += "</ul>\n</nav>\n</div>\n</header>\n<main id=\"main\" class=\"wrap\">\n"
        out += content
        out += "\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>"
        s.section("dataAsOf") { s in
            out += "Data as of <time datetime=\"\(s.text("dataAsOf"))\">\(s.text("dataAsOf"))</time>. "
        }
        s.section("builtAt") { s in
            out += "Built <time datetime=\"\(s.text("builtAt"))\">\(s.text("builtAt"))</time>. "
        }
        s.section("editURL") { s in out += "<a href=\"\(s.text("editURL"))\">Edit this page</a> · " }
        out += "<a href=\"\(root)data/series.csv\">All data (CSV)</a> · <a href=\"\(root)data/site.json\">JSON</a>"
        out += " · <a href=\"\(root)feed.xml\">Feed</a>"
        s.section("projectURL") { s in
            out += " · <a href=\"\(s.text("projectURL"))\">\(s.text("projectName")) home</a>"
        }
        out += "</p>\n<p class=\"made-with\">Made with Bearings.</p>\n</div>\n</footer>\n</body>\n</html>\n"
    }

    // MARK: - decision.mustache

    static func decision(_ s: Scope, into out: inout String) {
        out += "<p class=\"breadcrumb\"><a href=\"\(s.text("root"))decisions.html\">Decisions</a></p>\n<h1>"
        s.section("label") { s in out += "<span class=\"decision-number\">\(s.text("label"))</span> " }
        out += "\(s.text("title"))</h1>\n<dl class=\"facts\">\n"
        out +=
            "<dt>Status</dt><dd><span class=\"status status-\(s.text("status"))\">\(s.text("statusText"))</span></dd>\n"
        out += "<dt>Date</dt><dd>"
        s.section("undated") { _ in out += "undated" }
        s.inverted("undated") { s in out += "<time datetime=\"\(s.text("date"))\">\(s.text("date"))</time>" }
        out += "</dd>\n"
        s.section("kind") { s in out += "<dt>Kind</dt><dd>\(s.text("kind"))</dd>" }
        out += "\n"
        s.section("review") { s in
            out += "<dt>Review</dt><dd><time datetime=\"\(s.text("review"))\">\(s.text("review"))</time>"
            s.section("reviewDue") { _ in out += " <span class=\"badge due\">due</span>" }
            out += "</dd>"
        }
        out += "\n"
        if s.flag("hasPrinciples") {
            out += "<dt>Serves</dt><dd><ul class=\"inline commas\">"
            s.section("principles") { s in out += "<li><a href=\"\(s.text("href"))\">\(s.text("title"))</a></li>" }
            out += "</ul></dd>"
        }
        out += "\n"
        s.section("supersededBy") { s in
            out +=
                "<dt>Superseded by</dt><dd><a href=\"\(s.text("href"))\">\(s.text("label")) \(s.text("title"))</a></dd>"
        }
        out += "\n"
        if s.flag("hasSupersedes") {
            out += "<dt>Supersedes</dt><dd><ul class=\"inline\">"
            s.section("supersedes") { s in
                out += "<li><a href=\"\(s.text("href"))\">\(s.text("label")) \(s.text("title"))</a></li>"
            }
            out += "</ul></dd>"
        }
        out += "\n"
        s.section("statusLinks") { s in
            out +=
                "<dt>\(s.text("relation"))</dt><dd><a href=\"\(s.text("href"))\">\(s.text("label")) \(s.text("title"))</a></dd>"
        }
        out += "\n"
        s.section("deciders") { s in out += "<dt>Deciders</dt><dd>\(s.text("deciders"))</dd>" }
        out += "\n"
        if s.flag("hasTags") {
            out += "<dt>Tags</dt><dd><ul class=\"inline\">"
            s.section("tags") { s in out += "<li>\(s.text("tag"))</li>" }
            out += "</ul></dd>"
        }
        out += "\n</dl>\n"
        s.section("bet") { s in
            out += "<section aria-labelledby=\"bet-title\" class=\"panel bet\">\n"
            out +=
                "<h2 id=\"bet-title\">The bet: <span class=\"verdict verdict-\(s.text("verdict"))\">\(s.text("words"))</span></h2>\n"
            out += "<ul class=\"expectations\">\n"
            s.section("expectations") { s in
                out += "<li><span class=\"verdict verdict-\(s.text("verdict"))\">\(s.text("verdictWords"))</span> "
                out += s.text("text")
                s.section("judged") { s in
                    out += "<br><span class=\"meta\">Judged on \(s.text("judged"))"
                    s.section("source") { s in out += ", <code>\(s.text("source"))</code>" }
                    out += ".</span>"
                }
                s.section("reason") { s in out += "<br><span class=\"meta\">\(s.text("reason"))</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        // Large values are appended as they are, not interpolated into a copy first.
        out += "<article class=\"prose\">\n"
        out += s.raw("bodyHTML")
        out += "\n</article>\n"
        guard s.flag("hasWatched") else { return }
        out += "<section aria-labelledby=\"since-title\" class=\"panel\">\n"
        out += "<h2 id=\"since-title\">What the watched metrics did since</h2>\n"
        out += "<div class=\"table-scroll\">\n<table class=\"review stack\">\n"
        out += "<caption>\(s.text("projectName")) at the decision date and "
        s.section("reviewUntil") { s in
            out += "when it was superseded, <time datetime=\"\(s.text("reviewUntil"))\">\(s.text("reviewUntil"))</time>"
        }
        s.inverted("reviewUntil") { _ in out += "now" }
        out += "</caption>\n"
        out +=
            "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Then</th><th scope=\"col\" class=\"num\">Now</th><th scope=\"col\" class=\"num\">Share then</th><th scope=\"col\" class=\"num\">Share now</th><th scope=\"col\" class=\"num\">Change in share</th><th scope=\"col\">Verdict</th></tr></thead>\n"
        out += "<tbody>\n"
        s.section("watched") { s in
            out += "<tr><th scope=\"row\"><a href=\"\(s.text("href"))\">\(s.text("name"))</a></th>"
            out += "<td class=\"num\" data-label=\"Then\">\(s.text("then"))"
            s.section("thenDate") { s in out += " <span class=\"meta\">(\(s.text("thenDate")))</span>" }
            out += "</td><td class=\"num\" data-label=\"Now\">\(s.text("now"))"
            s.section("nowDate") { s in out += " <span class=\"meta\">(\(s.text("nowDate")))</span>" }
            out += "</td><td class=\"num\" data-label=\"Share then\">\(s.text("shareThen"))</td>"
            out += "<td class=\"num\" data-label=\"Share now\">\(s.text("shareNow"))</td>"
            out +=
                "<td class=\"num\" data-label=\"Change in share\">\(s.text("shareChange"))</td><td data-label=\"Verdict\">"
            s.section("tooEarly") { s in
                out +=
                    "<span class=\"badge early\">too early to judge</span> <span class=\"meta\">lag \(s.text("lag"))</span>"
            }
            s.inverted("tooEarly") { _ in out += "settled" }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        s.section("watched") { s in
            out += "<section class=\"watched\" aria-label=\"\(s.text("name"))\">\n"
            out += "<h3><a href=\"\(s.text("href"))\">\(s.text("name"))</a></h3>\n"
            s.section("svgHTML") { s in
                out += "<figure class=\"chart\" tabindex=\"0\">"
                out += s.raw("svgHTML")
                out += "</figure>"
            }
            out += "\n"
            s.section("shareSvgHTML") { s in
                out += "<figure class=\"chart\" tabindex=\"0\">"
                out += s.raw("shareSvgHTML")
                out += "</figure>\n"
            }
            out += s.raw("tableHTML")
            out += "\n</section>\n"
        }
        out += "</section>\n"
    }

    // MARK: - snapshot.mustache

    static func snapshot(_ s: Scope, into out: inout String) {
        out += "<p class=\"breadcrumb\"><a href=\"\(s.text("root"))snapshots.html\">Snapshots</a></p>\n"
        out += "<h1>\(s.text("title"))</h1>\n"
        out += "<p class=\"meta\">Measured <time datetime=\"\(s.text("date"))\">\(s.text("date"))</time>"
        s.section("source") { s in
            out += " · source: "
            s.section("sourceHref") { s in out += "<a href=\"\(s.text("sourceHref"))\">\(s.text("source"))</a>" }
            s.inverted("sourceHref") { s in out += s.text("source") }
        }
        out += "</p>\n"
        out += s.raw("tableHTML")
        out += "\n<div class=\"prose\">"
        out += s.raw("notesHTML")
        out += "</div>\n"
        out += "<nav class=\"pager\" aria-label=\"Snapshots\">\n"
        s.section("previous") { s in
            out += "<a rel=\"prev\" href=\"\(s.text("href"))\">← "
            s.section("showDate") { s in out += "\(s.text("date")) " }
            out += "\(s.text("title"))</a>"
        }
        out += "\n"
        s.section("next") { s in
            out += "<a rel=\"next\" href=\"\(s.text("href"))\">"
            s.section("showDate") { s in out += "\(s.text("date")) " }
            out += "\(s.text("title")) →</a>"
        }
        out += "\n</nav>\n"
    }

    // MARK: - decision-item.mustache (a partial, with the line end its file has)

    static func decisionItem(_ s: Scope, into out: inout String) {
        out += "<a href=\"\(s.text("href"))\">"
        s.section("label") { s in out += "<span class=\"decision-number\">\(s.text("label"))</span> " }
        out += "\(s.text("title"))</a> <span class=\"status status-\(s.text("status"))\">\(s.text("statusText"))</span>"
        s.section("bet") { s in out += " <span class=\"verdict verdict-\(s.text("verdict"))\">\(s.text("words"))</span>"
        }
        out += "\n"
    }

    /// `<li>{{>decision-item}} <span class="meta">{{meta}}</span></li>`, the line every list of
    /// decisions is made of; without `meta`, `<li>{{>decision-item}}</li>`.
    static func decisionListItem(_ s: Scope, meta: String?, into out: inout String) {
        out += "<li>"
        decisionItem(s, into: &out)
        if let meta { out += " <span class=\"meta\">\(s.text(meta))</span>" }
        out += "</li>\n"
    }

    // MARK: - decisions.mustache

    static func decisions(_ s: Scope, into out: inout String) {
        out +=
            "<h1>Decisions</h1>\n<p class=\"lead\">\(s.text("countWords")), newest first. Each is a bet: the principles"
        out += " it serves, the metrics that will show whether it worked, and when to look at it again.</p>\n"
        if s.flag("hasBets") {
            out +=
                "<section aria-labelledby=\"bets-title\" class=\"panel\">\n<h2 id=\"bets-title\">Bets and their verdicts</h2>\n"
            s.section("bets") { s in
                out += "<h3 id=\"bets-\(s.text("verdict"))\">\(s.text("words"))</h3>\n<ul class=\"decision-list\">\n"
                s.section("decisions") { s in
                    decisionListItem(s, meta: "date", into: &out)
                }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        s.section("years") { s in
            out += "<section class=\"year\" aria-labelledby=\"year-\(s.text("year"))\">\n"
            out += "<h2 id=\"year-\(s.text("year"))\">\(s.text("year"))</h2>\n<ol class=\"timeline\">\n"
            s.section("decisions") { s in
                out += "<li class=\"timeline-item status-\(s.text("status"))-item\">\n<p class=\"timeline-title\">"
                decisionItem(s, into: &out)
                out += "</p>\n<p class=\"meta\">"
                s.section("undated") { _ in out += "undated" }
                s.inverted("undated") { s in out += "<time datetime=\"\(s.text("date"))\">\(s.text("date"))</time>" }
                s.section("kind") { s in out += " · <span class=\"kind\">\(s.text("kind"))</span>" }
                s.section("supersededBy") { s in
                    out += " · superseded by <a href=\"\(s.text("href"))\">\(s.text("label")) \(s.text("title"))</a>"
                }
                out += "</p>\n"
                if s.flag("hasPrinciples") {
                    out += "<p class=\"meta\">Serves: "
                    s.section("principles") { s in
                        out += "<a href=\"\(s.text("href"))\">\(s.text("title"))</a>\(s.text("separator"))"
                    }
                    out += "</p>"
                }
                out += "\n</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
    }

    // MARK: - snapshots.mustache

    static func snapshots(_ s: Scope, into out: inout String) {
        out +=
            "<h1>Snapshots</h1>\n<p class=\"lead\">Dated measurements, newest first.</p>\n<ol class=\"snapshot-list\">\n"
        s.section("snapshots") { s in
            out += "<li><a href=\"\(s.text("href"))\">"
            s.section("showDate") { s in out += "<time datetime=\"\(s.text("date"))\">\(s.text("date"))</time> " }
            out += "\(s.text("title"))</a> <span class=\"meta\">\(s.text("count")) · \(s.text("metrics")) · "
            out += "\(s.text("projects"))</span></li>\n"
        }
        out += "</ol>\n"
        if !s.flag("hasSnapshots") { out += "<p>No snapshots yet.</p>" }
        out += "\n"
    }

    // MARK: - principles.mustache

    static func principles(_ s: Scope, into out: inout String) {
        out += "<h1>Principles</h1>\n<div class=\"intro\">\(s.raw("introHTML"))</div>\n"
        s.section("principles") { s in
            out +=
                "<section class=\"principle panel\" id=\"\(s.text("id"))\" aria-labelledby=\"\(s.text("id"))-title\">\n"
            out += "<h2 id=\"\(s.text("id"))-title\">\(s.text("title"))</h2>\n"
            out += "<div class=\"prose\">\(s.raw("statementHTML"))</div>\n"
            if s.flag("hasDecisions") {
                out += "<h3>Decisions that serve it</h3>\n<ul class=\"decision-list\">\n"
                s.section("decisions") { s in
                    decisionListItem(s, meta: "date", into: &out)
                }
                out += "</ul>\n"
            }
            if !s.flag("hasDecisions") { out += "<p class=\"note\">No decision serves this principle yet.</p>" }
            out += "\n</section>\n"
        }
        if !s.flag("hasPrinciples") {
            out += "<p>No principles are written down yet. Add <code>principles.md</code> with one <code>## </code>"
            out += " heading per principle.</p>"
        }
        out += "\n"
        if s.flag("hasUnserved") {
            out += "<section aria-labelledby=\"unserved-title\">\n<h2 id=\"unserved-title\">Decisions that cite no"
            out += " principle</h2>\n<ul class=\"decision-list\">\n"
            s.section("unserved") { s in
                decisionListItem(s, meta: nil, into: &out)
            }
            out += "</ul>\n</section>\n"
        }
    }

    // MARK: - metric.mustache

    static func metric(_ s: Scope, into out: inout String) {
        out += "<p class=\"breadcrumb\"><a href=\"\(s.text("root"))trends.html\">Trends</a></p>\n"
        out += "<h1>\(s.text("name"))</h1>\n<dl class=\"facts\">\n"
        out += "<dt>Kind</dt><dd><span class=\"kind kind-\(s.text("kind"))\">\(s.text("kind"))</span></dd>\n"
        s.section("unit") { s in out += "<dt>Unit</dt><dd>\(s.text("unit"))</dd>" }
        out += "\n"
        s.section("lag") { s in out += "<dt>Lag</dt><dd>\(s.text("lag"))</dd>" }
        out += "\n"
        s.section("cadence") { s in out += "<dt>Cadence</dt><dd>\(s.text("cadence"))</dd>" }
        out += "\n<dt>Scale</dt><dd>\(s.text("scale"))</dd>\n<dt>Better when</dt><dd>"
        s.section("higherIsBetter") { _ in out += "higher" }
        s.inverted("higherIsBetter") { _ in out += "lower" }
        out += "</dd>\n"
        s.section("source") { s in
            out += "<dt>Source</dt><dd>"
            s.section("sourceHref") { s in out += "<a href=\"\(s.text("sourceHref"))\">\(s.text("source"))</a>" }
            s.inverted("sourceHref") { s in out += s.text("source") }
            out += "</dd>"
        }
        out += "\n</dl>\n"
        s.section("isVanity") { _ in out += "<p class=\"note\">This metric measures attention, not use.</p>" }
        out += "\n"
        s.section("hasData") { s in
            out += "<section aria-labelledby=\"over-time\">\n<h2 id=\"over-time\">Over time</h2>\n"
            out += "<figure class=\"chart\" tabindex=\"0\">\(s.raw("svgHTML"))</figure>\n"
            if s.flag("hasCrossovers") {
                out += "<ul class=\"crossovers\">"
                s.section("crossovers") { s in out += "<li>\(s.text("text"))</li>" }
                out += "</ul>"
            }
            out += "\n"
            if s.flag("hasEvents") {
                out += "<h3 id=\"events-title\">Events</h3>\n<ul class=\"events\" aria-labelledby=\"events-title\">\n"
                s.section("events") { s in
                    out += "<li><time datetime=\"\(s.text("date"))\">\(s.text("dateLabel"))</time> \(s.text("text"))"
                    s.section("isBreak") { _ in
                        out +=
                            " <span class=\"meta\">(the series is split here: nothing is compared across this date)</span>"
                    }
                    out += "</li>\n"
                }
                out += "</ul>\n"
            }
            out += "\(s.raw("tableHTML"))\n</section>\n"
            s.section("share") { s in
                out += "<section aria-labelledby=\"share-title\">\n<h2 id=\"share-title\">Share of the total</h2>\n"
                out += "<figure class=\"chart\" tabindex=\"0\">\(s.raw("svgHTML"))</figure>\n"
                s.section("denominatorNote") { s in out += "<p class=\"note\">\(s.text("denominatorNote"))</p>" }
                out +=
                    "\n<details class=\"data-table\">\n<summary>Data table</summary>\n<div class=\"table-scroll\">\n<table>\n"
                out += "<caption>Share of the sum over the projects in the category; unknown where one of them was not"
                out +=
                    " measured</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\" class=\"num\">Share</th>"
                out += "<th scope=\"col\">Projects measured</th></tr></thead>\n<tbody>\n"
                s.section("rows") { s in
                    out +=
                        "<tr><th scope=\"row\"><time datetime=\"\(s.text("date"))\">\(s.text("dateLabel"))</time></th>"
                    out += "<td class=\"num\">\(s.text("share"))</td><td>\(s.text("projects"))"
                    s.section("notMeasured") { s in out += "; not measured: \(s.text("notMeasured"))" }
                    out += "</td></tr>\n"
                }
                out += "</tbody>\n</table>\n</div>\n</details>\n</section>\n"
            }
        }
        s.inverted("hasData") { _ in out += "<p>No values have been recorded for this metric yet.</p>" }
        out += "\n<section aria-labelledby=\"about-title\">\n<h2 id=\"about-title\">About this metric</h2>\n"
        out += "<div class=\"prose\">\(s.raw("descriptionHTML"))</div>\n</section>\n"
        if s.flag("hasWatchedBy") {
            out +=
                "<section aria-labelledby=\"watched-title\">\n<h2 id=\"watched-title\">Decisions that watch it</h2>\n"
            out += "<ul class=\"decision-list\">\n"
            s.section("watchedBy") { s in
                decisionListItem(s, meta: "date", into: &out)
            }
            out += "</ul>\n</section>\n"
        }
    }

    // MARK: - index.mustache (the dashboard)

    static func index(_ s: Scope, into out: inout String) {
        func score(_ s: Scope) {
            s.section("score") { s in
                out += "<a class=\"verdict verdict-\(s.text("verdict"))\" href=\"\(s.text("href"))\">"
                out += "\(s.text("count")) \(s.text("words"))</a> "
            }
        }
        out += "<h1>\(s.text("projectName"))</h1>\n"
        s.section("headline") { s in
            out += "<section aria-labelledby=\"headline-title\" class=\"headline\">\n<h2 id=\"headline-title\">"
            s.section("isShare") { _ in out += "Share of " }
            out += "<a href=\"\(s.text("href"))\">\(s.text("name"))</a></h2>\n"
            s.section("figures") { s in
                s.section("missing") { s in out += "<p>\(s.text("missing"))</p>" }
                out += "\n"
                s.inverted("missing") { s in
                    out += "<p class=\"as-of\">As of <time datetime=\"\(s.text("date"))\">\(s.text("dateLabel"))</time>"
                    s.section("unsettled") { _ in out += " <span class=\"badge early\">not settled yet</span>" }
                    s.section("stale") { s in out += " <span class=\"meta\">(\(s.text("stale")))</span>" }
                    out += "</p>\n<div class=\"figures\">\n"
                    out += "<p class=\"figure\"><span class=\"figure-value headline-figure\">\(s.text("main"))</span>"
                    out += " <span class=\"figure-label\">\(s.text("mainLabel"))</span></p>\n"
                    out += "<p class=\"figure\"><span class=\"figure-value\">\(s.text("rank"))</span>"
                    out += " <span class=\"figure-label\">\(s.text("rankLabel"))</span></p>\n"
                    out += "<p class=\"figure\"><span class=\"figure-value\">\(s.text("change"))</span>"
                    out += " <span class=\"figure-label\">\(s.text("changeLabel"))</span></p>\n"
                    if s.flag("hasScore") {
                        out += "<p class=\"figure score\"><span class=\"figure-value\">"
                        score(s)
                        out +=
                            "</span> <span class=\"figure-label\">the bets, as judged on \(s.text("referenceDate"))</span></p>"
                    }
                    out += "\n</div>\n"
                }
            }
            out += "<figure class=\"chart\" tabindex=\"0\">\(s.raw("svgHTML"))</figure>\n"
            s.section("denominatorNote") { s in out += "<p class=\"note\">\(s.text("denominatorNote"))</p>" }
            out += "\n"
            if s.flag("hasCrossovers") {
                out += "<ul class=\"crossovers\">"
                s.section("crossovers") { s in out += "<li>\(s.text("text"))</li>" }
                out += "</ul>"
            }
            out += "\n\(s.raw("tableHTML"))\n</section>\n"
        }
        s.inverted("headline") { s in
            if s.flag("hasScore") {
                out += "<p class=\"score\">Bets: "
                score(s)
                out += "</p>"
            }
        }
        out += "\n"
        if s.flag("hasStanding") {
            out += "<section aria-labelledby=\"standing-title\" class=\"panel\">\n"
            out += "<h2 id=\"standing-title\">Where \(s.text("projectName")) stands</h2>\n"
            out += "<div class=\"table-scroll\">\n<table class=\"standing stack\">\n"
            out += "<caption class=\"meta\">\(s.text("projectName"))'s newest value in each measure of use"
            if s.flag("hasCommunity") { out += " and of community" }
            out += ", its share of the total and rank among the projects measured in that period, and its change"
            out += " over a year</caption>\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">"
            out += "Latest</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"num\">Rank</th>"
            out +=
                "<th scope=\"col\" class=\"num\">Over a year</th><th scope=\"col\">Trend</th></tr></thead>\n<tbody>\n"
            s.section("standing") { s in
                standingRow(s, into: &out)
                out += "\n"
            }
            out += "</tbody>\n"
            if s.flag("hasCommunity") {
                out += "<tbody>\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"6\">Community</th></tr>\n"
                s.section("community") { s in
                    standingRow(s, into: &out)
                    out += "\n"
                }
                out += "</tbody>\n"
            }
            out += "</table>\n</div>\n</section>\n"
        }
        out += "<div class=\"columns\">\n<section aria-labelledby=\"due-title\" class=\"panel\">\n"
        out += "<h2 id=\"due-title\">Due for review</h2>\n"
        if s.flag("hasDue") {
            out += "<p class=\"note\">Bets whose review date, or the date one of their expectations is judged at, is on"
            out += " or before \(s.text("referenceDate")).</p>\n<ul class=\"decision-list\">\n"
            s.section("due") { s in
                decisionListItem(s, meta: "review", into: &out)
            }
            out += "</ul>\n"
        }
        s.inverted("due") { s in out += "<p>No bet is due for review on \(s.text("referenceDate")).</p>" }
        out += "\n</section>\n<section aria-labelledby=\"newest-title\" class=\"panel\">\n"
        out += "<h2 id=\"newest-title\">Newest decisions</h2>\n<ul class=\"decision-list\">\n"
        s.section("newest") { s in
            decisionListItem(s, meta: "date", into: &out)
        }
        out += "</ul>\n<p><a href=\"decisions.html\">All decisions</a></p>\n</section>\n</div>\n"
        if s.flag("hasPasses") {
            out += "<section aria-labelledby=\"passes-title\" class=\"panel\">\n"
            out += "<h2 id=\"passes-title\">Where the order changed</h2>\n"
            out +=
                "<p class=\"note\">Every date at which \(s.text("projectName")) passed a competitor, or was passed, in a"
            out += " measure of use.</p>\n<ol class=\"passes\">\n"
            s.section("passes") { s in
                out += "<li><time datetime=\"\(s.text("date"))\">\(s.text("dateLabel"))</time> <span class=\""
                s.section("weLead") { _ in out += "lead-us" }
                s.inverted("weLead") { _ in out += "lead-them" }
                out += "\">\(s.text("text"))</span> in <a href=\"\(s.text("href"))\">\(s.text("metric"))</a>"
                s.section("unsettled") { _ in out += " <span class=\"meta\">(not settled yet)</span>" }
                out += "</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        if s.flag("hasPrinciples") {
            out += "<section aria-labelledby=\"principles-title\" class=\"panel\">\n"
            out += "<h2 id=\"principles-title\">Principles</h2>\n<ul class=\"principle-list\">\n"
            s.section("principles") { s in
                out +=
                    "<li><a href=\"\(s.text("href"))\">\(s.text("title"))</a> <span class=\"meta\">\(s.text("count"))</span></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if s.flag("hasIntro") {
            out +=
                "<section aria-labelledby=\"intro-title\" class=\"panel\">\n<h2 id=\"intro-title\">About this report</h2>\n"
            out += "<div class=\"intro\">\(s.raw("introHTML"))</div>\n</section>\n"
        }
    }

    // MARK: - standing-row.mustache (a partial, with the line end its file has)

    static func standingRow(_ s: Scope, into out: inout String) {
        out += "<tr><th scope=\"row\"><a href=\"\(s.text("href"))\">\(s.text("name"))</a>"
        s.section("lag") { s in out += " <span class=\"meta\">\(s.text("lag"))</span>" }
        out += "</th>"
        s.section("missing") { _ in out += "<td class=\"num\" data-label=\"Latest\" colspan=\"5\">not measured</td>" }
        s.inverted("missing") { s in
            out += "<td class=\"num\" data-label=\"Latest\">\(s.text("latest")) <span class=\"meta\">"
            s.section("stale") { _ in out += "not measured since " }
            out += "<time datetime=\"\(s.text("date"))\">\(s.text("dateLabel"))</time>"
            s.section("unsettled") { _ in out += ", not settled yet" }
            out += "</span></td><td class=\"num\" data-label=\"Share\">\(s.text("share"))"
            s.section("shareWhy") { s in out += " <span class=\"meta\">\(s.text("shareWhy"))</span>" }
            out += "</td><td class=\"num\" data-label=\"Rank\">\(s.text("rank"))"
            s.section("rankWhy") { s in out += " <span class=\"meta\">\(s.text("rankWhy"))</span>" }
            out += "</td><td class=\"num\" data-label=\"Over a year\">"
            s.section("overYear") { s in
                out += s.text("value")
                s.section("base") { s in out += " <span class=\"meta\">\(s.text("base"))</span>" }
            }
            out += "</td><td class=\"spark\" data-label=\"Trend\">\(s.raw("sparkHTML"))</td>"
        }
        out += "</tr>\n"
    }
}
