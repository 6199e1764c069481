extension ChartCanvas {
    /// One legend entry: a project with its cue, or a note about a drawn symbol.
    struct LegendItem {
        enum Kind { case series, denominator }
        var label: String
        var cue: SeriesCue
        var emphasised: Bool
        var kind: Kind
    }

    /// Where a legend item goes: its row and its left edge.
    struct LegendSlot: Equatable {
        var row: Int
        var x: Double
    }

    static let legendLabelLimit = 32
    static let legendCueWidth = 28.0

    /// Flows the items left to right into as many rows as `width` needs.
    static func layoutLegend(_ items: [LegendItem], width: Double) -> [LegendSlot] {
        var slots: [LegendSlot] = []
        var row = 0
        var x = 0.0
        for item in items {
            let label = TextWidth.truncated(item.label, to: legendLabelLimit)
            let itemWidth = legendCueWidth + 6 + TextWidth.estimate(label, fontSize: fontSize, bold: item.emphasised)
            if x > 0, x + itemWidth > width {
                row += 1
                x = 0
            }
            slots.append(LegendSlot(row: row, x: x))
            x += itemWidth + 16
        }
        return slots
    }

    static func drawLegend(_ slots: [LegendSlot], items: [LegendItem]) -> [SVG] {
        guard !items.isEmpty else { return [] }
        var out: [SVG] = ["<g class=\"legend\">"]
        for (slot, item) in zip(slots, items) {
            let middle = 4 + Double(slot.row) * legendRowHeight + legendRowHeight / 2
            let label = TextWidth.truncated(item.label, to: legendLabelLimit)
            switch item.kind {
            case .series:
                let lineClasses = item.cue.lineClasses(emphasised: item.emphasised)
                out.append(
                    "<line class=\"\(lineClasses)\" x1=\"\(slot.x)\" y1=\"\(middle)\" x2=\"\(slot.x + legendCueWidth)\" y2=\"\(middle)\"/>"
                )
                out.append(
                    item.cue.shapeMarkup(
                        x: slot.x + legendCueWidth / 2, y: middle, r: pointRadius(emphasised: item.emphasised),
                        classes: item.cue.pointClasses(emphasised: item.emphasised)
                    )
                )
            case .denominator:
                let ruleX = slot.x + legendCueWidth / 2
                out.append(
                    "<line class=\"denominator\" x1=\"\(ruleX)\" y1=\"\(middle - 7)\" x2=\"\(ruleX)\" y2=\"\(middle + 7)\"/>"
                )
            }
            let textClass = item.emphasised ? "legend-label emph" : "legend-label"
            out.append(
                "<text class=\"\(textClass)\" x=\"\(slot.x + legendCueWidth + 6)\" y=\"\(middle + 4)\">\(label)</text>")
        }
        out.append("</g>")
        return out
    }

    /// The width of the cue drawn before a line's name at its end.
    static let endLabelCue = 18.0

    /// A line's name at the right of the plot, centred on `y`, after a short stretch of the line
    /// (its dash and point shape) so the name is tied to its line without relying on colour.
    static func drawEndLabel(_ line: PreparedLine, label: String, x: Double, y: Double) -> [SVG] {
        let textClass = line.emphasised ? "end-label emph" : "end-label"
        return [
            "<line class=\"\(line.cue.lineClasses(emphasised: line.emphasised))\" x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x + endLabelCue)\" y2=\"\(y)\"/>",
            line.cue.shapeMarkup(
                x: x + endLabelCue / 2, y: y, r: pointRadius(emphasised: line.emphasised),
                classes: line.cue.pointClasses(emphasised: line.emphasised)),
            "<text class=\"\(textClass)\" x=\"\(x + endLabelCue + 4)\" y=\"\(y + 4)\">\(label)</text>",
        ]
    }

    static func pointRadius(emphasised: Bool) -> Double {
        emphasised ? 3.5 : 2.75
    }
}
