import Foundation
import BearingsModel

/// The parts `ChartCanvas.draw` lays out and draws, each on its own: the lines prepared, the value
/// ticks, the "not settled yet" shading, the annotation row, both axes, events, expected values
/// and the names at the ends of the lines.
extension ChartCanvas {
    /// The plot's edges, once laid out.
    struct Plot {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
    }

    /// The lines as drawn: points sorted by day (the dates as given decide the order) and moved
    /// to the start of their period at `cadence`, so a yearly value dated 2019-12-31 sits on the
    /// tick "2019", as the tables name it; non-finite values and, on a log scale, values of zero or
    /// less become gaps. Also how many values the log scale left out, and the first day of a value
    /// not settled yet.
    static func prepareLines(_ input: Input, cadence: Cadence?) -> (
        lines: [PreparedLine], skipped: Int, firstUnsettledDay: Int?
    ) {
        var skipped = 0
        var firstUnsettledDay: Int?
        let lines = input.lines.map { line -> PreparedLine in
            if let from = input.unsettledFromDay,
                let first = line.points.lazy.filter({ $0.value != nil && $0.day >= from }).map(\.day).min()
            {
                firstUnsettledDay = min(firstUnsettledDay ?? first, first)
            }
            let sorted = line.points.enumerated()
                .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
                .map { point -> ChartPoint in
                    guard let value = point.element.value, value.isFinite else {
                        return ChartPoint(day: point.element.day, value: nil)
                    }
                    if input.scale == .log && value <= 0 {
                        skipped += 1
                        return ChartPoint(day: point.element.day, value: nil)
                    }
                    return point.element
                }
                .map { ChartPoint(day: periodDay($0.day, cadence: cadence), value: $0.value) }
            return PreparedLine(
                label: line.label, emphasised: line.emphasised, cue: SeriesCue(style: line.style), points: sorted,
                endValue: line.endValue)
        }
        return (lines, skipped, firstUnsettledDay)
    }

    /// The width of the column of names at the ends of the `labelled` lines, each cut to `limit`
    /// characters, with its cue.
    static func endLabelColumnWidth(_ lines: [PreparedLine], labelled: [Int], limit: Int) -> Double {
        labelled.map {
            endLabelCue + 4
                + TextWidth.estimate(lines[$0].named(limit: limit), fontSize: fontSize, bold: lines[$0].emphasised)
        }.max() ?? 0
    }

    /// The legend: one item per line in `lines`, and one for the rule that marks a change in the
    /// projects measured, when the chart has one.
    static func seriesLegend(_ lines: [PreparedLine], denominatorChanged: Bool) -> [LegendItem] {
        var items = lines.map {
            LegendItem(
                label: $0.named(limit: legendLabelLimit), cue: $0.cue, emphasised: $0.emphasised, kind: .series)
        }
        if denominatorChanged {
            items.append(
                LegendItem(
                    label: "projects measured changed", cue: SeriesCue(style: 0), emphasised: false, kind: .denominator)
            )
        }
        return items
    }

    /// The description's sentence about the events drawn: "2019: Moved to a new host (the series
    /// is split here). …".
    static func eventsNote(_ events: [ChartEvent], cadence: Cadence?) -> String {
        events.map {
            "\(dayName($0.day, cadence: cadence)): \($0.text)\($0.isBreak ? " (the series is split here)" : "")."
        }.joined(separator: " ")
    }

    /// The `<svg>` element's start with its title and description, and the start of the drawing's
    /// group. A role="img" hides its children, so a chart with decision links keeps the implicit
    /// role of <svg> instead (axe: nested-interactive; the Nu checker allows no "group" on
    /// <svg>); its drawing is then hidden and only the links are exposed.
    static func documentHead(_ input: Input, width: Double, height: Double, description: String, hasLinks: Bool)
        -> [SVG]
    {
        let prefix = SVG.idSafe(input.idPrefix)
        let role: SVG = hasLinks ? "" : " role=\"img\""
        return [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" class=\"chart \(input.variant.map { $0 + " " } ?? "")\(input.kind)\"\(role) aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\">",
            "<title id=\"\(prefix)-title\">\(input.title)</title>",
            "<desc id=\"\(prefix)-desc\">\(description)</desc>",
            hasLinks ? "<g class=\"drawing\" aria-hidden=\"true\">" : "<g class=\"drawing\">",
        ]
    }

