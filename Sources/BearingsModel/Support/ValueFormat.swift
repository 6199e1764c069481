import Foundation

/// Numbers as people read them: short for axes and sparklines, full for tables.
///
/// Both are locale-independent. `short` writes negatives with the minus sign U+2212 because it
/// is for display; `full` writes an ASCII hyphen so that copied numbers read back in.
public enum ValueFormat {
    /// A compact form: 1234 → "1.2k", 3_400_000 → "3.4M", 2.5e9 → "2.5B", 1.5e12 → "1.5T",
    /// whole numbers below 1000 stay plain ("312"), others keep three significant digits
    /// ("49.7", "0.5"); unit "%" appends "%", any other unit is appended after a space.
    public static func short(_ value: Double, unit: String?) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        var text: String
        if magnitude < 1000, magnitude == magnitude.rounded() {
            text = String(Int(magnitude))
        } else if magnitude < 1000 {
            let decimals = min(12, max(0, 2 - Int(log10(magnitude).rounded(.down))))
            text = trimmed(fixed(magnitude, decimals: decimals))
            if let rounded = Double(text), rounded >= 1000 {
                text = suffixed(magnitude)
            }
        } else {
            text = suffixed(magnitude)
        }
        return signed(text, negative: value < 0) + unitSuffix(unit, value: value)
    }

    /// A tick label: as compact as `short`, but with enough decimals that neighbouring ticks
    /// `step` apart read differently (1,020 and 1,040 rather than "1k" twice).
    public static func short(_ value: Double, unit: String?, step: Double) -> String {
        guard value.isFinite, step.isFinite, step > 0 else { return short(value, unit: unit) }
        let magnitude = abs(value)
        var text: String?
        for (divisor, suffix) in suffixes where magnitude >= divisor {
            // "1.02M" reads well; "1.02k" reads worse than "1,020".
            let decimals = decimalsFor(step / divisor)
            if decimals <= (suffix == "k" ? 1 : 2) {
                text = trimmed(fixed(magnitude / divisor, decimals: decimals)) + suffix
            }
            break
        }
        let body = text ?? grouped(trimmed(fixed(magnitude, decimals: decimalsFor(step))))
        return signed(body, negative: value < 0) + unitSuffix(unit, value: value)
    }

    /// The full number with thousands separators and up to ten significant digits:
    /// 1234567 → "1,234,567", 49.7 with unit "%" → "49.7%", -0.25 → "-0.25".
    public static func full(_ value: Double, unit: String?) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        let exponent = magnitude > 0 ? Int(log10(magnitude).rounded(.down)) : 0
        let decimals = min(12, max(0, 9 - exponent))
        let body =
            groupedTrimmedFixed(magnitude, decimals: decimals) ?? grouped(trimmed(fixed(magnitude, decimals: decimals)))
        let negative = value < 0 && body != "0"
        return (negative ? "-" : "") + body + unitSuffix(unit, value: value)
    }

    /// A share (a fraction 0–1) as a percentage with at least two significant digits: one decimal
    /// from 1% up (0.643 → "64.3%", 0.012 → "1.2%"), more below (0.00163 → "0.16%", 0.000163 →
    /// "0.016%"), so a small share keeps its meaning instead of reading "0.2%"; 0 → "0.0%".
    public static func share(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "—" }
        let percent = fraction * 100, magnitude = abs(percent)
        var decimals = 1
        if magnitude > 0, fixed(magnitude, decimals: 1) != "1.0", magnitude < 1 {
            let exponent = Int(log10(magnitude).rounded(.down))
            decimals = min(12, 1 - exponent)
            // 0.0996 at three decimals is "0.100": two significant digits are "0.10".
            if let rounded = Double(fixed(magnitude, decimals: decimals)),
                rounded >= pow(10, Double(exponent + 1))
            {
                decimals -= 1
            }
        }
        return (percent < 0 && Double(fixed(magnitude, decimals: decimals)) != 0 ? "-" : "")
            + fixed(magnitude, decimals: decimals) + "%"
    }

    private static let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]

    /// 1234 → "1.2k": one decimal below 100 of the unit, none above, moving up a unit when
    /// rounding reaches 1000 of it.
    private static func suffixed(_ magnitude: Double) -> String {
        for (index, (divisor, suffix)) in suffixes.enumerated() where magnitude >= divisor || index == 3 {
            let scaled = magnitude / divisor
            let text = fixed(scaled, decimals: scaled < 99.95 ? 1 : 0)
            if index > 0, let rounded = Double(text), rounded >= 1000 {
                let (largerDivisor, largerSuffix) = suffixes[index - 1]
                return trimmed(fixed(magnitude / largerDivisor, decimals: 1)) + largerSuffix
            }
            return grouped(trimmed(text)) + suffix
        }
        return fixed(magnitude, decimals: 0)
    }

    /// The decimals needed to show multiples of `step` (a 1-2-5 step such as 0.02 needs 2).
    static func decimalsFor(_ step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return min(12, max(0, Int((-log10(step) - 1e-9).rounded(.up))))
    }

    /// `value` with exactly `decimals` decimals, rounding as printf does, in the POSIX locale.
    static func fixed(_ value: Double, decimals: Int) -> String {
        // C's own "%.*f" into a buffer on the stack: what `String(format:)` gives (it hands `%f` to
        // the same C formatting, in the C locale) without Foundation's format parsing and bridging,
        // which were about 3% of a build's samples (docs/performance.md). The largest finite
        // Double with 12 decimals takes 322 bytes; anything longer goes the old way.
        let written = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer -> String? in
            guard decimals >= 0, let base = buffer.baseAddress else { return nil }
            let count = withVaList([Int32(clamping: decimals), value]) { vsnprintf(base, buffer.count, "%.*f", $0) }
            guard count >= 0, Int(count) < buffer.count else { return nil }
            let bytes = UnsafeRawBufferPointer(start: base, count: Int(count))
            guard bytes.allSatisfy(isPlainNumberByte) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        return written ?? String(format: "%.\(decimals)f", value)
    }

    /// `grouped(trimmed(fixed(value, decimals: decimals)))` in one pass over C's bytes on the stack,
    /// without the three intermediate strings and their Character-by-Character walks: a site's
    /// tables call `full` for every value they show (hundreds of thousands on a large site). Nil
    /// when the number does not fit the buffer (never for a finite Double), when `decimals` is
    /// negative or when C wrote more than digits, point and minus (`isPlainNumberByte`).
    static func groupedTrimmedFixed(_ value: Double, decimals: Int) -> String? {
        let capacity = 400
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * capacity) { buffer -> String? in
            guard decimals >= 0, let base = buffer.baseAddress else { return nil }
            let written = base.withMemoryRebound(to: CChar.self, capacity: capacity) { text in
                withVaList([Int32(clamping: decimals), value]) { vsnprintf(text, capacity, "%.*f", $0) }
            }
            guard written >= 0, Int(written) < capacity,
                UnsafeBufferPointer(start: base, count: Int(written)).allSatisfy(isPlainNumberByte)
            else { return nil }
            var end = Int(written)
            let dot = UnsafeBufferPointer(start: base, count: end).firstIndex(of: UInt8(ascii: "."))
            if let dot {
                // `trimmed`: trailing zeros after the point, then the point itself.
                while end > dot + 1, base[end - 1] == UInt8(ascii: "0") { end -= 1 }
                if end == dot + 1 { end = dot }
            }
            // `grouped`: a comma between groups of three digits of the integer part (at most
            // 400 bytes and a comma for every three: the 800 after the C text hold them).
            let integerEnd = dot.map { min($0, end) } ?? end
            let out = base + capacity
            var count = 0
            for index in 0..<integerEnd {
                if index > 0, (integerEnd - index) % 3 == 0 {
                    out[count] = UInt8(ascii: ",")
                    count += 1
                }
                out[count] = base[index]
                count += 1
            }
            for index in integerEnd..<end {
                out[count] = base[index]
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(start: out, count: count), as: UTF8.self)
        }
    }

    /// A digit, the point or the minus: all C's "%.*f" writes for a finite number in the C locale.
    /// Anything else (a comma for the point, had something set another locale for the process, or
    /// "inf") sends the number the old way, through `String(format:)`.
    private static func isPlainNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-")
    }

    /// Drops trailing zeros after a decimal point, and the point itself: "1.50" → "1.5", "2.0" → "2".
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }

    /// Inserts "," between groups of three digits in the integer part: "1234567.5" → "1,234,567.5".
    package static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var out = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return parts.count > 1 ? out + "." + parts[1] : out
    }

    private static func signed(_ body: String, negative: Bool) -> String {
        negative && body.contains(where: { $0 != "0" && $0 != "." }) ? "\u{2212}" + body : body
    }

    /// The unit after a number: "%" directly, any other after a space, in the singular for
    /// exactly 1 or -1 ("1 paper", "1 question": `singular`).
    private static func unitSuffix(_ unit: String?, value: Double) -> String {
        guard let unit, !unit.isEmpty else { return "" }
        if unit == "%" { return "%" }
        return " " + (abs(value) == 1 ? singular(unit) : unit)
    }

    /// A unit in the singular, for a count of one: a last word of letters ending in "ies" ends in
    /// "y" ("1 repository"), one ending in a single "s" loses it ("1 paper", "1 GitHub star");
    /// any other unit ("kB", "downloads/day", "class") stays as written.
    public static func singular(_ unit: String) -> String {
        let words = unit.split(separator: " ", omittingEmptySubsequences: false)
        guard let last = words.last, last.count > 2, last.allSatisfy({ $0.isASCII && $0.isLetter }),
            last.hasSuffix("s"), !last.hasSuffix("ss")
        else { return unit }
        let head = String(unit.dropLast(last.count))
        if last.hasSuffix("ies") { return head + String(last.dropLast(3)) + "y" }
        return head + String(last.dropLast())
    }
}
