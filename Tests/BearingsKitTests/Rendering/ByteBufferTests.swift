import Testing

@testable import BearingsKit

/// The compiled templates write pages as bytes (`ByteBuffer`), escaping text while it is copied;
/// every expected byte here is written by hand from the UTF-8 table and HTML's five entities.
@Suite struct ByteBufferTests {
    static func escaped(_ text: String) -> [UInt8] {
        var out = ByteBuffer()
        out.appendEscaped(text)
        return out.bytes
    }

    /// The five characters HTML escapes, each on its own and side by side, at the start, in the
    /// middle and at the end of the text.
    @Test func theFiveSpecialCharactersAreEscapedAsEntities() {
        #expect(Self.escaped("&") == [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        #expect(Self.escaped("<") == [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        #expect(Self.escaped(">") == [0x26, 0x67, 0x74, 0x3B])  // &gt;
        #expect(Self.escaped("\"") == [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        #expect(Self.escaped("'") == [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
        #expect(Self.escaped("<>&\"'") == Array("&lt;&gt;&amp;&quot;&#39;".utf8))
        #expect(Self.escaped("&a&") == Array("&amp;a&amp;".utf8))
        #expect(Self.escaped("a<b>c") == Array("a&lt;b&gt;c".utf8))
    }

    /// Multi-byte characters pass through as their UTF-8 bytes, next to escaped ones: é is C3 A9,
    /// € is E2 82 AC, 😀 is F0 9F 98 80, a no-break space is C2 A0.
    @Test func multiByteCharactersAreCopiedByteForByte() {
        #expect(
            Self.escaped("é<€>😀'\u{A0}") == [
                0xC3, 0xA9, 0x26, 0x6C, 0x74, 0x3B, 0xE2, 0x82, 0xAC, 0x26, 0x67, 0x74, 0x3B, 0xF0, 0x9F, 0x98, 0x80,
                0x26, 0x23, 0x33, 0x39, 0x3B, 0xC2, 0xA0,
            ])
        #expect(Self.escaped("日本") == [0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC])
    }

    @Test func emptyAndPlainTextAreCopiedAsTheyAre() {
        #expect(Self.escaped("") == [])
        #expect(Self.escaped("plain text") == Array("plain text".utf8))
    }

    /// The bytes equal the UTF-8 of `HTML.escape`, the escaping every `String` path uses.
    @Test(arguments: ["", "<>&\"'", "é<€>😀'", "a & b < c", "no special", "''", "&&&&", "\u{0}<\u{7F}>"])
    func bytesEqualTheStringEscaping(_ text: String) {
        #expect(Self.escaped(text) == Array(HTML.escape(text).utf8))
    }

    /// Literals, text and numbers are appended unescaped; `removeAll` keeps the memory for the next page.
    @Test func appendsAndReuse() {
        var out = ByteBuffer()
        out.append(literal: "<p>€")
        out.append("&")
        out.append(-42)
        #expect(out.bytes == [0x3C, 0x70, 0x3E, 0xE2, 0x82, 0xAC, 0x26, 0x2D, 0x34, 0x32])
        let capacity = out.bytes.capacity
        out.removeAll()
        #expect(out.count == 0)
        #expect(out.bytes.capacity == capacity)
    }
}
