/// UTF-8 bytes appended piece by piece, for a page written straight into memory that is reused:
/// `removeAll()` keeps the capacity, so one buffer per rendering thread serves every page it
/// renders with no allocation once it has grown to a page's size. Text is copied from the `String`'s
/// own UTF-8 storage, and escaped while it is copied (no escaped `String` is made).
package struct ByteBuffer {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// An empty buffer with room for `capacity` bytes.
    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written.
    package var count: Int { bytes.count }

    /// How many bytes it holds without growing.
    package var capacity: Int { bytes.capacity }

    /// Forgets the bytes and keeps the memory.
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends a literal's UTF-8.
    package mutating func append(literal: StaticString) {
        if literal.hasPointerRepresentation {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        } else {
            append(literal.description)
        }
    }

    /// Appends `text`'s UTF-8.
    package mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `text`'s UTF-8 with `& < > " '` escaped for HTML text and attribute values, exactly as
    /// `HTML.escape` does. Bytes are looked at one by one: in UTF-8 no byte of a multi-byte character
    /// is below 0x80, so none can be taken for one of the five.
    package mutating func appendEscaped(_ text: String) {
        let escaped: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if escaped == nil { appendEscaped(Array(text.utf8)) }
    }

    private mutating func appendEscaped(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let replacement: StaticString
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            append(literal: replacement)
            start = index + 1
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
    }

    /// Appends the decimal digits of `number` (with `-` when negative), as `String(number)` writes them.
    package mutating func append(_ number: Int) { append(String(number)) }
}
