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
    /// Text already written as JSON, on one line.
    case raw(String)
    /// An array whose items write themselves (rows of `site.json`, written without building their
    /// values first): the closure calls the function it is given once per item, with a function
    /// that appends the item's JSON, on one line, to the buffer. Written exactly as `.array` of the
    /// same items as `.raw`.
    case writtenItems((_ item: ((inout [UInt8]) -> Void) -> Void) -> Void)

    /// A string, or null when absent.
    package static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }

    /// The document with a final newline.
    var document: String {
        var out: [UInt8] = []
        write(into: &out, indent: 0, compact: false)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value to `out`; `written` is called after every item of an array or object, and
    /// may hand on and empty what `out` holds so far.
    package func write(
        into out: inout [UInt8], indent: Int, compact: Bool, written: (inout [UInt8]) -> Void = { _ in }
    ) {
        switch self {
        case .string(let text): out.append(jsonString: text)
        case .number(let value): out.append(jsonNumber: value)
        case .integer(let value): out.append(decimal: value)
        case .bool(let value): out.append(utf8: value ? "true" : "false")
        case .null: out.append(utf8: "null")
        case .raw(let text): out.append(utf8: text)
        case .line(let value): value.write(into: &out, indent: indent, compact: true, written: written)
        case .items(let produce):
            var count = 0
            produce { item in
                Self.separate(&out, first: count == 0, indent: indent, compact: compact)
                item.write(into: &out, indent: indent + 1, compact: compact, written: written)
                count += 1
                written(&out)
            }
            Self.close(&out, empty: count == 0, indent: indent, compact: compact)
        case .writtenItems(let produce):
            var count = 0
            produce { writeItem in
                Self.separate(&out, first: count == 0, indent: indent, compact: compact)
                writeItem(&out)
                count += 1
                written(&out)
            }
            Self.close(&out, empty: count == 0, indent: indent, compact: compact)
        case .array(let items):
            guard !items.isEmpty else {
                out.append(utf8: "[]")
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(utf8: compact ? ", " : ",") }
                if !compact { Self.newline(&out, indent + 1) }
                item.write(into: &out, indent: indent + 1, compact: compact, written: written)
                written(&out)
            }
            if !compact { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(utf8: "{}")
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(utf8: compact ? ", " : ",") }
                if !compact { Self.newline(&out, indent + 1) }
                out.append(jsonString: key)
                out.append(utf8: ": ")
                value.write(into: &out, indent: indent + 1, compact: compact, written: written)
                written(&out)
            }
            if !compact { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// What comes before an item of an array made while it is written: "[" before the first.
    private static func separate(_ out: inout [UInt8], first: Bool, indent: Int, compact: Bool) {
        out.append(utf8: first ? "[" : compact ? ", " : ",")
        if !compact { newline(&out, indent + 1) }
    }

    /// The end of an array made while it is written.
    private static func close(_ out: inout [UInt8], empty: Bool, indent: Int, compact: Bool) {
        if empty {
            out.append(utf8: "[]")
            return
        }
        if !compact { newline(&out, indent) }
        out.append(UInt8(ascii: "]"))
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { out.append(utf8: "  ") }
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
