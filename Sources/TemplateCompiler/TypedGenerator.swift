/// Writes a template whose page is a struct (`static let template = "decision"`, see `PageType`)
/// as plain Swift over that struct: every name is resolved here, at build time, against the types
/// of the context stack, innermost first (the page's struct, the layout's above it, each section's
/// item above that), and becomes a field access (`page.label`, `for v1 in page.watched`). A name no
/// context has is an error at the template's line. Mustache's rules are kept: an empty `String` or
/// a nil optional is absent, so the name is looked for further out (the code tries each context
/// that has the name, innermost first); `hasItems` is whether the list `items` is non-empty.
struct TypedGenerator {
    /// A context: the Swift expression that holds it and its type (never optional).
    struct Frame {
        var expression: String
        var type: FieldType
    }

    /// A context that has the name, with the expression and type of the value there.
    struct Candidate {
        var expression: String
        var type: FieldType

        /// Whether `{{name}}` can write the value.
        var hasText: Bool {
            switch type {
            case .text, .html, .flag, .number: return true
            case .optional(let wrapped): return Candidate(expression: expression, type: wrapped).hasText
            case .list, .page: return false
            }
        }

        /// Whether the value can be absent, so that the name is looked for further out.
        var mayBeAbsent: Bool {
            switch type {
            case .text, .optional: return true
            default: return false
            }
        }
    }

    enum Action {
        case variable(escaped: Bool)
        case section([Node])
        case inverted([Node])
    }

    let templates: [String: [Node]]
    let pages: [String: PageType]
    var path = ""
    var lines: [String] = []
    var pendingText = ""
    var counter = 0

    init(templates: [String: [Node]], pages: [String: PageType]) {
        self.templates = templates
        self.pages = pages
    }

    mutating func flushText(indent: Int) {
        guard !pendingText.isEmpty else { return }
        lines.append(
            String(repeating: "    ", count: indent) + "out.append(literal: " + TemplateCompiler.literal(pendingText)
                + ")")
        pendingText = ""
    }

    mutating func line(_ text: String, indent: Int) {
        flushText(indent: indent)
        lines.append(String(repeating: "    ", count: indent) + text)
    }

