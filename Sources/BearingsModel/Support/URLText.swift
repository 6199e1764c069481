import Foundation

/// URL text: which URLs are links, and percent-encoding of whole URLs and of path parts.
package enum URLText {
    /// Whether `text` is an http or https URL.
    package static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// What a path segment may hold as it is: a URL's characters but the delimiters of path, query
    /// and fragment, and '%' (a file named `50%.md` is `50%25.md`).
    static let pathPartCharacters = urlCharacters.subtracting(CharacterSet(charactersIn: "/?#[]%"))

    /// RFC 3986's unreserved and reserved characters, and '%' (already encoded stays as it is).
    package static let urlCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")

    /// One part of a URL path, percent-encoded with `pathPartCharacters`. Most parts (ids, file
    /// names) are unreserved ASCII, which the encoding keeps as it is: those are returned without
    /// asking Foundation, which every page's links and edit link would otherwise do on each load.
    package static func encodedPathPart<Part: StringProtocol>(_ part: Part) -> String? {
        let unreserved = part.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                return true
            default: return false
            }
        }
        return unreserved ? String(part) : part.addingPercentEncoding(withAllowedCharacters: pathPartCharacters)
    }
}