    /// The value axis' ticks over `values` for a plot about `plotHeight` high; a log scale says so,
    /// and how many values it could not show, in `notes`.
    static func valueTicks(
        _ input: Input, values: [Double], plotHeight: Double, skipped: Int, notes: inout [String]
    ) -> Ticks {
        switch input.scale {
        case .linear:
            return Ticks.linear(
                low: values.min() ?? 0, high: values.max() ?? 0, count: max(2, Int((plotHeight / 48).rounded())))
        case .log:
            notes.append("Logarithmic scale.")
            if skipped > 0 {
                notes.append(
                    skipped == 1
                        ? "1 value of zero or less cannot be shown on a logarithmic scale and is left out as a gap."
                        : "\(skipped) values of zero or less cannot be shown on a logarithmic scale and are left out as gaps."
                )
            }
            return Ticks.log(low: values.min() ?? 1, high: values.max() ?? 10, count: max(2, Int(plotHeight / 24)))
        }
    }

    /// Where the "not settled yet" shading starts, nil for none; its note goes into `notes`. At a
    /// cadence the shading starts at the period of the first value not settled.
    static func unsettledShadeStart(
        _ input: Input, dayRange: ClosedRange<Int>?, firstUnsettledDay: Int?, cadence: Cadence?, plotLeft: Double,
        x: (Int) -> Double, notes: inout [String]
    ) -> Double? {
        guard let from = input.unsettledFromDay, let dayRange else { return nil }
        let start =
            periodStarts(cadence)
            ? firstUnsettledDay.map { periodDay($0, cadence: cadence) } : from <= dayRange.upperBound ? from : nil
        guard let start else { return nil }
        let shadeStart: Double
        if start <= dayRange.lowerBound {
            shadeStart = plotLeft
        } else if let cadence, periodStarts(cadence) {
            // Halfway back to the period before, so the first value not settled lies
            // inside the shading, not on its edge.
            let previous = cadence.start(ofPeriod: cadence.period(Day(ordinal: start)) - 1).ordinal
            shadeStart = max(plotLeft, (x(previous) + x(start)) / 2)
        } else {
            shadeStart = x(start)
        }
        let named =
            periodStarts(cadence)
            ? DateTicks.label(max(start, dayRange.lowerBound), cadence: cadence)
            : DayFormat.isoDate(max(start, dayRange.lowerBound))
        notes.append("Values from \(named) on are not settled yet and may still change.")
        return shadeStart
    }

    /// The annotation row: the unit (and the scale) at the left, the shading of values not settled
    /// yet with its words, at the start of the shading where they fit, else against the plot's right.
    static func drawAnnotationRow(unitLabel: String?, shadeStart: Double?, plot: Plot, baseline: Double) -> [SVG] {
        var out: [SVG] = []
        let unitWidth = unitLabel.map { TextWidth.estimate($0, fontSize: fontSize) } ?? 0
        if let unitLabel {
            out.append("<text class=\"unit-label\" x=\"0\" y=\"\(baseline)\">\(unitLabel)</text>")
        }
        guard let shadeStart else { return out }
        out.append(
            "<rect class=\"unsettled\" x=\"\(shadeStart)\" y=\"\(plot.top)\" width=\"\(plot.right - shadeStart)\" height=\"\(plot.bottom - plot.top)\"/>"
        )
        if shadeStart > plot.left {
            out.append(
                "<line class=\"unsettled-edge\" x1=\"\(shadeStart)\" y1=\"\(plot.top)\" x2=\"\(shadeStart)\" y2=\"\(plot.bottom)\"/>"
            )
        }
        var text = "not settled yet"
        if !(unitLabel == nil || unitWidth + 8 + TextWidth.estimate(text, fontSize: fontSize) <= plot.right) {
            text = "not settled"
        }
        let textWidth = TextWidth.estimate(text, fontSize: fontSize)
        let fitsAtStart =
            shadeStart + 3 + textWidth <= plot.right && shadeStart + 3 >= (unitLabel == nil ? 0 : unitWidth + 8)
        let anchor: SVG =
            fitsAtStart
            ? "x=\"\(shadeStart + 3)\""
            : "x=\"\(plot.right)\" text-anchor=\"end\""
        out.append("<text class=\"unsettled-label\" \(anchor) y=\"\(baseline)\">\(text)</text>")
        return out
    }

