import Mustache
import BearingsModel

/// Markup that is safe to put into a page as it is. Strings interpolated into it are escaped;
/// other `HTML` values pass through. cmark's output enters only through `init(cmark:)`, and SVG
/// drawn by Charts through `init(svg:)`.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation,
    MustacheCustomRenderable
{
    /// The markup.
    public let rawValue: String

    /// Markup written by cmark-gfm, which escapes text and drops unsafe URLs in safe mode.
    public init(cmark document: MarkdownDocument) { rawValue = document.html }

    /// Markup Bearings assembled itself, every piece of text in it escaped with `escape`.
    init(trusted html: String) { rawValue = html }

    /// Markup written by cmark-gfm whose link targets Bearings has rewritten (to other pages of the site).
    init(cmarkOutput html: String) { rawValue = html }

    /// SVG drawn by the Charts module, which escapes every piece of text it draws.
    public init(svg: String) { rawValue = svg }

    /// Markup from a literal with escaped interpolations.
    public init(stringInterpolation: Interpolation) { rawValue = stringInterpolation.result }

    /// Markup from a literal.
    public init(stringLiteral value: String) { rawValue = value }

    /// The markup.
    public var description: String { rawValue }

    /// For `{{{name}}}` in templates: the markup itself.
    public var renderText: String { rawValue }

    /// Empty markup counts as absent in `{{#section}}`.
    public var isNull: Bool { rawValue.isEmpty }

    /// Builds markup, escaping every interpolated string.
    public struct Interpolation: StringInterpolationProtocol {
        var result = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            result.reserveCapacity(literalCapacity * 2)
        }

        public mutating func appendLiteral(_ literal: String) { result += literal }

        public mutating func appendInterpolation(_ text: String) { result += HTML.escape(text) }

        public mutating func appendInterpolation(_ html: HTML) { result += html.rawValue }

        public mutating func appendInterpolation(_ number: Int) { result += String(number) }
    }

    /// Escapes `& < > " '` for text and attribute values.
    public static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || $0 == UInt8(ascii: "'")
        }
        if !text.utf8.contains(where: special) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Joins markup.
    public static func join(_ parts: [HTML], separator: String = "") -> HTML {
        HTML(stringLiteral: parts.map(\.rawValue).joined(separator: separator))
    }
}
