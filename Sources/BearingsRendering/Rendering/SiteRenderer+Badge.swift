import Foundation
import BearingsAnalysis
import BearingsCharts
import BearingsModel

/// What the badge and the link previews say of the headline, worked out once per site.
struct HeadlinePreview: Sendable, Equatable {
    /// The badge's right part: "64.3% · 1st of 4"; "unknown" when neither figure is known.
    var badge: String
    /// Whether the badge's figure is known (its colour says so too).
    var known: Bool
    /// One sentence for `og:description` and the page description: "PyTorch: 64.3% share of …,
    /// 1st of 4, as of 2025 Q3", or what is unknown and why.
    var description: String
}

/// A value worked out once, by whichever page asks first, from a closure given at that time.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

extension SiteRenderer {
    /// The badge's colours: white text on its own backgrounds, so it reads on light and dark pages
    /// alike (contrast 7.5:1 on the label, 5.2:1 on a figure, 4.5:1 on "unknown").
    static let badgeLabelColour = "#555555"
    static let badgeKnownColour = "#0969da"
    static let badgeUnknownColour = "#767676"

    /// The headline's figures in words, for the badge and the link previews. A figure that cannot be
    /// known is "unknown", never a guess: the share when a competitor of the period is unmeasured,
    /// the rank likewise.
    func makeHeadlinePreview() -> HeadlinePreview {
        let us = dataSet.project.name
        guard let headline = headlineSeries else {
            return HeadlinePreview(
                badge: "unknown", known: false,
                description: "\(us): the headline figure is unknown, no measure of use has data yet.")
        }
        let metric = headline.metric
        let sharesApply = shares[metric.id] != nil && headline.lines.count > 1
        guard
            let standing = Analysis.standing(
                headline, of: dataSet.project.id, shares: sharesApply ? shares[metric.id] : nil)
        else {
            return HeadlinePreview(
                badge: "unknown", known: false,
                description: "\(us): the headline figure is unknown, \(us) has no value in \(metric.name) yet.")
        }
        let why = unknownReason(standing, headline)
        var figure: String?
        var sentence: String
        if sharesApply {
            if let share = standing.share {
                figure = shareText(share)
                sentence = "\(shareText(share)) share of \(metric.name)"
            } else {
                // Why, without the last known share the dashboard adds: one figure per preview.
                sentence = "share of \(metric.name) unknown (\(why))"
            }
        } else {
            let value = ValueFormat.full(standing.latest.value, unit: metric.unit)
            figure = value
            sentence = "\(metric.name): \(value)"
        }
        let rank = standing.rank.map { "\(ordinal($0)) of \(standing.ranked)" }
        sentence += ", " + (rank ?? "rank unknown")
        let asOf = headline.label(standing.isStale ? standing.newest : standing.latest.date)
        let badge: String
        switch (figure, rank) {
        case (nil, nil): badge = "unknown"
        case (let figure?, let rank?): badge = "\(figure) · \(rank)"
        case (let figure?, nil): badge = "\(figure) · rank unknown"
        case (nil, let rank?): badge = "share unknown · \(rank)"
        }
        return HeadlinePreview(
            badge: badge, known: figure != nil || rank != nil, description: "\(us): \(sentence), as of \(asOf)")
    }

    /// badge.svg: a shields-style README badge, the project's name on the left, the headline's
    /// share (or value) and rank on the right. Widths come from the text's estimated width, so a
    /// longer figure gets a wider part; the same input gives the same bytes.
    func badgeSVG() -> String {
        Self.badgeSVG(label: TextWidth.truncated(dataSet.project.name, to: 40), preview: headlinePreview)
    }

    /// The badge's markup for `label` and `preview` (see `badgeSVG()`). Its accessible name is
    /// its `<title>` (`role="img"` makes the texts inside presentational); the Nu checker's SVG 1.1
    /// grammar allows neither `aria-label` nor `aria-hidden` here.
    static func badgeSVG(label: String, preview: HeadlinePreview) -> String {
        let left = badgePartWidth(label), right = badgePartWidth(preview.badge), width = left + right
        let colour = preview.known ? badgeKnownColour : badgeUnknownColour
        let title = SVG.escape("\(label): \(preview.badge)")
        let labelText = SVG.escape(label), figureText = SVG.escape(preview.badge)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" viewBox="0 0 \(width) 20" role="img">
            <title>\(title)</title>
            <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="r"><rect width="\(width)" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#r)"><rect width="\(left)" height="20" fill="\(badgeLabelColour)"/><rect x="\(left)" width="\(right)" height="20" fill="\(colour)"/><rect width="\(width)" height="20" fill="url(#s)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
            <text x="\(left / 2)" y="15" fill="#010101" fill-opacity=".3">\(labelText)</text><text x="\(left / 2)" y="14">\(labelText)</text>
            <text x="\(left + right / 2)" y="15" fill="#010101" fill-opacity=".3">\(figureText)</text><text x="\(left + right / 2)" y="14">\(figureText)</text>
            </g>
            </svg>

            """
    }

    /// The width of one part of the badge: its text at 11 px, widened to whole even pixels (so its
    /// middle is a whole pixel), with 10 px of padding.
    static func badgePartWidth(_ text: String) -> Int {
        let textWidth = Int(TextWidth.estimate(text, fontSize: 11).rounded(.up))
        return textWidth + textWidth % 2 + 10
    }

    /// The link-preview values of the layout's `<head>` for the page at `path` (nil for the 404
    /// page, which has no address of its own): the description everywhere, and `og:url` and
    /// `og:image` only when a base URL is known, since both must be absolute.
    func previewValues(path: String?) -> (description: String, pageURL: String, badgeURL: String) {
        guard let baseURL else { return (headlinePreview.description, "", "") }
        return (
            headlinePreview.description, path.map { baseURL + ($0 == "index.html" ? "" : $0) } ?? "",
            baseURL + "badge.svg"
        )
    }
}