    /// Grid lines and value labels.
    static func drawValueAxis(_ ticks: Ticks, labels: [String], plot: Plot, y: (Double) -> Double) -> [SVG] {
        var out: [SVG] = ["<g class=\"y-axis\">"]
        for (value, label) in zip(ticks.values, labels) {
            let tickY = y(value)
            let gridClass = value == 0 && ticks.low < 0 ? "grid zero" : "grid"
            out.append(
                "<line class=\"\(gridClass)\" x1=\"\(plot.left)\" y1=\"\(tickY)\" x2=\"\(plot.right)\" y2=\"\(tickY)\"/>"
            )
            out.append(
                "<text class=\"tick-label\" x=\"\(plot.left - 6)\" y=\"\(tickY + 4)\" text-anchor=\"end\">\(label)</text>"
            )
        }
        out.append("</g>")
        return out
    }

    /// The date axis: its line, ticks and labels of one or two lines each, within the chart's width.
    static func drawDateAxis(_ dateTicks: [DateTicks.Tick], plot: Plot, width: Double, x: (Int) -> Double) -> [SVG] {
        var out: [SVG] = ["<g class=\"x-axis\">"]
        out.append(
            "<line class=\"axis\" x1=\"\(plot.left)\" y1=\"\(plot.bottom)\" x2=\"\(plot.right)\" y2=\"\(plot.bottom)\"/>"
        )
        // A label pushed inwards at an end of the axis must not reach its neighbour's.
        var labelEnds = Array(repeating: -Double.infinity, count: 2)
        for tick in dateTicks {
            let tickX = x(tick.day)
            out.append(
                "<line class=\"tick\" x1=\"\(tickX)\" y1=\"\(plot.bottom)\" x2=\"\(tickX)\" y2=\"\(plot.bottom + 4)\"/>"
            )
            for (index, line) in tick.lines.enumerated() where index < labelEnds.count {
                let half = TextWidth.estimate(line, fontSize: fontSize) / 2
                let labelX = min(max(tickX, half + 2), width - half - 2)
                if labelX - half < labelEnds[index] + 4 { continue }
                labelEnds[index] = labelX + half
                let labelY = plot.bottom + 4 + Double(index + 1) * dateLineHeight - 2
                let lineClass = index == 0 ? "tick-label" : "tick-label year"
                out.append(
                    "<text class=\"\(lineClass)\" x=\"\(labelX)\" y=\"\(labelY)\" text-anchor=\"middle\">\(line)</text>"
                )
            }
        }
        out.append("</g>")
        return out
    }

    /// Each event's rule across the plot and its text along the top, on its row.
    static func drawEvents(_ placedEvents: [PlacedEvent], plot: Plot) -> [SVG] {
        var out: [SVG] = []
        for placed in placedEvents {
            let eventClass: SVG = placed.event.isBreak ? "event break" : "event"
            out.append(
                "<line class=\"\(eventClass)\" x1=\"\(placed.x)\" y1=\"\(plot.top)\" x2=\"\(placed.x)\" y2=\"\(plot.bottom)\"/>"
            )
            let baseline = plot.top + fontSize + 1 + Double(placed.row) * annotationRowHeight
            let anchor: SVG = placed.anchorsAtEnd ? " text-anchor=\"end\"" : ""
            let textX = placed.anchorsAtEnd ? placed.x - 3 : placed.x + 3
            if !placed.label.isEmpty {
                out.append(
                    "<text class=\"event-label\" x=\"\(textX)\" y=\"\(baseline)\"\(anchor)>\(placed.label)</text>")
            }
        }
        return out
    }

    /// Expected values: a dashed rule with its words above or below it, at the left or the right
    /// of the plot, wherever they meet no event's words and no other rule's; in a crowd with
    /// no such place the rule is drawn without them (the description still says it).
    /// A text's box inside the plot: its x and y extents.
    typealias TextBox = (x: ClosedRange<Double>, y: ClosedRange<Double>)

    /// The boxes of the events' words along the top of the plot.
    static func eventBoxes(_ placedEvents: [PlacedEvent], plot: Plot) -> [TextBox] {
        placedEvents.filter { !$0.label.isEmpty }.map { placed in
            let width = TextWidth.estimate(placed.label, fontSize: fontSize)
            let textX = placed.anchorsAtEnd ? placed.x - 3 : placed.x + 3
            let baseline = plot.top + fontSize + 1 + Double(placed.row) * annotationRowHeight
            return (
                placed.anchorsAtEnd ? (textX - width)...textX : textX...(textX + width),
                (baseline - fontSize)...(baseline + 3)
            )
        }
    }

