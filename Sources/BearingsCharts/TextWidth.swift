/// Rough widths of text, for layout without font metrics. They err on the wide side (DejaVu
/// Sans, the widest common fallback font), so labels placed apart stay apart in any font.
package enum TextWidth {
    /// The estimated width of `text` at `fontSize`, in the same units.
    package static func estimate(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": ems += 0.32
            case "0"..."9": ems += 0.64
            case "i", "j", "l", "I", "!", ".", ",", ":", ";", "'", "|": ems += 0.3
            case "f", "t", "r", "(", ")", "[", "]", "-": ems += 0.42
            case "m", "w", "M", "W", "%", "@": ems += 0.95
            case "A"..."Z": ems += 0.72
            case "a"..."z": ems += 0.6
            case _ where scalar.value >= 0x1100: ems += 1.0
            default: ems += 0.66
            }
        }
        return ems * fontSize * (bold ? 1.08 : 1.0)
    }

    /// `text` cut to at most `limit` characters, with "…" when cut.
    package static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
