import Foundation
import BearingsModel

/// The drawing shared by line and share charts: layout, legend, value and date axes, lag shading,
/// lines, decision markers and the accessible title and description.
///
/// Layout, top to bottom: legend rows (only where lines cannot be named at their ends); an
/// annotation row (the unit and "log scale" on the left, "not settled yet" over the shading) when
/// either is needed; one row per level of staggered decision labels; the plot, with each line's
/// name at its right end; one or two rows of date labels. `height` is the height with one legend
/// row and one annotation row; more rows add to it, so twenty projects do not squash the plot.
///
/// All text is `fontSize` units high: a chart is drawn for the width it is shown at (a wide and
/// a narrow variant, see `ChartFigure`), so that text never shrinks below 11 CSS pixels.
package struct ChartCanvas {
    /// What to draw, already in the units the axis shows.
    struct Input: Sendable {
        var title: String
        var description: String
        var lines: [ChartLine]
        var markers: [ChartMarker]
        var events: [ChartEvent] = []
        var unit: String?
        var scale: ChartScale
        var unsettledFromDay: Int?
        var denominatorChanges: [Int]
        var width: Int
        var height: Int
        var idPrefix: String
        /// The CSS class naming the kind of chart, such as "line-chart".
        var kind: String
        /// The metric's cadence: date ticks are never finer, and are written at its precision.
        var cadence: Cadence? = nil
        /// A narrow variant: shorter labels and fewer ticks.
        var compact: Bool = false
        /// The id of the key listing the decisions under the chart; a merged marker links to it.
        var keyID: String? = nil
        /// "wide" or "narrow" in a figure of both variants, as a class the stylesheet chooses by.
        var variant: String? = nil
        /// Expected values drawn as dashed rules; the value axis reaches each.
        var thresholds: [ChartThreshold] = []
        /// `placementCadence` of these lines when already worked out (a figure's cached placement).
        var placement: Cadence?? = nil
    }

    static let fontSize = 12.0
    static let legendRowHeight = 18.0
    static let annotationRowHeight = 15.0
    static let dateLineHeight = 15.0
    /// The distance between the centres of two names at the ends of lines.
    static let endLabelSpacing = 15.0
    static let rightMargin = 16.0
    /// Space between the plot's edges and the first and last day, so points and markers at the
    /// ends are drawn inside the plot, clear of its edges.
    static let inset = 8.0
    static let maxMarkerLevels = 4

    /// A line ready to draw: sorted, cleaned, and thinned.
    struct PreparedLine {
        var label: String
        var emphasised: Bool
        var cue: SeriesCue
        var points: [ChartPoint]
        var endValue: String? = nil

        /// The line's name cut to `limit` characters, then its figure, if any, uncut.
        func named(limit: Int) -> String {
            guard let endValue else { return TextWidth.truncated(label, to: limit) }
            return TextWidth.truncated(label, to: max(limit - endValue.count - 1, 4)) + " " + endValue
        }
    }

    static func render(_ input: Input) -> String {
        let (drawing, placed) = draw(input)
        return drawing.head + markerGroup(placed, drawing: drawing, keyID: input.keyID)
    }

    /// Everything of a chart but its decision markers, with what placing markers on it needs: the
    /// same drawing serves every page that shows the same lines with markers needing as many rows
    /// (a decision page marks only its own decision), so it is drawn once (`ChartFigure`).
    struct Drawing: Sendable {
        /// The SVG up to where the markers go.
        var head: String
        var domainFirst: Double
        var domainLast: Double
        var dataLeft: Double
        var dataRight: Double
        var plotTop: Double
        var plotBottom: Double
        /// The width marker labels may take: the plot's right edge and its margin.
        var markerWidth: Double
        var dayRange: ClosedRange<Int>?
        /// The cadence whose periods the days are drawn at (`ChartCanvas.periodDay`).
        var cadence: Cadence?
        /// The rows of marker labels laid out, and whether the chart has links (markers).
        var markerLevels: Int
        var hasLinks: Bool

        func x(_ day: Int) -> Double {
            dataLeft + (Double(day) - domainFirst) / (domainLast - domainFirst) * (dataRight - dataLeft)
        }

        /// Appends the chart with these markers to `out` and returns true; returns false and
        /// appends nothing when they need other rows or links than the drawing was laid out for,
        /// and the chart must be drawn again with them.
        func finish(markers: [ChartMarker], keyID: String?, into out: inout String) -> Bool {
            let placed = ChartCanvas.placeMarkers(
                ChartCanvas.atPeriods(markers, cadence: cadence), in: dayRange, x: x, width: markerWidth)
            guard (placed.map { $0.level + 1 }.max() ?? 0) == markerLevels, placed.isEmpty != hasLinks else {
                return false
            }
            out += head
            out += ChartCanvas.markerGroup(placed, drawing: self, keyID: keyID)
            return true
        }
    }

    /// The markers' group and the end of the SVG.
    static func markerGroup(_ placed: [PlacedMarker], drawing: Drawing, keyID: String?) -> String {
        var out: [SVG] = []
        if !placed.isEmpty {
            out.append("<g class=\"markers\">")
            for marker in placed {
                out += drawMarker(marker, plotTop: drawing.plotTop, plotBottom: drawing.plotBottom, keyID: keyID)
            }
            out.append("</g>")
        }
        out.append("</svg>")
        return out.map(\.markup).joined(separator: "\n") + "\n"
    }

    /// The chart without its markers' group, laid out for `input.markers`: the lines prepared, the
    /// plot laid out around its legend or line names, value and date axes and annotation rows,
    /// then each part drawn in turn (`ChartCanvas+Parts.swift`).
    static func draw(_ input: Input) -> (Drawing, [PlacedMarker]) {
        let width = Double(max(input.width, 240))
        let baseHeight = Double(max(input.height, 160))
        var notes: [String] = []

        let cadence = input.placement ?? placementCadence(input)
        var (lines, skipped, firstUnsettledDay) = prepareLines(input, cadence: cadence)
        let days = lines.flatMap { $0.points.map(\.day) }
        let values = lines.flatMap { $0.points.compactMap(\.value) }
        let thresholds = input.thresholds.filter { $0.value.isFinite && (input.scale == .linear || $0.value > 0) }
        let axisValues = values.isEmpty ? [] : values + thresholds.map(\.value)
        let firstDay = days.min()
        let lastDay = days.max()
        let dayRange: ClosedRange<Int>? = firstDay.flatMap { first in lastDay.map { first...$0 } }

        // Names at the ends of the lines when they fit beside the plot and down its height;
        // otherwise a legend above it.
        let nominalPlotHeight = baseHeight - 4 - legendRowHeight - annotationRowHeight - 8 - 12 - 2 * dateLineHeight
        let endLabelLimit = input.compact ? 12 : 20
        let labelled = lines.indices.filter { lines[$0].points.contains { $0.value != nil } }
        let endLabelColumn = endLabelColumnWidth(lines, labelled: labelled, limit: endLabelLimit)
        let usesEndLabels =
            !labelled.isEmpty && endLabelColumn <= width * (input.compact ? 0.3 : 0.36)
            && LabelStacking.fits(labelled.count, spacing: endLabelSpacing, low: 0, high: nominalPlotHeight - 4)

        // Legend.
        let denominatorDays = input.denominatorChanges.filter {
            dayRange?.contains(periodDay($0, cadence: cadence)) ?? false
        }
        let legendItems = seriesLegend(
            usesEndLabels ? [] : lines, denominatorChanged: !denominatorDays.isEmpty)
        let legend = layoutLegend(legendItems, width: width)
        let legendRows = legend.map(\.row).max().map { $0 + 1 } ?? 0

        // Value axis.
        let ticks = valueTicks(
            input, values: axisValues, plotHeight: nominalPlotHeight, skipped: skipped, notes: &notes)
        let tickUnit = input.unit == "%" ? "%" : nil
        let tickLabels = zip(ticks.values, ticks.steps).map { ValueFormat.short($0, unit: tickUnit, step: $1) }
        let widestTick = tickLabels.map { TextWidth.estimate($0, fontSize: fontSize) }.max() ?? 0
        let plotLeft = max(28, (widestTick + 10).rounded(.up))
        let plotRight = width - rightMargin - (usesEndLabels ? endLabelColumn + 6 : 0)
        let dataLeft = plotLeft + inset
        let dataRight = plotRight - inset

        // Date axis.
        let domain: (first: Double, last: Double) = {
            guard let dayRange else { return (0, 1) }
            if dayRange.lowerBound == dayRange.upperBound {
                return (Double(dayRange.lowerBound - 1), Double(dayRange.upperBound + 1))
            }
            return (Double(dayRange.lowerBound), Double(dayRange.upperBound))
        }()
        func x(_ day: Int) -> Double {
            dataLeft + (Double(day) - domain.first) / (domain.last - domain.first) * (dataRight - dataLeft)
        }
        let dateTicks =
            dayRange.map {
                DateTicks.ticks(
                    first: $0.lowerBound, last: $0.upperBound, pixels: dataRight - dataLeft,
                    fontSize: input.compact ? fontSize * 1.4 : fontSize, cadence: input.cadence)
            } ?? []
        let dateLines = dateTicks.map(\.lines.count).max() ?? 1

        // Annotation row: the unit and the scale at the left, "not settled yet" over the shading.
        let unitText = input.unit.flatMap { $0.isEmpty || $0 == "%" ? nil : TextWidth.truncated($0, to: 24) }
        let unitLabel =
            input.scale == .log
            ? unitText.map { "\($0), log scale" } ?? "log scale"
            : unitText
        let shadeStart = unsettledShadeStart(
            input, dayRange: dayRange, firstUnsettledDay: firstUnsettledDay, cadence: cadence, plotLeft: plotLeft,
            x: x, notes: &notes)
        let hasAnnotationRow = unitLabel != nil || shadeStart != nil

        // Decision markers, staggered so that labels never overlap and rules never cross labels.
        let placedMarkers = placeMarkers(
            atPeriods(input.markers, cadence: cadence), in: dayRange, x: x, width: plotRight + rightMargin)
        let markerLevels = placedMarkers.map { $0.level + 1 }.max() ?? 0
        let annotationRows = (hasAnnotationRow ? 1 : 0) + markerLevels

        // Vertical layout.
        let extraRows =
            Double(max(0, legendRows - 1)) * legendRowHeight
            + Double(max(0, annotationRows - 1)) * annotationRowHeight
        let height = baseHeight + extraRows
        let plotTop = 4 + Double(legendRows) * legendRowHeight + Double(annotationRows) * annotationRowHeight + 8
        let plotBottom = height - 12 - Double(dateLines) * dateLineHeight
        let plot = Plot(left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom)
        func y(_ value: Double) -> Double {
            let fraction: Double
            switch input.scale {
            case .linear: fraction = (value - ticks.low) / (ticks.high - ticks.low)
            case .log: fraction = (log10(value) - log10(ticks.low)) / (log10(ticks.high) - log10(ticks.low))
            }
            return plotBottom - fraction * (plotBottom - plotTop)
        }

        // Lines, thinned to about one point per pixel.
        let threshold = Int(dataRight - dataLeft)
        var thinned = false
        for index in lines.indices where lines[index].points.count > threshold {
            lines[index].points = Thinning.largestTriangleThreeBuckets(lines[index].points, threshold: threshold)
            thinned = true
        }
        if thinned { notes.append("Lines with many points are drawn simplified.") }
        if values.isEmpty { notes.append("No values were measured.") }
        if !denominatorDays.isEmpty {
            notes.append(
                "The set of projects measured changed on \(denominatorDays.map { dayName($0, cadence: cadence) }.joined(separator: ", "))."
            )
        }

        // Events: a rule across the plot and the text along its top, each text on the first row
        // where it meets no other.
        let events = input.events.filter { dayRange?.contains(periodDay($0.day, cadence: cadence)) ?? false }
            .sorted { $0.day < $1.day }
        if !events.isEmpty { notes.append(eventsNote(events, cadence: cadence)) }
        let placedEvents = placeEvents(
            events, x: { x(periodDay($0, cadence: cadence)) }, plotLeft: plotLeft, plotRight: plotRight,
            limit: input.compact ? 24 : 40)

        // The document.
        let hasLinks = !placedMarkers.isEmpty
        if !values.isEmpty, !thresholds.isEmpty {
            notes.append(thresholds.map { "A dashed rule marks \($0.text)." }.joined(separator: " "))
        }
        let description = ([input.description] + notes).filter { !$0.isEmpty }.joined(separator: " ")
        var out = documentHead(input, width: width, height: height, description: description, hasLinks: hasLinks)
        out += drawLegend(legend, items: legendItems)
        out += drawAnnotationRow(
            unitLabel: unitLabel, shadeStart: shadeStart, plot: plot,
            baseline: 4 + Double(legendRows) * legendRowHeight + annotationRowHeight - 3)
        out += drawValueAxis(ticks, labels: tickLabels, plot: plot, y: y)
        out += drawDateAxis(dateTicks, plot: plot, width: width, x: x)
        for day in denominatorDays {
            let ruleX = x(day)
            out.append(
                "<line class=\"denominator\" x1=\"\(ruleX)\" y1=\"\(plotTop)\" x2=\"\(ruleX)\" y2=\"\(plotBottom)\"/>")
        }
        out += drawEvents(placedEvents, plot: plot)
        // The boxes of the texts inside the plot so far: events' words, then expected values'; the
        // names of lines that end inside the plot keep clear of them all.
        var taken = eventBoxes(placedEvents, plot: plot)
        if values.isEmpty {
            out.append(
                "<text class=\"no-data\" x=\"\((plotLeft + plotRight) / 2)\" y=\"\((plotTop + plotBottom) / 2)\" text-anchor=\"middle\">No data</text>"
            )
        } else {
            out += drawThresholds(thresholds, compact: input.compact, plot: plot, y: y, taken: &taken)
        }

        // Lines, the emphasised ones last so they lie on top.
        out.append("<g class=\"lines\">")
        let drawOrder = lines.filter { !$0.emphasised } + lines.filter(\.emphasised)
        for line in drawOrder {
            out += drawLine(line, x: x, y: y, dataWidth: dataRight - dataLeft)
        }
        out.append("</g>")
        if usesEndLabels {
            out += drawEndLabels(
                lines, labelled: labelled, lastDay: dayRange?.upperBound ?? 0, limit: endLabelLimit, plot: plot,
                dataRight: dataRight, taken: taken, x: x, y: y)
        }
        out.append("</g>")

        let drawing = Drawing(
            head: out.map(\.markup).joined(separator: "\n") + "\n", domainFirst: domain.first, domainLast: domain.last,
            dataLeft: dataLeft, dataRight: dataRight, plotTop: plotTop, plotBottom: plotBottom,
            markerWidth: plotRight + rightMargin, dayRange: dayRange, cadence: cadence, markerLevels: markerLevels,
            hasLinks: hasLinks)
        return (drawing, placedMarkers)
    }

    /// Whether days are drawn at the start of their period at `cadence`: weeks (from Monday),
    /// months, quarters and years; days and irregular metrics keep their dates.
    static func periodStarts(_ cadence: Cadence?) -> Bool {
        switch cadence {
        case .week?, .month?, .quarter?, .year?: true
        case .day?, nil: false
        }
    }

    /// The cadence whose periods `input`'s days are drawn at: its own, unless a line has two
    /// values in one period (two yearly values dated January and July), which would then be
    /// drawn on top of each other; such a chart keeps the dates as given.
    static func placementCadence(_ input: Input) -> Cadence? {
        guard let cadence = input.cadence, periodStarts(cadence) else { return nil }
        for line in input.lines {
            var seen = Set<Int>()
            for point in line.points where point.value != nil {
                if !seen.insert(cadence.period(Day(ordinal: point.day))).inserted { return nil }
            }
        }
        return cadence
    }

    /// The day a value dated `day` is drawn at: the first day of its period at `cadence` (so a
    /// yearly 2019-12-31 and 2019-12-01 are both drawn at 2019-01-01, where the tick "2019" is),
    /// or the day itself for daily and irregular metrics.
    package static func periodDay(_ day: Int, cadence: Cadence?) -> Int {
        guard let cadence, periodStarts(cadence) else { return day }
        return cadence.start(ofPeriod: cadence.period(Day(ordinal: day))).ordinal
    }

    /// A day as the chart's text names it: its period at the cadence ("2019", "2019 Q2",
    /// "Jun 2019"), the ISO date otherwise.
    static func dayName(_ day: Int, cadence: Cadence?) -> String {
        switch cadence {
        case .month?, .quarter?, .year?: DateTicks.label(day, cadence: cadence)
        default: DayFormat.isoDate(day)
        }
    }

    /// Markers moved to the periods their dates fall in.
    static func atPeriods(_ markers: [ChartMarker], cadence: Cadence?) -> [ChartMarker] {
        guard periodStarts(cadence) else { return markers }
        return markers.map {
            var marker = $0
            marker.day = periodDay($0.day, cadence: cadence)
            return marker
        }
    }

    /// An event with its rule's x, the row of its text inside the plot, and the text as drawn.
    struct PlacedEvent {
        var event: ChartEvent
        var x: Double
        var row: Int
        var label: String
        var anchorsAtEnd: Bool
    }

    /// Places event texts along the top of the plot, left to right, each on the first of six
    /// rows where it overlaps no earlier text (in a crowd with none free, the event keeps its rule
    /// and loses its text, an empty label); a text is cut to fit beside its rule.
    static func placeEvents(
        _ events: [ChartEvent], x: (Int) -> Double, plotLeft: Double, plotRight: Double, limit: Int = 40
    ) -> [PlacedEvent] {
        var rowEnds: [[ClosedRange<Double>]] = Array(repeating: [], count: 6)
        var placed: [PlacedEvent] = []
        for event in events {
            let ruleX = x(event.day)
            let room = max(plotRight - ruleX - 3, ruleX - plotLeft - 3)
            let anchorsAtEnd = plotRight - ruleX - 3 < min(room, 160)
            var label = TextWidth.truncated(event.text, to: limit)
            while label.count > 4, TextWidth.estimate(label, fontSize: fontSize) > room {
                label = TextWidth.truncated(label, to: label.count - 1)
            }
            let width = TextWidth.estimate(label, fontSize: fontSize)
            let span = anchorsAtEnd ? (ruleX - 5 - width)...(ruleX) : ruleX...(ruleX + 5 + width)
            func overlap(_ row: Int) -> Double {
                rowEnds[row].map { max(0, min($0.upperBound, span.upperBound) - max($0.lowerBound, span.lowerBound)) }
                    .reduce(0, +)
            }
            // In a crowd with no free row the rule is drawn without its text: the texts never
            // overprint, and every event is still in the chart's description.
            guard let row = rowEnds.indices.first(where: { overlap($0) == 0 }) else {
                placed.append(PlacedEvent(event: event, x: ruleX, row: 0, label: "", anchorsAtEnd: anchorsAtEnd))
                continue
            }
            rowEnds[row].append(span)
            placed.append(
                PlacedEvent(event: event, x: ruleX, row: row, label: label, anchorsAtEnd: anchorsAtEnd))
        }
        return placed
    }
}
