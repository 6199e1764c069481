import Foundation
import BearingsModel

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
    ///   digit too many, a wrong suffix). The first and last values of a series (or of a part
    ///   between breaks) are compared with their two nearest neighbours on the one side they have:
    ///   a typo in a series' first value would otherwise go unnoticed and make a change of
    ///   "+228471%". A series of two values is not checked for jumps: either could be the wrong
    ///   one. Not checked when any of the values compared is zero or less, or for a value already
    ///   taken for a misplaced separator.
    static func suspiciousValues<List: SeriesReading & Sendable>(
        _ observations: List, breaks: [String: [Day]] = [:], parts count: Int = 8
    ) -> [Diagnostic] {
        // Series never span two parts, so the parts are checked side by side (this runs on every
        // build and every reload of `serve`); their warnings joined in order are the same as one
        // pass would give.
        let parts = seriesParts(observations, count: count)
        let found = Slots<[Diagnostic]>(count: parts.count, empty: [])
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            found.set(part, suspiciousValues(observations, in: parts[part], breaks: breaks))
        }
        return found.all.flatMap { $0 }
    }

    /// About `count` ranges of `observations`, in order and covering it, each ending where a series does.
    static func seriesParts<List: SeriesReading>(_ observations: List, count: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = observations.startIndex
        let size = max(1, observations.count / max(count, 1))
        while start < observations.endIndex {
            var end = min(start + size, observations.endIndex)
            while end < observations.endIndex, observations.isSameSeries(end - 1, end) { end += 1 }
            parts.append(start..<end)
            start = end
        }
        return parts
    }

    /// The warnings of the series in `range`. Values are read by position, and an observation is
    /// built only for a warning: a column store would build one on every read.
    private static func suspiciousValues<List: SeriesReading>(
        _ observations: List, in range: Range<Int>, breaks: [String: [Day]]
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // One pass; each pair of neighbours is compared once (there can be 900,000 values), and a
        // metric's breaks are looked up once per run of its values.
        var continuesSeries = false, hadBefore = false
        var metricBreaks: [Day] = []
        /// Whether the value at `next` follows the one at `index` in its series, with no break between.
        func joins(_ index: Int, _ next: Int) -> Bool {
            guard next < range.upperBound, observations.isSameSeries(index, next) else { return false }
            let day = observations.day(at: index), nextDay = observations.day(at: next)
            return !metricBreaks.contains(where: { day < $0 && $0 <= nextDay })
        }
        for index in range {
            if index == range.lowerBound || !observations.isSameMetric(index - 1, index) {
                metricBreaks = breaks[observations.metricID(at: index)] ?? []
            }
            let before: Int? = continuesSeries ? index - 1 : nil
            // The value before `before`, for a last value: `before` had a neighbour before it.
            let beforeBefore: Int? = before != nil && hadBefore ? index - 2 : nil
            hadBefore = before != nil
            continuesSeries = joins(index, index + 1)
            let after: Int? = continuesSeries ? index + 1 : nil
            guard before != nil || after != nil else { continue }
            if observations.looksLikeMisplacedSeparator(at: index),
                [before, after].allSatisfy({ $0.map { isWholeThousands(observations.value(at: $0)) } ?? true })
            {
                let value = observations[index]
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
            // Both sides for an inner value; at an end, the two nearest on its one side.
            let compared: [Int]
            let end: String
            if let before, let after {
                compared = [before, after]
                end = ""
            } else if let after, joins(after, after + 1) {
                compared = [after, after + 1]
                end = ", the first value of its series,"
            } else if let before, let beforeBefore {
                compared = [beforeBefore, before]
                end = ", the last value of its series,"
            } else {
                continue
            }
            let current = observations.value(at: index)
            let others = compared.map { observations.value(at: $0) }
            guard current > 0, others.allSatisfy({ $0 > 0 }) else { continue }
            let isJumpUp = others.allSatisfy { current >= 100 * $0 }
            let isJumpDown = !isJumpUp && others.allSatisfy { current * 100 <= $0 }
            guard isJumpUp || isJumpDown else { continue }
            let value = observations[index]
            let neighbours =
                "(" + compared.map { observations[$0] }.map { "\($0.text) on \($0.date)" }.joined(separator: " and ")
                + ")"
            diagnostics.append(
                .warning(
                    value.location,
                    isJumpUp
                        ? "\(value.text)\(end) is 100 times or more its neighbours \(neighbours)"
                        : "\(value.text)\(end) is a hundredth or less of its neighbours \(neighbours)",
                    hint: Self.jumpHint))
        }
        return diagnostics
    }

    static let jumpHint =
        "check the cell: a digit too many or too few, or a wrong suffix (k, M, B)? if the number is right, nothing needs to change"

    private static func isWholeThousands(_ value: Double) -> Bool {
        value >= 1000 && value == value.rounded(.towardZero)
    }

    /// One to three digits, `.`, exactly three digits, nothing else: `6.981`, `12.500`, `100.000`.
    static func looksLikeMisplacedSeparator(_ text: String) -> Bool { looksLikeMisplacedSeparator(text.utf8) }

    /// The same, of a text's UTF-8 bytes.
    static func looksLikeMisplacedSeparator<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
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

/// What the check for suspicious values reads of a list of observations sorted by series, by
/// position: cheap for an array, and for `ObservationStore` without building observations.
protocol SeriesReading: RandomAccessCollection where Element == Observation, Index == Int {
    /// Whether the observations at two positions are of one metric and project.
    func isSameSeries(_ left: Int, _ right: Int) -> Bool
    /// Whether the observations at two positions are of one metric.
    func isSameMetric(_ left: Int, _ right: Int) -> Bool
    func metricID(at index: Int) -> String
    func day(at index: Int) -> Day
    func value(at index: Int) -> Double
    /// Whether the cell text at a position reads like `6.981` (`Validator.looksLikeMisplacedSeparator`).
    func looksLikeMisplacedSeparator(at index: Int) -> Bool
}

extension Array: SeriesReading where Element == Observation {
    func isSameSeries(_ left: Int, _ right: Int) -> Bool {
        self[left].project == self[right].project && self[left].metric == self[right].metric
    }
    func isSameMetric(_ left: Int, _ right: Int) -> Bool { self[left].metric == self[right].metric }
    func metricID(at index: Int) -> String { self[index].metric }
    func day(at index: Int) -> Day { self[index].date }
    func value(at index: Int) -> Double { self[index].value }
    func looksLikeMisplacedSeparator(at index: Int) -> Bool {
        Validator.looksLikeMisplacedSeparator(self[index].text)
    }
}

extension ObservationStore: SeriesReading {
    func looksLikeMisplacedSeparator(at index: Int) -> Bool {
        withText(
            at: index, { Validator.looksLikeMisplacedSeparator($0) },
            bytes: { Validator.looksLikeMisplacedSeparator($0) })
    }
}