    /// Expected values' rules and words; the words' boxes are added to `taken`, which holds the
    /// events' words to begin with.
    static func drawThresholds(
        _ thresholds: [ChartThreshold], compact: Bool, plot: Plot, y: (Double) -> Double, taken: inout [TextBox]
    ) -> [SVG] {
        var out: [SVG] = []
        for threshold in thresholds {
            let ruleY = y(threshold.value)
            out.append(
                "<line class=\"threshold\" x1=\"\(plot.left)\" y1=\"\(ruleY)\" x2=\"\(plot.right)\" y2=\"\(ruleY)\"/>"
            )
            guard let place = thresholdLabelPlace(threshold, ruleY: ruleY, compact: compact, plot: plot, taken: taken)
            else { continue }
            taken.append(
                (
                    place.atEnd ? (place.x - place.width)...place.x : place.x...(place.x + place.width),
                    (place.y - fontSize)...(place.y + 3)
                ))
            let anchor: SVG = place.atEnd ? " text-anchor=\"end\"" : ""
            out.append(
                "<text class=\"threshold-label\" x=\"\(place.x)\" y=\"\(place.y)\"\(anchor)>\(place.text)</text>")
        }
        return out
    }

    /// Where an expected value's words go beside its rule at `ruleY`, clear of `taken`: the whole
    /// words, or without their dates ("expected: share at least 30%") where the whole do not fit,
    /// from the left along the rule, then against the right edge; above it, then below. Nil when
    /// no place is free.
    static func thresholdLabelPlace(
        _ threshold: ChartThreshold, ruleY: Double, compact: Bool, plot: Plot,
        taken: [(x: ClosedRange<Double>, y: ClosedRange<Double>)]
    ) -> (x: Double, y: Double, atEnd: Bool, text: String, width: Double)? {
        let full = TextWidth.truncated(threshold.text, to: compact ? 30 : 60)
        let short = threshold.text.components(separatedBy: " by ").first ?? threshold.text
        let above = ruleY - 4, below = ruleY + fontSize + 2
        // A cut text says less than the one without dates: that one first, then.
        let texts =
            (full == short ? [full] : full == threshold.text ? [full, short] : [short, full])
            + (threshold.shortText.map { [$0] } ?? [])
        for text in texts {
            // The estimate with a margin: the rendered text may be a little wider.
            let textWidth = TextWidth.estimate(text, fontSize: fontSize) * 1.15
            var candidates: [(x: Double, y: Double, atEnd: Bool)] = []
            for labelY in [above, below] {
                var startX = plot.left + 4
                while startX + textWidth <= plot.right - 4 {
                    candidates.append((startX, labelY, false))
                    startX += 24
                }
                if plot.right - 4 - textWidth >= plot.left + 4 {
                    candidates.append((plot.right - 4, labelY, true))
                }
            }
            let place = candidates.filter { $0.y - fontSize >= plot.top && $0.y + 3 <= plot.bottom }.first {
                candidate in
                let xs =
                    candidate.atEnd
                    ? (candidate.x - textWidth)...candidate.x : candidate.x...(candidate.x + textWidth)
                let ys = (candidate.y - fontSize)...(candidate.y + 3)
                return !taken.contains { $0.x.overlaps(xs) && $0.y.overlaps(ys) }
            }
            if let place { return (place.x, place.y, place.atEnd, text, textWidth) }
        }
        return nil
    }

