extension ChartCanvas {
    /// Decisions drawn with one rule and one label: those on one date, or so close that their
    /// labels could not be told apart.
    struct MarkerGroup {
        var markers: [ChartMarker]
        /// The day of the rule: the first marker's.
        var day: Int { markers.first?.day ?? 0 }
        /// "1–3, 5": the labels of every marker in the group.
        var label: String { ChartCanvas.mergedLabel(markers.map(\.label)) }
    }

    /// A group of markers with its place: its rule's x and the row its label sits in.
    struct PlacedMarker {
        var group: MarkerGroup
        var label: String
        var x: Double
        /// 0 is the row just above the plot; higher levels are further up.
        var level: Int
        var labelStart: Double
        var labelWidth: Double
        var anchorsAtEnd: Bool
        /// The label's extent with a little room either side.
        var span: ClosedRange<Double>
    }

    /// Labels merged into one: numbers sorted, runs of consecutive numbers written as ranges
    /// ("1–3, 5"), any other labels after them in the order given; none twice.
    static func mergedLabel(_ labels: [String]) -> String {
        var numbers: [Int] = []
        var others: [String] = []
        for label in labels {
            if let number = Int(label), number >= 0, String(number) == label {
                if !numbers.contains(number) { numbers.append(number) }
            } else if !others.contains(label) {
                others.append(label)
            }
        }
        numbers.sort()
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? String(numbers[index]) : "\(numbers[index])–\(numbers[end])")
            index = end + 1
        }
        return (parts + others).joined(separator: ", ")
    }

    /// Places the markers dated inside `range`. A marker whose rule would fall under the label of
    /// the group before it (or within `closeness` of that group's rule) joins that group; labels hang to the right of their rules like flags, and a
    /// rule runs down from its own label to the plot. Working from right to left, each label takes
    /// the lowest row where it overlaps no other label and no rule coming down from a higher row.
    /// When some label finds no such row, groups are formed again with twice the closeness, until
    /// none collides: two labels never overlap, at the cost of merging neighbours.
    static func placeMarkers(
        _ markers: [ChartMarker], in range: ClosedRange<Int>?, x: (Int) -> Double, width: Double
    ) -> [PlacedMarker] {
        guard let range else { return [] }
        let inRange = markers.enumerated()
            .filter { range.contains($0.element.day) }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
        guard !inRange.isEmpty else { return [] }
        var closeness = 0.5
        while true {
            var groups: [MarkerGroup] = []
            for marker in inRange {
                // A rule that falls under the group's label would hide it: merge.
                if let last = groups.last,
                    x(marker.day) - x(last.day) < max(closeness, TextWidth.estimate(last.label, fontSize: fontSize) + 4)
                {
                    groups[groups.count - 1].markers.append(marker)
                } else {
                    groups.append(MarkerGroup(markers: [marker]))
                }
            }
            if let placed = placeGroups(groups, x: x, width: width) { return placed }
            closeness = max(closeness * 2, 8)
        }
    }

    /// Every group's row, or nil when some label meets another label or a rule in every row.
    /// A single group always fits.
    static func placeGroups(_ groups: [MarkerGroup], x: (Int) -> Double, width: Double) -> [PlacedMarker]? {
        var placed: [PlacedMarker] = []
        for group in groups.reversed() {
            let ruleX = x(group.day)
            var label = group.label
            // One label wider than the chart (dozens of decisions on one day) is cut.
            while label.count > 2, TextWidth.estimate(label, fontSize: fontSize) > width - 8 {
                label = TextWidth.truncated(label, to: label.count - 1)
            }
            let labelWidth = TextWidth.estimate(label, fontSize: fontSize)
            var start = ruleX + 2
            var anchorsAtEnd = false
            if start + labelWidth > width - 2 {
                anchorsAtEnd = true
                start = max(2, ruleX - 2 - labelWidth)
            }
            let span = (start - 3)...(start + labelWidth + 3)
            func collides(_ level: Int) -> Bool {
                placed.contains { other in
                    (other.level == level && other.span.overlaps(span))
                        || (other.level > level && span.contains(other.x))
                        || (other.level < level && other.span.contains(ruleX))
                }
            }
            guard let level = (0..<maxMarkerLevels).first(where: { !collides($0) }) else { return nil }
            placed.append(
                PlacedMarker(
                    group: group, label: label, x: ruleX, level: level, labelStart: start, labelWidth: labelWidth,
                    anchorsAtEnd: anchorsAtEnd, span: span))
        }
        return placed.reversed()
    }

    static func drawMarker(_ placed: PlacedMarker, plotTop: Double, plotBottom: Double, keyID: String?) -> [SVG] {
        // Row `level` counted up from the plot, its text 3 units above the row's bottom.
        let baseline = plotTop - 11 - Double(placed.level) * annotationRowHeight
        let ruleTop = baseline - 10
        let markers = placed.group.markers
        // One decision links to its page; a merged label links to the key under the chart, which
        // lists each of them.
        let href: String? =
            markers.count == 1
            ? markers.first.flatMap { isSafeLink($0.href) ? $0.href : nil }
            : keyID.map { "#" + $0 }
        var out: [SVG] = []
        if let href {
            out.append("<a class=\"marker\" href=\"\(href)\">")
        } else {
            out.append("<g class=\"marker\">")
        }
        out.append("<title>\(markers.map(\.title).joined(separator: "; "))</title>")
        out.append(
            "<rect class=\"hit\" x=\"\(placed.x - 3)\" y=\"\(ruleTop)\" width=\"6\" height=\"\(plotBottom - ruleTop)\"/>"
        )
        out.append(
            "<line class=\"rule\" x1=\"\(placed.x)\" y1=\"\(ruleTop)\" x2=\"\(placed.x)\" y2=\"\(plotBottom)\"/>")
        if placed.anchorsAtEnd {
            out.append(
                "<text class=\"marker-label\" x=\"\(placed.labelStart + placed.labelWidth)\" y=\"\(baseline)\" text-anchor=\"end\">\(placed.label)</text>"
            )
        } else {
            out.append(
                "<text class=\"marker-label\" x=\"\(placed.labelStart)\" y=\"\(baseline)\">\(placed.label)</text>")
        }
        out.append(href == nil ? "</g>" : "</a>")
        return out
    }

    /// Relative links and http(s) links only; a script or data URL is drawn without its link.
    static func isSafeLink(_ href: String) -> Bool {
        isSafeASCIILink(href.utf8) ?? isSafeAnyLink(href)
    }

    /// `isSafeLink` for any text: lowercased and without whitespace, Character by Character.
    static func isSafeAnyLink(_ href: String) -> Bool {
        let lowered = href.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let scheme = lowered[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
        return scheme == "http" || scheme == "https"
    }

    /// `isSafeLink` for an all-ASCII link (every decision page's markers link to a page), read a byte
    /// at a time rather than lowercased and filtered Character by Character; nil for any other,
    /// where a combining mark may join the character before it.
    static func isSafeASCIILink(_ href: String.UTF8View) -> Bool? {
        guard href.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The scheme's letters lowercased, whitespace (tab to carriage return, space) left out;
        // "https" is the longest scheme that matters.
        var scheme: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        var length = 0
        for byte in href {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case UInt8(ascii: ":"):
                let http = length >= 4 && scheme.0 == 0x68 && scheme.1 == 0x74 && scheme.2 == 0x74 && scheme.3 == 0x70
                return http && (length == 4 || (length == 5 && scheme.4 == 0x73))
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return true
            default:
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                switch length {
                case 0: scheme.0 = lower
                case 1: scheme.1 = lower
                case 2: scheme.2 = lower
                case 3: scheme.3 = lower
                case 4: scheme.4 = lower
                default: break
                }
                length += 1
            }
        }
        return true
    }
}
