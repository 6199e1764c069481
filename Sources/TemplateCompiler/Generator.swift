/// Turns a folder's Mustache templates into Swift that appends each page's UTF-8 to a `ByteBuffer`
/// (the target declares it: `append(literal:)`, `append(_:)` of a `String` or an `Int`, and
/// `appendEscaped(_:)`, which escapes as `HTML.escape` does).
///
/// A template whose page is a struct (a type in the target's `Pages/` folders with
/// `static let template = "<name>"`, read as `PageType` describes) is compiled against that
/// struct (`TypedGenerator`): every `{{name}}` and section name is resolved at build time against
/// the types on the context stack, innermost outwards (the section's item, …, the layout's struct,
/// the page's struct), and becomes a plain field access (`page.title`, `for v1 in page.rows`); a
/// name no context has stops the build with `path:line:column: error:`. Each page struct also gets
/// a generated `MustacheParent` conformance, so that a `--templates` override rendered by
/// swift-mustache reads the same struct by the same names (with `hasItems` for each list `items`),
/// and the page a `CompiledPage` conformance that calls its function.
///
/// A partial is written out in place, over the types of the context where it is used, and a
/// parent (`{{<layout}}`) is written out in place with the page's blocks in its own, so a page is
/// one function with no lookups of templates or names at run time. A template no struct names (a
/// partial, the layout) gets no function of its own; it is still parsed, so an unsupported
/// construct in it stops the build too.
public enum TemplateCompiler {
    /// A template file: its name as partials call it (`decision-item`), the path that errors name,
    /// and its text.
    public struct Source: Sendable {
        /// The name, the file's path in the folder without `.mustache`.
        public var name: String
        /// The path errors name.
        public var path: String
        /// The text.
        public var text: String

        /// A template file.
        public init(name: String, path: String, text: String) {
            self.name = name
            self.path = path
            self.text = text
        }
    }

    /// How deep parents and partials may nest: a template that includes itself stops there.
    static let maximumDepth = 16

    /// The name of the layout's template: its struct is the innermost context of every typed page.
    public static let layoutTemplate = "layout"

    /// Swift source declaring `enum <enumName>` with `uses` and one function per typed template,
    /// with the page structs' conformances; `pages` are the Swift files declaring the page structs (see `PageType`);
    /// `testableImport` adds `@testable import <module>` (for templates compiled into a test target).
    public static func compile(
        _ sources: [Source], pages pageFiles: [Source] = [], enumName: String, testableImport: String? = nil
    ) throws(CompileError) -> String {
        var parsed: [String: (source: Source, nodes: [Node])] = [:]
        for source in sources {
            parsed[source.name] = (source, try MustacheParser.parse(source.text, path: source.path))
        }
        var pages: [String: PageType] = [:]
        for file in pageFiles {
            for page in try PageType.parse(file.text, path: file.path) {
                if let earlier = pages[page.name] {
                    throw CompileError(
                        path: page.path, position: Position(line: page.line, column: 1),
                        message: "'\(page.name)' is declared twice (also at \(earlier.path):\(earlier.line))")
                }
                pages[page.name] = page
            }
        }
        for name in parsed.keys.sorted() {
            guard let entry = parsed[name] else { continue }
            try checkPartials(entry.nodes, path: entry.source.path, templates: parsed.mapValues(\.source))
        }
        let typed = try typedPages(pages, templates: parsed.mapValues(\.source))
        let names = parsed.keys.sorted()
        var bodies: [String] = []
        var extensions: [String] = []
        var generator = TypedGenerator(templates: parsed.mapValues { $0.nodes }, pages: pages)
        for (number, name) in names.enumerated() {
            guard let entry = parsed[name], let (page, layout) = typed[name] else { continue }
            let function = "t\(number)_" + identifier(name)
            generator.path = entry.source.path
            generator.lines = []
            generator.counter = 0
            let stack = [
                TypedGenerator.Frame(expression: "page", type: .page(page.name)),
                TypedGenerator.Frame(expression: "layout", type: .page(layout.name)),
            ]
            try generator.emit(entry.nodes, stack: stack, overrides: nil, depth: 0, indent: 2)
            generator.flushText(indent: 2)
            bodies.append(
                "    /// templates/\(name).mustache, over `\(page.name)`\n"
                    + "    static func \(function)(_ page: \(page.name), _ layout: \(layout.name), _ out: inout ByteBuffer) {\n"
                    + generator.lines.joined(separator: "\n") + (generator.lines.isEmpty ? "" : "\n") + "    }\n")
            extensions.append(
                "extension \(page.name): CompiledPage {\n"
                    + "    func render(layout: \(layout.name), into out: inout ByteBuffer) {"
                    + " \(enumName).\(function)(self, layout, &out) }\n}\n")
        }
        for name in pages.keys.sorted() {
            guard let page = pages[name] else { continue }
            extensions.append(TypedGenerator.lookupConformance(page))
        }
        let nodes = parsed.mapValues { $0.nodes }
        var text = "// Generated by EmbedTemplates (Sources/TemplateCompiler) from the templates folder. Do not edit.\n"
        // The typed functions write into `ByteBuffer`, which lives in BearingsModel (a target of
        // its own since the split; `package` types need their module imported).
        if !pages.isEmpty { text += "import BearingsModel\nimport Mustache\n" }
        if let testableImport { text += "@testable import \(testableImport)\n" }
        text += "\nenum \(enumName) {\n"
        text += "    /// Each template with the templates it renders (its partials and parents, and theirs).\n"
        text += "    static let uses: [String: [String]] = [\n"
        for name in names {
            let used = uses(of: name, in: nodes).sorted().map(literal).joined(separator: ", ")
            text += "        \(literal(name)): [\(used)],\n"
        }
        text += "    ]\n"
        if !bodies.isEmpty { text += "\n" + bodies.joined(separator: "\n") }
        text += "}\n"
        if !extensions.isEmpty { text += "\n" + extensions.joined(separator: "\n") }
        return text
    }