    /// Whether `line` names the variable `name` (`v8`, not `v80`).
    static func names(_ name: String, in line: String) -> Bool {
        line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).contains { $0 == name }
    }

    mutating func fresh() -> String {
        counter += 1
        return "v\(counter)"
    }

    /// Writes `nodes` over `stack`; `overrides` are the blocks of the pages whose parent is being written out.
    mutating func emit(
        _ nodes: [Node], stack: [Frame], overrides: [String: [Node]]?, depth: Int, indent: Int
    ) throws(CompileError) {
        for node in nodes {
            switch node {
            case .text(let text):
                pendingText += text
            case .variable(let name, let escaped, let at):
                var candidates = try lookup(name, stack, at: at)
                // An outer context whose value has no text (a struct, a list) ends the search: the
                // compiled page writes nothing there (swift-mustache would write Swift's description).
                if let index = candidates.dropFirst().firstIndex(where: { !$0.hasText }) {
                    candidates = Array(candidates[..<index])
                }
                try emitLookup(
                    candidates[...], action: .variable(escaped: escaped), stack: stack, overrides: overrides,
                    depth: depth, indent: indent, at: at)
            case .section(let name, let inverted, let body, let at):
                let candidates = try lookup(name, stack, at: at)
                try emitLookup(
                    candidates[...], action: inverted ? .inverted(body) : .section(body), stack: stack,
                    overrides: overrides, depth: depth, indent: indent, at: at)
            case .partial(let name, let inherits, let at):
                guard let partial = templates[name] else {
                    throw CompileError(
                        path: path, position: at,
                        message: "there is no template '\(name)' (\(name).mustache) in the templates folder")
                }
                guard depth < TemplateCompiler.maximumDepth else {
                    throw CompileError(
                        path: path, position: at,
                        message:
                            "'\(name)' is reached through more than \(TemplateCompiler.maximumDepth) nested parents and"
                            + " partials; a template cannot include itself")
                }
                // A partial is written out in place, over the types of the stack where it is used.
                let merged = (overrides ?? [:]).merging(inherits ?? [:]) { outer, _ in outer }
                try emit(partial, stack: stack, overrides: merged, depth: depth + 1, indent: indent)
            case .block(let name, let defaultNodes, _):
                try emit(
                    overrides?[name] ?? defaultNodes, stack: stack, overrides: overrides, depth: depth, indent: indent)
            case .blockDefinition:
                break
            }
        }
    }

    /// The contexts that have `name`, innermost first, up to the first whose value is always present.
    func lookup(_ name: String, _ stack: [Frame], at: Position) throws(CompileError) -> [Candidate] {
        guard let top = stack.last else { return [] }
        if name == "." { return [Candidate(expression: top.expression, type: top.type)] }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count == 1, !name.hasPrefix(".") else {
            throw CompileError(
                path: path, position: at,
                message: "'\(name)' is a dotted name, which typed templates do not take; open a section"
                    + " ({{#\(parts.first ?? name)}}…{{/\(parts.first ?? name)}}) and name the field inside it")
        }
        var result: [Candidate] = []
        for frame in stack.reversed() {
            guard let candidate = Self.child(name, of: frame, pages: pages) else { continue }
            result.append(candidate)
            if !candidate.mayBeAbsent { return result }
        }
        guard !result.isEmpty else {
            let names = stack.reversed().map { $0.type.description }
            var seen = Set<String>()
            let unique = names.filter { seen.insert($0).inserted }
            throw CompileError(
                path: path, position: at,
                message: "no field '\(name)' in \(unique.joined(separator: ", ")) (innermost first); add it to the"
                    + " page struct (Sources/…/Pages/) or correct the name")
        }
        return result
    }

    /// `name` in one context: a field, or `hasItems` for a list field `items`.
    static func child(_ name: String, of frame: Frame, pages: [String: PageType]) -> Candidate? {
        guard case .page(let typeName) = frame.type, let page = pages[typeName] else { return nil }
        if let type = page.field(name) { return Candidate(expression: "\(frame.expression).\(name)", type: type) }
        for list in TemplateCompiler.flagSources(name) {
            if case .list = page.field(list) {
                return Candidate(expression: "!\(frame.expression).\(list).isEmpty", type: .flag)
            }
        }
        return nil
    }

    /// Tries each candidate in turn, innermost first, and does `action` with the first that is present.
    mutating func emitLookup(
        _ candidates: ArraySlice<Candidate>, action: Action, stack: [Frame], overrides: [String: [Node]]?, depth: Int,
        indent: Int, at: Position
    ) throws(CompileError) {
        guard let candidate = candidates.first else {
            // Absent everywhere: only an inverted section renders.
            if case .inverted(let body) = action {
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent)
            }
            return
        }
        let rest = candidates.dropFirst()
        if case .variable = action, candidate.type == .text, rest.isEmpty {
            // Empty text writes nothing: no test needed.
            try found(
                candidate.expression, .text, action: action, stack: stack, overrides: overrides, depth: depth,
                indent: indent, at: at)
            return
        }
        switch candidate.type {
        case .text:
            line("if !\(candidate.expression).isEmpty {", indent: indent)
            try found(
                candidate.expression, .text, action: action, stack: stack, overrides: overrides, depth: depth,
                indent: indent + 1, at: at)
        case .optional(let wrapped):
            let value = fresh()
            line("if let \(value) = \(candidate.expression) {", indent: indent)
            let test = lines.count - 1
            try found(
                value, wrapped, action: action, stack: stack, overrides: overrides, depth: depth, indent: indent + 1,
                at: at)
            flushText(indent: indent + 1)
            // An inverted section over a present value writes nothing with it: test for it without
            // binding a name the compiler would warn is never used.
            if !lines[(test + 1)...].contains(where: { Self.names(value, in: $0) }) {
                lines[test] = String(repeating: "    ", count: indent) + "if \(candidate.expression) != nil {"
            }
        default:
            try found(
                candidate.expression, candidate.type, action: action, stack: stack, overrides: overrides,
                depth: depth, indent: indent, at: at)
            return
        }
        flushText(indent: indent + 1)
        let hasAbsentBranch: Bool
        if case .inverted = action { hasAbsentBranch = true } else { hasAbsentBranch = !rest.isEmpty }
        if hasAbsentBranch {
            lines.append(String(repeating: "    ", count: indent) + "} else {")
            try emitLookup(
                rest, action: action, stack: stack, overrides: overrides, depth: depth, indent: indent + 1, at: at)
            flushText(indent: indent + 1)
        }
        lines.append(String(repeating: "    ", count: indent) + "}")
    }

    /// `action` with a value that is present.
    mutating func found(
        _ value: String, _ type: FieldType, action: Action, stack: [Frame], overrides: [String: [Node]]?, depth: Int,
        indent: Int, at: Position
    ) throws(CompileError) {
        switch action {
        case .variable(let escaped):
            let text: String
            switch type {
            case .text: text = escaped ? "out.appendEscaped(\(value))" : "out.append(\(value))"
            case .html: text = escaped ? "out.appendEscaped(\(value).rawValue)" : "out.append(\(value).rawValue)"
            case .flag: text = "out.append(literal: \(value) ? \"true\" : \"false\")"
            case .number: text = "out.append(\(value))"
            case .optional(let wrapped):
                // An optional inside an optional: unwrap once more.
                let inner = fresh()
                line("if let \(inner) = \(value) {", indent: indent)
                try found(
                    inner, wrapped, action: action, stack: stack, overrides: overrides, depth: depth,
                    indent: indent + 1, at: at)
                flushText(indent: indent + 1)
                lines.append(String(repeating: "    ", count: indent) + "}")
                return
            case .list, .page:
                throw CompileError(
                    path: path, position: at,
                    message: "this tag writes a value of type \(type), which has no text; name one of its fields"
                        + " inside a section")
            }
            line(text, indent: indent)
        case .section(let body):
            switch type {
            case .text, .number:
                try emit(
                    body, stack: stack + [Frame(expression: value, type: type)], overrides: overrides, depth: depth,
                    indent: indent)
            case .page:
                try emit(
                    body, stack: stack + [Frame(expression: value, type: type)], overrides: overrides, depth: depth,
                    indent: indent)
            case .html:
                line("if !\(value).isNull {", indent: indent)
                try emit(
                    body, stack: stack + [Frame(expression: value, type: type)], overrides: overrides, depth: depth,
                    indent: indent + 1)
                close(indent)
            case .flag:
                line("if \(value) {", indent: indent)
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent + 1)
                close(indent)
            case .list(let element):
                let item = fresh()
                line("for \(item) in \(value) {", indent: indent)
                if case .optional(let wrapped) = element {
                    let inner = fresh()
                    line("guard let \(inner) = \(item) else { continue }", indent: indent + 1)
                    try emit(
                        body, stack: stack + [Frame(expression: inner, type: wrapped)], overrides: overrides,
                        depth: depth, indent: indent + 1)
                } else {
                    try emit(
                        body, stack: stack + [Frame(expression: item, type: element)], overrides: overrides,
                        depth: depth, indent: indent + 1)
                }
                close(indent)
            case .optional(let wrapped):
                let inner = fresh()
                line("if let \(inner) = \(value) {", indent: indent)
                try found(
                    inner, wrapped, action: action, stack: stack, overrides: overrides, depth: depth,
                    indent: indent + 1, at: at)
                close(indent)
            }
        case .inverted(let body):
            switch type {
            case .text, .number, .page: break
            case .html:
                line("if \(value).isNull {", indent: indent)
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent + 1)
                close(indent)
            case .flag:
                // `hasItems` is `!items.isEmpty`: its negation is `items.isEmpty`.
                line("if \(value.hasPrefix("!") ? String(value.dropFirst()) : "!" + value) {", indent: indent)
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent + 1)
                close(indent)
            case .list:
                line("if \(value).isEmpty {", indent: indent)
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent + 1)
                close(indent)
            case .optional:
                line("if \(value) == nil {", indent: indent)
                try emit(body, stack: stack, overrides: overrides, depth: depth, indent: indent + 1)
                close(indent)
            }
        }
    }

    mutating func close(_ indent: Int) {
        flushText(indent: indent + 1)
        lines.append(String(repeating: "    ", count: indent) + "}")
    }

    /// `extension X: MustacheParent`, so that swift-mustache (a `--templates` override) reads the
    /// same struct by the same names: an empty `String` and a nil optional are absent, and every
    /// list `items` has `hasItems` beside it.
    static func lookupConformance(_ page: PageType) -> String {
        var text = "extension \(page.name): MustacheParent {\n"
        text += "    func child(named name: String) -> Any? {\n        switch name {\n"
        for (name, type) in page.fields {
            let value: String
            switch type {
            case .text: value = "self.\(name).isEmpty ? nil : self.\(name)"
            case .optional: value = "self.\(name).map { $0 as Any }"
            default: value = "self.\(name)"
            }
            text += "        case \(TemplateCompiler.literal(name)): return \(value)\n"
        }
        var flags = Set(page.fields.map(\.name))
        for (name, type) in page.fields {
            guard case .list = type else { continue }
            let flag = "has" + name.prefix(1).uppercased() + name.dropFirst()
            guard flags.insert(flag).inserted else { continue }
            text += "        case \(TemplateCompiler.literal(flag)): return !self.\(name).isEmpty\n"
        }
        text += "        default: return nil\n        }\n    }\n}\n"
        return text
    }
}
