/// A piece of SVG markup. Interpolated strings are escaped and interpolated numbers are written
/// as coordinates, so text from data can never become markup.
package struct SVG: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup itself.
    private(set) var markup: String

    package init(stringLiteral value: String) {
        markup = value
    }

    /// Markup built elsewhere from nothing but numbers and fixed text; never data.
    init(trusted markup: String) {
        self.markup = markup
    }

    package init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    package var description: String { markup }

    package struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 8)
        }

        package mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text, escaped for both element content and attribute values.
        package mutating func appendInterpolation(_ text: String) {
            markup += SVG.escape(text)
        }

        /// Markup, passed through.
        package mutating func appendInterpolation(_ svg: SVG) {
            markup += svg.markup
        }

        /// A coordinate, with one decimal.
        package mutating func appendInterpolation(_ number: Double) {
            markup += SVG.coordinate(number)
        }

        package mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }
    }

    /// Escapes the five XML specials and drops control characters that XML 1.0 forbids.
    package static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0xEF
        }) {
            return text  // nothing to replace or drop (0xEF leads U+FFFE and U+FFFF)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number with at most one decimal and no "-0"; a non-finite number becomes 0 so no
    /// "nan" or "inf" ever reaches the output.
    static func coordinate(_ value: Double) -> String {
        var out = ""
        appendCoordinate(value, to: &out)
        return out
    }

    /// `coordinate(value)` appended to `out`, without a string of its own: paths hold thousands.
    static func appendCoordinate(_ value: Double, to out: inout String) {
        guard value.isFinite else {
            out += "0"
            return
        }
        let tenths = Int((min(max(value, -1e12), 1e12) * 10).rounded())
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        if tenths < 0 { out += "-" }
        out += String(whole)
        if fraction != 0 {
            out += "."
            out.unicodeScalars.append(Unicode.Scalar(UInt8(48 + fraction)))
        }
    }

    /// Letters, digits, "-" and "_" only, so the prefix makes valid, whitespace-free ids.
    static func idSafe(_ prefix: String) -> String {
        let cleaned = String(
            prefix.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_": Character(scalar)
                default: "-"
                }
            }
        )
        return cleaned.isEmpty ? "chart" : cleaned
    }
}
