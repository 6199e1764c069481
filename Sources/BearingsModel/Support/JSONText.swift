/// A small JSON writer for `data/site.json`: keys in the order given (callers sort them), two-space
/// indentation, and `.line` for values that read best on one line (one row of a table). Written by
/// hand because `JSONEncoder` spent a tenth of a 10,000-file build boxing ~900,000 values.
package indirect enum JSONText {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])
    /// The value on one line, however deep.
    case line(JSONText)
    /// An array whose items are made while it is written: the closure hands each to the function
    /// it is given. Written exactly as `.array` of the same items.
    case items(((JSONText) -> Void) -> Void)
    /// Text already written as JSON, on one line (a row of `site.json`, written without building
    /// its values first).
    case raw(String)

    /// A string, or null when absent.
    package static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }

    /// The document with a final newline.
    var document: String {
        var out = ""
        write(into: &out, indent: 0, compact: false)
        out += "\n"
        return out
    }

    /// Appends the value to `out`; `written` is called after every item of an array or object, and
    /// may hand on and empty what `out` holds so far.
    package func write(
        into out: inout String, indent: Int, compact: Bool, written: (inout String) -> Void = { _ in }
    ) {
        switch self {
        case .string(let text): out += jsonString(text)
        case .number(let value): out += Self.number(value)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .raw(let text): out += text
        case .line(let value): value.write(into: &out, indent: indent, compact: true, written: written)
        case .items(let produce):
            var count = 0
            produce { item in
                out += count == 0 ? "[" : compact ? ", " : ","
                if !compact { Self.newline(&out, indent + 1) }
                item.write(into: &out, indent: indent + 1, compact: compact, written: written)
                count += 1
                written(&out)
            }
            if count == 0 {
                out += "[]"
                return
            }
            if !compact { Self.newline(&out, indent) }
            out += "]"
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += compact ? ", " : "," }
                if !compact { Self.newline(&out, indent + 1) }
                item.write(into: &out, indent: indent + 1, compact: compact, written: written)
                written(&out)
            }
            if !compact { Self.newline(&out, indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += compact ? ", " : "," }
                if !compact { Self.newline(&out, indent + 1) }
                out += jsonString(key)
                out += ": "
                value.write(into: &out, indent: indent + 1, compact: compact, written: written)
                written(&out)
            }
            if !compact { Self.newline(&out, indent) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// Whole numbers without a fraction; others in the shortest form that reads back the same.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A JSON string literal.
package func jsonString(_ text: String) -> String {
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
        return "\"" + text + "\""  // nothing to escape (0xE2 leads U+2028 and U+2029)
    }
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{2028}": result += "\\u2028"
        case "\u{2029}": result += "\\u2029"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
