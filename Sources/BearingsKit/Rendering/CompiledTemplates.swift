import Mustache

/// The built-in templates, compiled into Swift at build time from `templates/*.mustache` by the
/// EmbedTemplates plugin (`BuiltInTemplates`, generated into the build folder), so that a site of
/// 10,000 pages is not rendered by looking every `{{name}}` up through swift-mustache's `Any`, and
/// a template has one source: edit `templates/decision.mustache`, rebuild, and the decision page
/// changes. They are used only where no `--templates` folder replaces the template (or its layout,
/// or a partial it uses); a replaced one is rendered by swift-mustache.
enum CompiledTemplates {
    /// The page `template` rendered with `values`, or nil when there is no built-in template of that name.
    static func render(_ template: String, _ values: [String: Any]) -> String? {
        var out = ""
        out.reserveCapacity(16_384)
        guard BuiltInTemplates.render(template, TemplateScope(values), into: &out) else { return nil }
        return out
    }

    /// The templates `template` renders besides itself (its layout and partials), or nil when it is not built in.
    static func uses(_ template: String) -> [String]? { BuiltInTemplates.uses[template] }
}

/// One part of a `{{dotted.name}}`, with the lists `SiteRenderer.withFlags` would derive it from
/// (`hasTags` from `tags`), which the compiler works out from the name.
struct TemplateName: Sendable {
    /// The key.
    let key: String
    /// The lists whose non-emptiness the key stands for, if it is a `hasList` flag.
    let lists: [String]

    init(_ key: String, lists: [String] = []) {
        self.key = key
        self.lists = lists
    }
}

/// A name as a compiled template looks it up: `.` (no parts), `a.b.c`, or `.a` (anchored to the
/// innermost context).
struct TemplateKey: Sendable {
    let names: [TemplateName]
    let anchored: Bool

    init(_ names: [TemplateName], anchored: Bool) {
        self.names = names
        self.anchored = anchored
    }
}

/// The context stack of a compiled template, innermost last, read by swift-mustache's rules over the
/// values `SiteRenderer.withFlags` would hand it: a name is looked up from the innermost context
/// outwards; in a dictionary an empty string is absent and `hasItems` is whether the list `items`
/// is non-empty; a section renders once per item of a list, once for a true flag or any other
/// value (pushed as the innermost context), not at all for nil, false or empty markup.
struct TemplateScope {
    var stack: [Any]

    init(_ values: [String: Any]) { stack = [values] }

    /// The value of `key`, or nil.
    func value(_ key: TemplateKey) -> Any? {
        guard let first = key.names.first else { return stack.last }
        var found: Any?
        if key.anchored {
            found = stack.last.flatMap { Self.child(first, of: $0) }
        } else {
            for context in stack.reversed() {
                if let value = Self.child(first, of: context) {
                    found = value
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for name in key.names.dropFirst() {
            guard let child = Self.child(name, of: value) else { return nil }
            value = child
        }
        switch value {
        // What the renderer hands templates, before asking the protocol (a slower cast).
        case is String, is HTML, is Int, is Bool: return value
        default: break
        }
        if let custom = value as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            value = representation
        }
        return value
    }

    /// `name` in one context: a dictionary's entry, nothing in a text, number or flag, otherwise
    /// what swift-mustache finds (a `MustacheParent`'s child, or a stored property by reflection).
    static func child(_ name: TemplateName, of context: Any) -> Any? {
        if let dictionary = context as? [String: Any] {
            for list in name.lists {
                if let items = dictionary[list] as? [Any] { return !items.isEmpty }
            }
            guard let value = dictionary[name.key] else { return nil }
            if let text = value as? String, text.isEmpty { return nil }
            return value
        }
        switch context {
        case is String, is Int, is Bool, is Double: return nil
        case let html as HTML: return name.key == "rawValue" ? html.rawValue : nil
        default: break
        }
        var context = context
        if let custom = context as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            context = representation
        }
        if let parent = context as? MustacheParent { return parent.child(named: name.key) }
        guard let child = Mirror(reflecting: context).children.first(where: { $0.label == name.key }) else {
            return nil
        }
        let optional = Mirror(reflecting: child.value)
        guard optional.displayStyle == .optional else { return child.value }
        return optional.children.first?.value
    }

    /// A value as text, as swift-mustache writes it before escaping.
    static func text(of value: Any) -> String {
        switch value {
        case let text as String: return text
        case let html as HTML: return html.rawValue
        case let number as Int: return String(number)
        case let flag as Bool: return flag ? "true" : "false"
        case let renderable as MustacheCustomRenderable: return renderable.renderText
        default: return String(describing: value)
        }
    }

    /// `{{key}}`: the value as text, escaped.
    func text(_ key: TemplateKey, into out: inout String) {
        guard let value = value(key) else { return }
        out += HTML.escape(Self.text(of: value))
    }

    /// `{{{key}}}`: the value as it is.
    func raw(_ key: TemplateKey, into out: inout String) {
        guard let value = value(key) else { return }
        out += Self.text(of: value)
    }

    /// This scope with `context` innermost.
    func pushing(_ context: Any) -> TemplateScope {
        var inner = self
        inner.stack.append(context)
        return inner
    }

    static func items<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

    /// `{{#key}}…{{/key}}`.
    func section(_ key: TemplateKey, _ body: (TemplateScope) -> Void) {
        guard let value = value(key) else { return }
        if let list = value as? [Any] {
            for item in list { body(pushing(item)) }
        } else if let sequence = value as? any MustacheSequence {
            for item in Self.items(of: sequence) { body(pushing(item)) }
        } else if let flag = value as? Bool {
            if flag { body(self) }
        } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
            return
        } else {
            body(pushing(value))
        }
    }

    /// `{{^key}}…{{/key}}`.
    func inverted(_ key: TemplateKey, _ body: (TemplateScope) -> Void) {
        guard let value = value(key) else { return body(self) }
        if let list = value as? [Any] {
            if list.isEmpty { body(pushing(list)) }
        } else if let sequence = value as? any MustacheSequence {
            if Self.items(of: sequence).isEmpty { body(pushing(value)) }
        } else if let flag = value as? Bool {
            if !flag { body(self) }
        } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
            body(self)
        }
    }
}
