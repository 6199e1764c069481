/// The value grammar of SPEC §1: `1,234`, `-3.5`, `2.1k`, `3M`, `49.7%`, or a "not measured" mark.
public enum ValueParser {
    /// What a cell holds.
    public enum Result: Sendable, Equatable {
        /// Not measured: empty, `-`, `—`, `n/a`, `?`.
        case missing
        /// A number; percentages as written (49.7% is 49.7).
        case value(Double, isPercent: Bool)
        /// Not a value; the message says why.
        case invalid(String)
    }

    private static let missingMarks: Set<String> = ["", "-", "—", "n/a", "N/A", "?"]

    /// Parses one cell.
    public static func parse(_ raw: String) -> Result {
        let text = raw.trimmingSpaces
        return parseCommon(text) ?? parseGeneral(text)
    }

    /// 2^53 (`Double.largestExactWhole`): every whole number up to it is held exactly.
    static let largestExact = Double.largestExactWhole

    /// Whether the number written as `literal` (digits and a point, without sign, separators or
    /// suffix) is held exactly as `number`, as far as its whole part goes: the digits written above
    /// 2^53 are refused rather than rounded (`12,345,678B` is fine; the digits are few). 2^53 itself
    /// is exact, and is told apart from 2^53 + 1, which reads as the same `Double`, by its digits.
    static func isExact(_ number: Double, literal: String) -> Bool {
        if number < largestExact { return true }
        if number > largestExact { return false }
        return literal.split(separator: ".").first == "9007199254740992"
    }

    /// The message for a number whose digits are more than a `Double` holds.
    static func tooLarge(_ text: String) -> Result {
        .invalid("'\(text)' is too large to hold exactly (above 2^53 = 9,007,199,254,740,992)")
    }

    /// The common cells, read from their bytes: a "not measured" mark, or ASCII
    /// `[+-]?digits([,_ ]ddd)*(\.digits)?[kMB%]?` with one kind of separator. Nil for anything
    /// else (non-ASCII, invalid, too large), which `parseGeneral` reads, with its messages; where
    /// both read a cell, they agree bit for bit (the number is `Double` of the same literal).
    static func parseCommon(_ text: String) -> Result? {
        let result = text.utf8.withContiguousStorageIfAvailable(parseCommon) ?? nil
        return result == .invalid("") ? tooLarge(text) : result
    }

