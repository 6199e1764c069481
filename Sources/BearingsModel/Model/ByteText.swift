/// Text written as UTF-8 bytes into a reused buffer: the data files (`series.csv` and `site.json`,
/// tens of megabytes on a large site) are made without a `String` for each piece, and numbers and
/// dates without one at all. Each function writes exactly the bytes of the `String` it replaces.
extension Array where Element == UInt8 {
    /// Appends the text's UTF-8 bytes.
    @inline(__always)
    package mutating func append(utf8 text: String) { append(contentsOf: text.utf8) }

    /// Appends `String(value)`.
    package mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = count
        repeat {
            append(UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0"))
            magnitude /= 10
        } while magnitude > 0
        self[start...].reverse()
    }

    /// Appends `day.description` (`YYYY-MM-DD`).
    package mutating func append(day: Day) {
        let year = day.year
        guard (0...9999).contains(year) else { return append(utf8: day.description) }
        append(UInt8(truncatingIfNeeded: year / 1000) &+ UInt8(ascii: "0"))
        append(UInt8(truncatingIfNeeded: year / 100 % 10) &+ UInt8(ascii: "0"))
        append(UInt8(truncatingIfNeeded: year / 10 % 10) &+ UInt8(ascii: "0"))
        append(UInt8(truncatingIfNeeded: year % 10) &+ UInt8(ascii: "0"))
        append(UInt8(ascii: "-"))
        append(UInt8(truncatingIfNeeded: day.month / 10) &+ UInt8(ascii: "0"))
        append(UInt8(truncatingIfNeeded: day.month % 10) &+ UInt8(ascii: "0"))
        append(UInt8(ascii: "-"))
        append(UInt8(truncatingIfNeeded: day.day / 10) &+ UInt8(ascii: "0"))
        append(UInt8(truncatingIfNeeded: day.day % 10) &+ UInt8(ascii: "0"))
    }

    /// Appends `jsonString(text)`: the text quoted, escaped where it must be.
    package mutating func append(jsonString text: String) {
        let plain = !text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
        }
        guard plain else { return append(utf8: jsonString(text)) }
        append(UInt8(ascii: "\""))
        append(contentsOf: text.utf8)
        append(UInt8(ascii: "\""))
    }

    /// Appends `JSONText.number(value)`.
    package mutating func append(jsonNumber value: Double) {
        guard value.isFinite else { return append(utf8: "null") }
        if value == value.rounded(), abs(value) < 1e15 { return append(decimal: Int(Int64(value))) }
        append(utf8: String(value))
    }
}
