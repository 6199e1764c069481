/// The page structs a typed template reads, as the compiler knows them: read from the Swift files
/// of the target's `Pages/` folders, in one simple form the compiler parses itself (it does not run
/// Swift's type checker):
///
/// ```swift
/// struct DecisionPage: Sendable {
///     static let template = "decision"   // the template this page renders (optional)
///     let label: String                  // String, HTML, Bool, Int, [T], T? or another page struct
///     let rows: [WatchedRow]
/// }
/// ```
///
/// Only `struct` declarations at the top level of a file are read; in them, `let` and `var`
/// stored properties with a type written as above (a default value after `=` is allowed), and
/// `static let template = "name"`. Anything else (functions, computed properties, comments,
/// other declarations) is skipped. The struct whose template is `layout` holds the values every
/// page shares: it is the innermost context of every typed page, as the layout's values were
/// merged over each page's.
public enum FieldType: Equatable, Sendable, CustomStringConvertible {
    /// `String`: text, escaped by `{{name}}`; empty text is absent.
    case text
    /// `HTML`: markup, written as it is by `{{{name}}}`; empty markup is absent in a section.
    case html
    /// `Bool`: a flag.
    case flag
    /// `Int`: a number.
    case number
    /// `[T]`: a list; `hasName` is whether it is non-empty.
    indirect case list(FieldType)
    /// `T?`: absent when nil.
    indirect case optional(FieldType)
    /// Another page struct.
    case page(String)

    /// The type written as Swift, or nil when it is not of the form the compiler reads.
    public init?(swift text: String) {
        let text = text.trimmingWhitespace
        if text.hasSuffix("?") {
            guard let wrapped = FieldType(swift: String(text.dropLast())) else { return nil }
            self = .optional(wrapped)
        } else if text.hasPrefix("["), text.hasSuffix("]") {
            guard let element = FieldType(swift: String(text.dropFirst().dropLast())) else { return nil }
            self = .list(element)
        } else {
            switch text {
            case "String": self = .text
            case "HTML": self = .html
            case "Bool": self = .flag
            case "Int": self = .number
            default:
                guard let first = text.first, first.isLetter || first == "_",
                    text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
                else { return nil }
                self = .page(text)
            }
        }
    }

    /// The type as Swift writes it.
    public var description: String {
        switch self {
        case .text: return "String"
        case .html: return "HTML"
        case .flag: return "Bool"
        case .number: return "Int"
        case .list(let element): return "[\(element)]"
        case .optional(let wrapped): return "\(wrapped)?"
        case .page(let name): return name
        }
    }
}

/// A page struct: its name, its stored fields in order, and the template it renders, if any.
public struct PageType: Equatable, Sendable {
    /// The struct's name.
    public var name: String
    /// The stored properties, in declaration order.
    public var fields: [(name: String, type: FieldType)]
    /// `static let template = "…"`: the template rendered from this page.
    public var template: String?
    /// Where the struct is declared, for errors.
    public var path: String
    /// The line of `struct`.
    public var line: Int

    /// A page struct.
    public init(
        name: String, fields: [(name: String, type: FieldType)], template: String?, path: String, line: Int
    ) {
        self.name = name
        self.fields = fields
        self.template = template
        self.path = path
        self.line = line
    }

    /// The type of the field `name`.
    public func field(_ name: String) -> FieldType? { fields.first { $0.name == name }?.type }

    public static func == (lhs: PageType, rhs: PageType) -> Bool {
        lhs.name == rhs.name && lhs.template == rhs.template && lhs.fields.map(\.name) == rhs.fields.map(\.name)
            && lhs.fields.map(\.type) == rhs.fields.map(\.type)
    }
}

extension PageType {
    /// The page structs declared in a Swift file of the form described at `FieldType`.
    public static func parse(_ text: String, path: String) throws(CompileError) -> [PageType] {
        var result: [PageType] = []
        var depth = 0
        var current: PageType?
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            // Comments are skipped; no string literal of the form holds "//".
            var line = Substring(rawLine)
            if let comment = zip(line.indices, line.indices.dropFirst()).first(where: {
                line[$0.0] == "/" && line[$0.1] == "/"
            }) {
                line = line[..<comment.0]
            }
            let trimmed = String(line).trimmingWhitespace
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "{" || $0 == "<" })
            if depth == 0, let index = words.firstIndex(of: "struct"), index + 1 < words.count {
                current = PageType(name: String(words[index + 1]), fields: [], template: nil, path: path, line: number)
            } else if depth == 1, var page = current {
                if let field = try field(trimmed, path: path, line: number) {
                    page.fields.append(field)
                } else if trimmed.hasPrefix("static let template") || trimmed.hasPrefix("static var template") {
                    let parts = trimmed.split(separator: "\"", omittingEmptySubsequences: false)
                    guard parts.count == 3 else {
                        throw CompileError(
                            path: path, position: Position(line: number, column: 1),
                            message: "write the template's name as one string literal: static let template = \"page\"")
                    }
                    page.template = String(parts[1])
                }
                current = page
            }
            for character in line {
                if character == "{" { depth += 1 }
                if character == "}" {
                    depth -= 1
                    if depth == 0, let page = current {
                        result.append(page)
                        current = nil
                    }
                }
            }
        }
        return result
    }

    /// `let name: Type` (with any modifiers before it and a default value after it), or nil for a
    /// line that declares no stored field.
    static func field(_ line: String, path: String, line number: Int) throws(CompileError) -> (String, FieldType)? {
        var words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        while let first = words.first,
            ["public", "package", "internal", "private", "fileprivate"].contains(first)
                || first.hasPrefix("private(") || first.hasPrefix("@")
        {
            guard words.count == 2 else { return nil }
            words = words[1].split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        }
        guard words.count == 2, words[0] == "let" || words[0] == "var" else { return nil }
        let declaration = words[1]
        guard let colon = declaration.firstIndex(of: ":") else { return nil }
        let name = String(declaration[..<colon]).trimmingWhitespace
        var type = String(declaration[declaration.index(after: colon)...])
        if type.contains("{") { return nil }  // a computed property
        if let equals = type.firstIndex(of: "=") { type = String(type[..<equals]) }
        guard let fieldType = FieldType(swift: type), fieldType != .optional(.text) else {
            throw CompileError(
                path: path, position: Position(line: number, column: 1),
                message: "'\(name)' has the type '\(type.trimmingWhitespace)', which templates cannot read; use String,"
                    + " HTML, Bool, Int, [T], T? or a page struct (an empty String is absent: no String?)")
        }
        return (name, fieldType)
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) ?? start
        return String(scalars[start...end])
    }
}