    private static func parseCommon(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        if isMissingMark(bytes) { return .missing }
        var start = 0
        var end = bytes.count
        var sign = 1.0
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "+") ? 1 : -1
            start = 1
        }
        var multiplier = 1.0
        var isPercent = false
        if end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: "k"): multiplier = 1e3
            case UInt8(ascii: "M"): multiplier = 1e6
            case UInt8(ascii: "B"): multiplier = 1e9
            case UInt8(ascii: "%"): isPercent = true
            default: break
            }
            if multiplier != 1 || isPercent { end -= 1 }
        }
        // The whole part: a first group of 1–3 digits and groups of exactly 3 after one kind of separator.
        var index = start
        var separator: UInt8? = nil
        var group = 0
        var wholeDigits = 0
        while index < end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                group += 1
                wholeDigits += 1
            } else if byte == UInt8(ascii: ".") {
                break
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ") {
                if let existing = separator {
                    guard byte == existing, group == 3 else { return nil }
                } else {
                    guard (1...3).contains(group) else { return nil }
                    separator = byte
                }
                group = 0
            } else {
                return nil
            }
            index += 1
        }
        guard wholeDigits > 0, separator == nil || group == 3 else { return nil }
        var length = wholeDigits
        if index < end {  // at the point: at least one digit, and only digits, after it
            let point = index
            index += 1
            guard index < end else { return nil }
            while index < end {
                guard bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") else { return nil }
                index += 1
            }
            length += end - point
        }
        // The digits and point without separators; up to 15 bytes are stored inline, without an allocation.
        let literal = String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for byte in bytes[start..<end]
            where (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") {
                buffer[count] = byte
                count += 1
            }
            return count
        }
        guard let number = Double(literal), number.isFinite else { return nil }
        // Marked with an empty message, which `parseCommon(_: String)` words with the cell's text.
        guard isExact(number, literal: literal) else { return .invalid("") }
        return .value(sign * number * multiplier, isPercent: isPercent)
    }

    /// `missingMarks` as bytes, for `parseCommon`.
    private static let missingMarkBytes = missingMarks.map { Array($0.utf8) }

    /// Whether the bytes spell one of `missingMarks`.
    private static func isMissingMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 3 && missingMarkBytes.contains { $0.elementsEqual(bytes) }
    }

    /// The whole grammar, scalar by scalar, with a message for every invalid cell.
    static func parseGeneral(_ raw: String) -> Result {
        let text = raw.trimmingSpaces
        if missingMarks.contains(text) { return .missing }
        var scalars = Array(text.unicodeScalars)
        var sign = 1.0
        if let first = scalars.first, first == "+" || first == "-" || first == "\u{2212}" {
            sign = first == "+" ? 1 : -1
            scalars.removeFirst()
        }
        var multiplier = 1.0
        var isPercent = false
        if let last = scalars.last {
            switch last {
            case "k": multiplier = 1e3
            case "M": multiplier = 1e6
            case "B": multiplier = 1e9
            case "%": isPercent = true
            default: break
            }
            if multiplier != 1 || isPercent { scalars.removeLast() }
        }
        guard !scalars.isEmpty else { return .invalid("'\(text)' has no digits") }
        var integerPart: [Unicode.Scalar] = []
        var fraction: [Unicode.Scalar]? = nil
        var separator: Unicode.Scalar? = nil
        var groups: [Int] = [0]
        for scalar in scalars {
            if var digits = fraction {
                guard ("0"..."9").contains(scalar) else { return invalid(text, scalar) }
                digits.append(scalar)
                fraction = digits
            } else if ("0"..."9").contains(scalar) {
                integerPart.append(scalar)
                groups[groups.count - 1] += 1
            } else if scalar == "." {
                fraction = []
            } else if scalar == "," || scalar == "_" || scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" {
                if let existing = separator, existing != scalar { return invalid(text, scalar) }
                separator = scalar
                groups.append(0)
            } else {
                return invalid(text, scalar)
            }
        }
        guard !integerPart.isEmpty else { return .invalid("'\(text)' has no digits before the decimal point") }
        if let digits = fraction, digits.isEmpty { return .invalid("'\(text)' has no digits after the decimal point") }
        if groups.count > 1 {
            let wellGrouped = (1...3).contains(groups[0]) && groups.dropFirst().allSatisfy { $0 == 3 }
            guard wellGrouped else {
                return .invalid("'\(text)' has thousands separators in the wrong places")
            }
        }
        let literal =
            String(String.UnicodeScalarView(integerPart))
            + (fraction.map { "." + String(String.UnicodeScalarView($0)) } ?? "")
        guard let number = Double(literal), number.isFinite else { return .invalid("'\(text)' is not a number") }
        guard isExact(number, literal: literal) else { return tooLarge(text) }
        return .value(sign * number * multiplier, isPercent: isPercent)
    }

    private static func invalid(_ text: String, _ scalar: Unicode.Scalar) -> Result {
        .invalid("'\(text)' is not a number (unexpected '\(Character(scalar))')")
    }

    /// What to say after any invalid value.
    public static let hint =
        "write a number such as 1234, 1,234, 3.5k, 2M, 1B or 49.7%; leave the cell empty or write - when not measured"
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    package var trimmingSpaces: String {
        // Most text has nothing to trim: printable ASCII at both ends.
        let bytes = utf8
        if let first = bytes.first, first > 0x20, first < 0x7F {
            let last = bytes[bytes.index(bytes.startIndex, offsetBy: bytes.count - 1)]
            if last > 0x20, last < 0x7F { return String(self) }
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
