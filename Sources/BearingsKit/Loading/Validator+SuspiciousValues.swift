extension Validator {
    /// SPEC §1 (snapshots): values that are valid numbers but probably not what was meant, each a
    /// warning at its cell. Both look at a value's neighbours in its series (same metric and project,
    /// the previous and the next value by date, with no `break: true` event of the metric between
    /// them: `breaks` holds each metric's break days, ascending), so `observations` must be sorted
    /// by metric, project and date, as `validate` leaves them.
    ///
    /// - A misplaced thousands separator: `6.981` (one to three digits, `.`, exactly three digits, no
    ///   sign or suffix) where every neighbour there is, at least one, is a whole number of 1,000 or
    ///   more: a European `6.981` read as six and a bit.
    /// - A jump: a value 100 times or more both its neighbours, or a hundredth or less of both (a
    ///   digit too many, a wrong suffix). Not checked when any of the three is zero or less, at the
    ///   ends of a series, or for a value already taken for a misplaced separator.
    static func suspiciousValues<List: RandomAccessCollection>(_ observations: List, breaks: [String: [Day]] = [:])
        -> [Diagnostic]
    where List.Element == Observation, List.Index == Int {
        var diagnostics: [Diagnostic] = []
        // One pass; each pair of neighbours is compared once (there can be 900,000 values), and a
        // metric's breaks are looked up once per run of its values.
        var continuesSeries = false
        var metric: String?
        var metricBreaks: [Day] = []
        for index in observations.indices {
            let value = observations[index]
            if value.metric != metric {
                metric = value.metric
                metricBreaks = breaks[value.metric] ?? []
            }
            let before = continuesSeries ? observations[index - 1] : nil
            continuesSeries =
                index + 1 < observations.count && isSameSeries(value, observations[index + 1])
                && !metricBreaks.contains(where: { value.date < $0 && $0 <= observations[index + 1].date })
            let after = continuesSeries ? observations[index + 1] : nil
            guard before != nil || after != nil else { continue }
            if looksLikeMisplacedSeparator(value.text),
                [before, after].allSatisfy({ $0.map { isWholeThousands($0.value) } ?? true })
            {
                let written = value.text
                let whole = written.replacingOccurrences(of: ".", with: "")
                let grouped = written.replacingOccurrences(of: ".", with: ",")
                diagnostics.append(
                    .warning(
                        value.location,
                        "'\(written)' looks like \(grouped) with '.' as a thousands separator; it was read as \(written)",
                        hint: "write \(whole) or \(grouped); if \(written) is meant, write \(written)0"))
                continue
            }
            guard let before, let after, value.value > 0, before.value > 0, after.value > 0 else { continue }
            // Written only for a warning: this runs for every value.
            var neighbours: String { "(\(before.text) on \(before.date) and \(after.text) on \(after.date))" }
            if value.value >= 100 * before.value, value.value >= 100 * after.value {
                diagnostics.append(
                    .warning(
                        value.location, "\(value.text) is 100 times or more its neighbours \(neighbours)",
                        hint: Self.jumpHint))
            } else if value.value * 100 <= before.value, value.value * 100 <= after.value {
                diagnostics.append(
                    .warning(
                        value.location, "\(value.text) is a hundredth or less of its neighbours \(neighbours)",
                        hint: Self.jumpHint))
            }
        }
        return diagnostics
    }

    static let jumpHint =
        "check the cell: a digit too many or too few, or a wrong suffix (k, M, B)? if the number is right, nothing needs to change"

    private static func isSameSeries(_ left: Observation, _ right: Observation) -> Bool {
        left.project == right.project && left.metric == right.metric
    }

    private static func isWholeThousands(_ value: Double) -> Bool {
        value >= 1000 && value == value.rounded(.towardZero)
    }

    /// One to three digits, `.`, exactly three digits, nothing else: `6.981`, `12.500`, `100.000`.
    static func looksLikeMisplacedSeparator(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (5...7).contains(bytes.count) else { return false }
        let point = bytes.count - 4
        for (offset, byte) in bytes.enumerated() {
            if offset == point {
                guard byte == UInt8(ascii: ".") else { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        return true
    }
}
