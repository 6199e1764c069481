import BearingsModel

/// A file's text, decoded and normalised: UTF-8 checked, BOM removed, CRLF and a lone CR (old Mac
/// line endings) turned into LF.
public struct SourceText: Sendable, Equatable {
    /// The path used in diagnostics.
    public var path: String
    /// The normalised text; line and column numbers are the file's.
    public var text: String

    /// Creates a source text from an already normalised string (tests, generated input).
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes a file's bytes; reports bytes that are not UTF-8 at their line and column.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            var line = 1, column = 1
            var index = 0
            while index < offset {
                let isCR = bytes[index] == UInt8(ascii: "\r")
                if bytes[index] == UInt8(ascii: "\n")
                    || (isCR && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
                {
                    line += 1
                    column = 1
                } else if bytes[index] & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return .failure(
                .error(
                    SourceLocation(path: path, line: line, column: column),
                    "the file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte) on this line)",
                    hint: "save the file with UTF-8 encoding"))
        }
        // Removing a CR before LF never changes a line or column number; a CR alone ends a line
        // (files saved with old Mac line endings), so it becomes an LF, and the lines are the file's.
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                    continue
                }
                normalised.append(UInt8(ascii: "\n"))
                index += 1
                continue
            }
            normalised.append(byte)
            index += 1
        }
        return .success(SourceText(path: path, text: String(decoding: normalised, as: UTF8.self)))
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            if bytes[index + 1] < lower || bytes[index + 1] > upper { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text cut at every "\n", empty lines kept: `split(separator: "\n",
    /// omittingEmptySubsequences: false)` without its per-character work. A line feed is always a
    /// character of its own once CR LF is normalised, so the two agree.
    var lines: [Substring] {
        var result: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                result.append(self[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        result.append(self[start..<bytes.endIndex])
        return result
    }
}
