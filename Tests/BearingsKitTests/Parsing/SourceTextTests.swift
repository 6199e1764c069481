import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// Decoding a file: UTF-8 only, a BOM dropped, CRLF turned into LF, bad bytes reported where they are.
struct SourceTextTests {
    static let decoded: [Example<[UInt8], String>] = [
        Example("plain ASCII", Array("a\nb\n".utf8), "a\nb\n"),
        Example(
            "a byte order mark is dropped", [0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8), "name: x\n"),
        Example("CRLF becomes LF", Array("a\r\nb\r\n".utf8), "a\nb\n"),
        Example(
            "a BOM and CRLF together", [0xEF, 0xBB, 0xBF] + Array("---\r\nname: x\r\n---\r\n".utf8),
            "---\nname: x\n---\n"),
        Example("a lone CR ends a line (old Mac line endings)", Array("a\rb".utf8), "a\nb"),
        Example("a CR at the very end ends the line", Array("a\r".utf8), "a\n"),
        Example("multi-byte characters", Array("café — 49,7 %\n".utf8), "café — 49,7 %\n"),
        Example("a four-byte character", Array("📈\n".utf8), "📈\n"),
        Example("a BOM in the middle is text", Array("a\u{FEFF}b".utf8), "a\u{FEFF}b"),
    ]

    @Test(arguments: decoded)
    func decodesValidUTF8(_ example: Example<[UInt8], String>) throws {
        let source = try SourceText.decode(example.input, path: "x.md").get()
        #expect(source == SourceText(path: "x.md", text: example.expected))
    }

    static let invalid: [Example<[UInt8], (line: Int, column: Int, byte: String)>] = [
        Example(
            "a stray byte on the second line", Array("ab\ncd".utf8) + [0xFF] + Array("e\n".utf8),
            (2, 3, "FF")),
        Example(
            "a Latin-1 é after a UTF-8 é", Array("é".utf8) + [0xE9] + Array("\n".utf8), (1, 2, "E9")),
        Example("a lead byte without its continuation", Array("x".utf8) + [0xC3, 0x28], (1, 2, "C3")),
        Example("an overlong encoding", [0xC0, 0xAF], (1, 1, "C0")),
        Example("an encoded surrogate", Array("a\nb\nc".utf8) + [0xED, 0xA0, 0x80], (3, 2, "ED")),
        Example(
            "a sequence cut off at the end of the file", Array("ab".utf8) + [0xE2, 0x82], (1, 3, "E2")),
        Example("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], (1, 1, "F4")),
        Example("a continuation byte on its own", Array("1\n22\n333".utf8) + [0x80], (3, 4, "80")),
        Example(
            "columns after a BOM count from the first character", [0xEF, 0xBB, 0xBF, 0x61, 0xFE],
            (1, 2, "FE")),
        Example(
            "columns after CRLF lines are the file's", Array("a\r\nbc".utf8) + [0xFF], (2, 3, "FF")),
    ]

    @Test(arguments: invalid)
    func reportsTheFirstByteThatIsNotUTF8AtItsLineAndColumn(
        _ example: Example<[UInt8], (line: Int, column: Int, byte: String)>
    ) {
        let expected = Diagnostic.error(
            SourceLocation(
                path: "data/x.md", line: example.expected.line, column: example.expected.column),
            "the file is not valid UTF-8 (byte 0x\(example.expected.byte) on this line)",
            hint: "save the file with UTF-8 encoding")
        #expect(SourceText.decode(example.input, path: "data/x.md") == .failure(expected))
    }

    static let lineCuts: [Example<String, [String]>] = [
        Example("empty text is one empty line", "", [""]),
        Example("a final line feed leaves an empty last line", "a\nb\n", ["a", "b", ""]),
        Example("empty lines are kept", "\n\na", ["", "", "a"]),
        Example("a lone CR is not a line break", "a\rb\nc", ["a\rb", "c"]),
        Example("a combining mark after a line feed starts the next line", "a\n\u{301}b", ["a", "\u{301}b"]),
        Example("multi-byte text", "é\n日本\n😀", ["é", "日本", "😀"]),
    ]

    /// `lines` replaces `split(separator: "\n", omittingEmptySubsequences: false)` in every parser
    /// for speed; it must cut exactly where that did.
    @Test(arguments: lineCuts)
    func linesCutWhereSplittingOnLineFeedsDid(_ example: Example<String, [String]>) {
        #expect(example.input.lines.map(String.init) == example.expected)
        #expect(
            example.input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == example.expected)
        #expect(example.input.dropFirst(0).lines.map(String.init) == example.expected)
    }
}
