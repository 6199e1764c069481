import BearingsModel

/// The one byte appender that needs the renderer: the rest are in BearingsModel (ByteText.swift),
/// where JSONText writes with them.
extension Array where Element == UInt8 {
    /// Appends `SiteRenderer.plainNumber(value)`.
    mutating func append(plainNumber value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { return append(decimal: Int(Int64(value))) }
        append(utf8: SiteRenderer.plainNumber(value))
    }
}