    /// The names at the ends of the lines: beside the plot's right edge, spread so they do not
    /// overlap, for lines that reach the newest day; a line that stops before it is named at its
    /// last point, where it would not look current.
    static func drawEndLabels(
        _ lines: [PreparedLine], labelled: [Int], lastDay: Int, limit: Int, plot: Plot, dataRight: Double,
        taken: [TextBox], x: (Int) -> Double, y: (Double) -> Double
    ) -> [SVG] {
        var taken = taken
        let ended = labelled.filter { index in
            (lines[index].points.last { $0.value != nil }?.day ?? lastDay) < lastDay
        }
        let current = labelled.filter { !ended.contains($0) }
        let ends = current.compactMap { index in lines[index].points.last { $0.value != nil }?.value.map(y) }
        let centres = LabelStacking.spread(
            ends, spacing: endLabelSpacing, low: plot.top + endLabelSpacing / 2, high: plot.bottom - 4)
        var out: [SVG] = ["<g class=\"end-labels\">"]
        for (slot, (index, centre)) in zip(current, centres).enumerated() {
            // A name moved off its line's end is tied to it by a leader, on lines with a figure.
            if lines[index].endValue != nil, abs(centre - ends[slot]) >= endLabelSpacing / 3 {
                out.append(
                    "<line class=\"leader\" x1=\"\(dataRight + 4)\" y1=\"\(ends[slot])\" x2=\"\(plot.right + 5)\" y2=\"\(centre)\"/>"
                )
            }
            out += drawEndLabel(lines[index], label: lines[index].named(limit: limit), x: plot.right + 6, y: centre)
        }
        // The names of lines that ended inside the plot: at their last point, or, where that
        // meets a name placed before or the words of an event or an expected value, the
        // nearest free place above or below it with a leader; a name with no free place is
        // left out (the description names every line).
        // Names of lines ending on the same day are first spread as the names beside the plot
        // are: in the order of their lines' ends, a line apart, moved as little as can be.
        var wanted: [Int: Double] = [:]
        var endings: [Int: [(index: Int, baseline: Double)]] = [:]
        for index in ended {
            guard let last = lines[index].points.last(where: { $0.value != nil }), let value = last.value else {
                continue
            }
            endings[last.day, default: []].append((index, y(value) - 6))
        }
        for (_, group) in endings where group.count > 1 {
            let targets = group.map(\.baseline)
            let low = min(plot.top + fontSize, targets.min() ?? 0)
            let high = max(plot.bottom - 3, targets.max() ?? 0)
            guard LabelStacking.fits(group.count, spacing: endLabelSpacing, low: low, high: high) else { continue }
            let spread = LabelStacking.spread(targets, spacing: endLabelSpacing, low: low, high: high)
            for (member, baseline) in zip(group, spread) { wanted[member.index] = baseline }
        }
        for index in ended {
            guard let last = lines[index].points.last(where: { $0.value != nil }), let value = last.value else {
                continue
            }
            let label = lines[index].named(limit: limit)
            let labelWidth = TextWidth.estimate(label, fontSize: fontSize, bold: lines[index].emphasised)
            // Right of the point, or left of it where the right has no room.
            let pointX = x(last.day), pointY = y(value)
            let fitsRight = pointX + 6 + labelWidth <= plot.right
            let textX = fitsRight ? pointX + 6 : pointX - 6
            let xs = fitsRight ? textX...(textX + labelWidth) : (textX - labelWidth)...textX
            let start = wanted[index] ?? pointY - 6
            // Away from the words it meets: down when they sit higher, so names keep the
            // order of their lines' ends.
            let atStart = (start - fontSize)...(start + 3)
            // Boxes that only touch (names a line apart) do not meet.
            func meets(_ one: ClosedRange<Double>, _ other: ClosedRange<Double>) -> Bool {
                one.lowerBound < other.upperBound && other.lowerBound < one.upperBound
            }
            let met = taken.first { meets($0.x, xs) && meets($0.y, atStart) }
            let down = met.map { atStart.lowerBound >= $0.y.lowerBound } ?? true
            let sign: Double = down ? 1 : -1
            var shifts: [Double] = [0]
            for step in 1...8 {
                let distance = Double(step) * endLabelSpacing
                shifts.append(sign * distance)
                shifts.append(-sign * distance)
            }
            // A name moved stays inside the plot; one at its point may reach above it, as before.
            func isFree(_ baseline: Double) -> Bool {
                let box: ClosedRange<Double> = (baseline - fontSize)...(baseline + 3)
                let inside = baseline - fontSize >= plot.top && baseline + 3 <= plot.bottom
                guard baseline == pointY - 6 || inside else { return false }
                return !taken.contains { meets($0.x, xs) && meets($0.y, box) }
            }
            let baseline: Double? = shifts.map { start + $0 }.first(where: isFree)
            guard let baseline else { continue }
            taken.append((xs, (baseline - fontSize)...(baseline + 3)))
            if abs(baseline - (pointY - 6)) >= endLabelSpacing / 3 {
                let leaderY = baseline < pointY ? baseline + 3 : baseline - fontSize
                out.append(
                    "<line class=\"leader\" x1=\"\(pointX)\" y1=\"\(pointY)\" x2=\"\(textX)\" y2=\"\(leaderY)\"/>")
            }
            let textClass: SVG = lines[index].emphasised ? "end-label ended emph" : "end-label ended"
            let anchor: SVG = fitsRight ? "" : " text-anchor=\"end\""
            out.append("<text class=\"\(textClass)\" x=\"\(textX)\" y=\"\(baseline)\"\(anchor)>\(label)</text>")
        }
        out.append("</g>")
        return out
    }
}