    /// The typed templates, each with its page struct and the layout's: every struct that names a
    /// template names one in the folder; a page repeats none of the layout's fields (the layout's
    /// would hide it).
    static func typedPages(
        _ pages: [String: PageType], templates: [String: Source]
    ) throws(CompileError) -> [String: (PageType, PageType)] {
        for page in pages.values.sorted(by: { $0.name < $1.name }) {
            for (name, type) in page.fields {
                var inner = type
                while true {
                    if case .list(let element) = inner {
                        inner = element
                    } else if case .optional(let wrapped) = inner {
                        inner = wrapped
                    } else {
                        break
                    }
                }
                guard case .page(let typeName) = inner, pages[typeName] == nil else { continue }
                throw CompileError(
                    path: page.path, position: Position(line: page.line, column: 1),
                    message: "'\(page.name).\(name)' has the type '\(type)', which templates cannot read; use String,"
                        + " HTML, Bool, Int, [T], T? or a struct declared in a Pages/ folder")
            }
        }
        let named = pages.values.filter { $0.template != nil }.sorted { $0.name < $1.name }
        for page in named {
            guard let template = page.template, templates[template] != nil else {
                throw CompileError(
                    path: page.path, position: Position(line: page.line, column: 1),
                    message: "'\(page.name)' names the template '\(page.template ?? "")', which is not in the"
                        + " templates folder")
            }
        }
        let pagesOnly = named.filter { $0.template != layoutTemplate }
        guard !pagesOnly.isEmpty else { return [:] }
        guard let layout = named.first(where: { $0.template == layoutTemplate }) else {
            let page = pagesOnly[0]
            throw CompileError(
                path: page.path, position: Position(line: page.line, column: 1),
                message: "no struct has static let template = \"\(layoutTemplate)\": declare the layout's values")
        }
        var result: [String: (PageType, PageType)] = [:]
        for page in pagesOnly {
            if let shared = page.fields.first(where: { layout.field($0.name) != nil }) {
                throw CompileError(
                    path: page.path, position: Position(line: page.line, column: 1),
                    message: "'\(page.name)' has the field '\(shared.name)', which \(layout.name) has too; the"
                        + " layout's would hide it: rename or remove it")
            }
            if let template = page.template { result[template] = (page, layout) }
        }
        return result
    }

    /// A Swift identifier for a template's name.
    static func identifier(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// A Swift string literal holding `text` exactly.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator
                {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The lists `name` stands for as a flag: `hasTags` is whether the list `tags` is non-empty.
    static func flagSources(_ name: String) -> [String] {
        guard name.hasPrefix("has"), name.count > 3 else { return [] }
        let rest = String(name.dropFirst(3))
        var result: [String] = []
        for candidate in [rest.prefix(1).lowercased() + rest.dropFirst(), rest]
        where !result.contains(candidate) && "has" + candidate.prefix(1).uppercased() + candidate.dropFirst() == name {
            result.append(candidate)
        }
        return result
    }

    /// Every partial and parent `nodes` name is a template of the folder.
    static func checkPartials(_ nodes: [Node], path: String, templates: [String: Source]) throws(CompileError) {
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, _, let body, _), .block(_, let body, _), .blockDefinition(_, let body):
                try checkPartials(body, path: path, templates: templates)
            case .partial(let name, let inherits, let at):
                guard templates[name] != nil else {
                    throw CompileError(
                        path: path, position: at,
                        message: "there is no template '\(name)' (\(name).mustache) in the templates folder")
                }
                for (_, body) in (inherits ?? [:]).sorted(by: { $0.key < $1.key }) {
                    try checkPartials(body, path: path, templates: templates)
                }
            }
        }
    }

    /// The templates `name` renders, directly or through others.
    static func uses(of name: String, in templates: [String: [Node]]) -> Set<String> {
        var seen = Set<String>()
        var pending = [name]
        while let next = pending.popLast() {
            for used in references(templates[next] ?? []) where !seen.contains(used) {
                seen.insert(used)
                pending.append(used)
            }
        }
        seen.remove(name)
        return seen
    }

    static func references(_ nodes: [Node]) -> [String] {
        var result: [String] = []
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, _, let body, _): result += references(body)
            case .partial(let name, let inherits, _):
                result.append(name)
                for (_, body) in inherits ?? [:] { result += references(body) }
            case .block(_, let body, _), .blockDefinition(_, let body): result += references(body)
            }
        }
        return result
    }
}
