extension ChartCanvas {
    /// A decision marker with its place: its rule's x and the row its label sits in.
    struct PlacedMarker {
        var marker: ChartMarker
        var x: Double
        /// 0 is the row just above the plot; higher levels are further up.
        var level: Int
        var labelStart: Double
        var anchorsAtEnd: Bool
        /// The label's extent with a little room either side.
        var span: ClosedRange<Double>
    }

    /// Places the markers dated inside `range`. Labels hang to the right of their rules like
    /// flags, and a rule runs down from its own label to the plot. Working from right to left,
    /// each label takes the lowest row where it overlaps no other label and no rule coming down
    /// from a higher row; in a crowd, the row where it collides least.
    static func placeMarkers(
        _ markers: [ChartMarker], in range: ClosedRange<Int>?, x: (Int) -> Double, width: Double
    ) -> [PlacedMarker] {
        guard let range else { return [] }
        let inRange = markers.enumerated()
            .filter { range.contains($0.element.day) }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
        var placed: [PlacedMarker] = []
        for marker in inRange.reversed() {
            let ruleX = x(marker.day)
            let labelWidth = TextWidth.estimate(marker.label, fontSize: smallFontSize)
            var start = ruleX + 2
            var anchorsAtEnd = false
            if start + labelWidth > width - 2 {
                anchorsAtEnd = true
                start = ruleX - 2 - labelWidth
            }
            let span = (start - 2)...(start + labelWidth + 2)
            func collisions(_ level: Int) -> Double {
                let overlaps = placed.filter { $0.level == level }
                    .map { min($0.span.upperBound, span.upperBound) - max($0.span.lowerBound, span.lowerBound) }
                    .filter { $0 > 0 }.reduce(0, +)
                let crossings = placed.filter { $0.level > level && span.contains($0.x) }.count
                return overlaps + Double(crossings) * 10
            }
            let level =
                (0..<maxMarkerLevels).first { collisions($0) == 0 }
                ?? (0..<maxMarkerLevels).min { collisions($0) < collisions($1) } ?? 0
            placed.append(
                PlacedMarker(
                    marker: marker, x: ruleX, level: level, labelStart: start, anchorsAtEnd: anchorsAtEnd, span: span)
            )
        }
        return placed.reversed()
    }

    static func drawMarker(_ placed: PlacedMarker, plotTop: Double, plotBottom: Double) -> [SVG] {
        let baseline = plotTop - 10 - Double(placed.level) * annotationRowHeight
        let ruleTop = baseline - 8
        let marker = placed.marker
        var out: [SVG] = []
        if isSafeLink(marker.href) {
            out.append("<a class=\"marker\" href=\"\(marker.href)\">")
        } else {
            out.append("<g class=\"marker\">")
        }
        out.append("<title>\(marker.title)</title>")
        out.append(
            "<rect class=\"hit\" x=\"\(placed.x - 3)\" y=\"\(ruleTop)\" width=\"6\" height=\"\(plotBottom - ruleTop)\"/>"
        )
        out.append(
            "<line class=\"rule\" x1=\"\(placed.x)\" y1=\"\(ruleTop)\" x2=\"\(placed.x)\" y2=\"\(plotBottom)\"/>")
        if placed.anchorsAtEnd {
            out.append(
                "<text class=\"marker-label\" x=\"\(placed.labelStart + TextWidth.estimate(marker.label, fontSize: smallFontSize))\" y=\"\(baseline)\" text-anchor=\"end\">\(marker.label)</text>"
            )
        } else {
            out.append(
                "<text class=\"marker-label\" x=\"\(placed.labelStart)\" y=\"\(baseline)\">\(marker.label)</text>")
        }
        out.append(isSafeLink(marker.href) ? "</a>" : "</g>")
        return out
    }

    /// Relative links and http(s) links only; a script or data URL is drawn without its link.
    static func isSafeLink(_ href: String) -> Bool {
        let lowered = href.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let scheme = lowered[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
        return scheme == "http" || scheme == "https"
    }
}
