import Foundation
import BearingsModel

/// What goes inside a page's `<figure class="chart">`: the chart drawn for wide screens and again
/// for narrow ones, and the key of the decisions it marks.
///
/// SVG text scales with the drawing, so one drawing cannot keep its text readable at every width:
/// 12-unit text in a 720-unit chart is 6 px on a 360 px phone. The page carries both drawings and
/// its stylesheet shows one by the width of the figure (a container query): the wide one from
/// 11/12 of its own width up, so its text never renders under 11 px, and the narrow one,
/// `narrowWidth` units wide, below that. Without container queries a browser shows the wide one.
///
/// The key lists each marked decision as a link with its number, title and date, so what a
/// marker means never depends on a tooltip that a phone cannot show.
enum ChartFigure {
    static let narrowWidth = 300

    static func html(_ input: ChartCanvas.Input, cache: (ChartCache, String)? = nil) -> String {
        let prefix = SVG.idSafe(input.idPrefix)
        // The days the lines span, as drawn: the same for every page that shares the drawing.
        let (cadence, range) =
            cache.map { cache, key in cache.placement(key) { placement(input) } } ?? placement(input)
        let keyed = input.markers.enumerated()
            .filter { range?.contains(ChartCanvas.periodDay($0.element.day, cadence: cadence)) ?? false }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
        let keyID = keyed.isEmpty ? nil : "\(prefix)-key"

        var wide = input
        wide.placement = .some(cadence)
        wide.keyID = keyID
        wide.variant = "wide"
        var narrow = wide
        narrow.variant = "narrow"
        narrow.width = narrowWidth
        narrow.compact = true
        narrow.idPrefix = "\(prefix)-narrow"
        var out = "<div class=\"chart-variants w\(max(input.width, 240))\">\n"
        if let (cache, key) = cache {
            cache.chart(wide, key: key + "|wide", into: &out)
            cache.chart(narrow, key: key + "|narrow", into: &out)
        } else {
            out += ChartCanvas.render(wide)
            out += ChartCanvas.render(narrow)
        }
        out += "</div>\n"
        if let keyID {
            var key: [SVG] = [
                "<ul class=\"chart-key\" id=\"\(keyID)\" aria-label=\"Decisions marked on the chart\">"
            ]
            for marker in keyed {
                let name = marker.name.isEmpty ? marker.title : marker.name
                let words: SVG = "<span class=\"key-label\">\(marker.label)</span> \(name)"
                let link: SVG =
                    ChartCanvas.isSafeLink(marker.href) ? "<a href=\"\(marker.href)\">\(words)</a>" : words
                key.append(
                    "<li>\(link) <time datetime=\"\(DayFormat.isoDate(marker.day))\">(\(DayFormat.isoDate(marker.day)))</time></li>"
                )
            }
            key.append("</ul>")
            out += key.map(\.markup).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The cadence the lines' days are drawn at (`ChartCanvas.placementCadence`) and the range of
    /// those days as drawn, at the start of their period (`ChartCanvas.periodDay`).
    static func placement(_ input: ChartCanvas.Input) -> Placement {
        let cadence = ChartCanvas.placementCadence(input)
        var low = Int.max
        var high = Int.min
        for line in input.lines {
            for point in line.points {
                let day = ChartCanvas.periodDay(point.day, cadence: cadence)
                low = min(low, day)
                high = max(high, day)
            }
        }
        return Placement(cadence: cadence, range: low <= high ? low...high : nil)
    }

    /// What `placement` works out of a chart's lines.
    typealias Placement = (cadence: Cadence?, range: ClosedRange<Int>?)
}

/// Charts drawn once and finished with each page's markers: every decision page that shows a
/// metric over the same window shares one drawing of it (the axes, lines and labels), and adds
/// only its own marker. Safe to use from several threads.
package final class ChartCache: @unchecked Sendable {
    private let lock = NSLock()
    private var drawings: [String: [ChartCanvas.Drawing]] = [:]
    private var lines: [String: [ChartLine]] = [:]
    private var placements: [String: ChartFigure.Placement] = [:]

    /// An empty cache; the renderer keeps one per build.
    package init() {}

    /// Appends the chart of `input` to `out`; `key` must name all of `input` but its markers. A
    /// drawing made for the same key is reused when the markers need the rows it was laid out
    /// for, and its text is copied once, into the page.
    func chart(_ input: ChartCanvas.Input, key: String, into out: inout String) {
        lock.lock()
        let known = drawings[key] ?? []
        lock.unlock()
        for drawing in known where drawing.finish(markers: input.markers, keyID: input.keyID, into: &out) { return }
        let (drawing, placed) = ChartCanvas.draw(input)
        lock.lock()
        if drawings[key, default: []].count < 4 { drawings[key, default: []].append(drawing) }
        lock.unlock()
        out += drawing.head
        out += ChartCanvas.markerGroup(placed, drawing: drawing, keyID: input.keyID)
    }

    /// The placement of the lines of the figure stored under `key` (`ChartFigure.placement`),
    /// worked out by `make` the first time: it reads every point of every line.
    func placement(_ key: String, make: () -> ChartFigure.Placement) -> ChartFigure.Placement {
        lock.lock()
        if let known = placements[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        placements[key] = made
        lock.unlock()
        return made
    }

    /// The lines stored under `key`, made by `make` the first time.
    package func lines(_ key: String, make: () -> [ChartLine]) -> [ChartLine] {
        lock.lock()
        if let known = lines[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        lines[key] = made
        lock.unlock()
        return made
    }
}
