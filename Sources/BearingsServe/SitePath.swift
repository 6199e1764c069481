/// Turns a request target into the path of a file in a `SitePlan`, or nil.
///
/// The preview serves the plan from memory, so a request can only ever reach a path the renderer put
/// in it: `..`, `%2e%2e`, absolute paths, NUL bytes and symlinks have no file system to reach. This
/// function is still strict, so that an odd target is refused here rather than looked up.
enum SitePath {
    /// `/` and `/dir/` name `index.html` and `dir/index.html`; the query and fragment are dropped.
    /// Nil for a target that is not an absolute path, has bad percent-escapes, decodes to invalid UTF-8,
    /// holds control characters or backslashes, or has an empty, `.` or `..` segment.
    static func resolve(_ target: String) -> String? {
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.hasPrefix("/"), let bytes = percentDecoded(raw.utf8.dropFirst()),
            !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }),
            case var path = String(decoding: bytes, as: UTF8.self), path.utf8.elementsEqual(bytes)
        else { return nil }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return path
    }

    /// `%XX` escapes decoded; nil when a `%` is not followed by two hex digits.
    private static func percentDecoded(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                result.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            result.append(high << 4 | low)
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
