import Foundation
import Mustache
import TemplateCompiler
import Testing

@testable import BearingsKit
@testable import BearingsRendering

/// The template compiler (Sources/TemplateCompiler) against swift-mustache: each construct of the
/// subset, compiled at build time from `TemplateCases/` into `CaseTemplates`, renders what
/// swift-mustache renders from the same file and data; a construct outside the subset is an error
/// naming its line; an edited template compiles to a changed page with no Swift edited.
@Suite struct TemplateCompilerTests {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TemplateCases")
    static let repository = cases.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// swift-mustache with every case file, as `TemplateSet` registers a templates folder.
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: cases.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: cases.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return library
    }

    /// Adds `hasItems` (true when non-empty) beside every list `items` and drops empty strings, as
    /// the renderer did to the `[String: Any]` it handed templates before page structs: what the
    /// compiled page and the generated `MustacheParent` conformances must agree with.
    static func withFlags(_ values: [String: Any]) -> [String: Any] {
        var result = values
        for (key, value) in values {
            if let list = value as? [[String: Any]] {
                result[key] = list.map(withFlags)
                result["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
            } else if let list = value as? [Any] {
                result["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
            } else if let dictionary = value as? [String: Any] {
                result[key] = withFlags(dictionary)
            } else if let text = value as? String, text.isEmpty {
                result[key] = nil
            }
        }
        return result
    }

    // MARK: - Typed templates (a page struct read directly)

    static let caseLayout = CaseLayout(
        title: "Typed <page>", root: "../", tagline: "",
        nav: [
            CaseNavigation(label: "One", href: "one.html", current: true),
            CaseNavigation(label: "Two & more", href: "two.html", current: false),
        ])

    static var fullPage: CasePage {
        CasePage(
            name: "<a & 'b'> \"c\"", label: "L", count: 3, flag: true, off: false, empty: "",
            html: HTML(svg: "<svg><text>x</text></svg>"), blank: HTML(svg: ""),
            items: [
                CaseItem(name: "first", label: "", title: "", flag: true, tags: ["x", "<y>"]),
                CaseItem(name: "second", label: "2", title: "Inner", flag: false, tags: []),
            ],
            noItems: [], words: ["one", "<two>"],
            object: CaseItem(name: "object's", label: "", title: "", flag: true, tags: []), none: nil,
            text: "plain", missing: "", tags: ["t"])
    }

    static var sparsePage: CasePage {
        CasePage(
            name: "", label: "", count: 0, flag: false, off: true, empty: "", html: HTML(svg: ""),
            blank: HTML(svg: "<b>not blank</b>"), items: [],
            noItems: [CaseItem(name: "n", label: "", title: "", flag: false, tags: [])], words: [], object: nil,
            none: nil, text: "", missing: "", tags: [])
    }

    /// The same values as the `[String: Any]` the renderer handed templates before page structs:
    /// the page's, with the layout's merged over them.
    static func dictionary(_ page: CasePage, _ layout: CaseLayout) -> [String: Any] {
        func item(_ item: CaseItem) -> [String: Any] {
            ["name": item.name, "label": item.label, "title": item.title, "flag": item.flag, "tags": item.tags]
        }
        var values: [String: Any] = [
            "name": page.name, "label": page.label, "count": page.count, "flag": page.flag, "off": page.off,
            "empty": page.empty, "html": page.html, "blank": page.blank, "items": page.items.map(item),
            "noItems": page.noItems.map(item), "words": page.words, "text": page.text, "missing": page.missing,
            "tags": page.tags,
        ]
        if let object = page.object { values["object"] = item(object) }
        values["title"] = layout.title
        values["root"] = layout.root
        values["tagline"] = layout.tagline
        values["nav"] = layout.nav.map { ["label": $0.label, "href": $0.href, "current": $0.current] as [String: Any] }
        return values
    }

    /// Every construct of the subset (TemplateCases/, each case a partial of typed.mustache) renders
    /// the same bytes compiled (fields read directly), through swift-mustache over the same struct
    /// (the generated `MustacheParent` conformance, as a `--templates` override is rendered), and
    /// through swift-mustache over the dictionary the renderer used to build.
    @Test(arguments: ["full", "sparse"])
    func aTypedPageRendersAsSwiftMustacheDoes(_ label: String) throws {
        let page = label == "full" ? Self.fullPage : Self.sparsePage
        var bytes = ByteBuffer()
        page.render(layout: Self.caseLayout, into: &bytes)
        let compiled = String(decoding: bytes.bytes, as: UTF8.self)
        let library = try Self.library()
        let overStruct = try #require(
            library.render(PageContext(page: page, layout: Self.caseLayout), withTemplate: "typed"))
        let overDictionary = try #require(
            library.render(Self.withFlags(Self.dictionary(page, Self.caseLayout)), withTemplate: "typed"))
        #expect(compiled == overStruct, "\(label): compiled and swift-mustache over the struct")
        #expect(compiled == overDictionary, "\(label): compiled and swift-mustache over the dictionary")
        #expect(!compiled.isEmpty)
    }

    /// Read by hand from typed.mustache, typed-item.mustache and `fullPage`: an empty label or title
    /// of an item is absent, so the page's label and the layout's title show instead (the layout's
    /// values are the innermost context of the page); `hasTags` is whether `tags` is non-empty.
    @Test func aTypedPageRendersAsReadByHand() {
        var bytes = ByteBuffer()
        Self.fullPage.render(layout: Self.caseLayout, into: &bytes)
        let page = String(decoding: bytes.bytes, as: UTF8.self)
        #expect(page.hasPrefix("<title>Typed &lt;page&gt;</title>\n"))
        #expect(
            page.contains(
                "<nav><a href=\"../one.html\" class=\"here\">One</a><a href=\"../two.html\">Two &amp; more</a></nav>\n")
        )
        #expect(
            page.contains("\n  <li><a>first</a> <b>L</b> on in Typed &lt;page&gt;: <i>x</i><i>&lt;y&gt;</i></li>\n"))
        #expect(page.contains("\n  <li><a>second</a> <b>2</b> in Inner no tags</li>\n"))
        #expect(page.contains("\n<p>label L L</p>\nempty is absent\n"))
        #expect(page.contains("\nflag onoff is off\n<ul>\n"))
        // The object's empty label is absent: the page's shows.
        #expect(page.contains("\nnoItems is empty\none;&lt;two&gt;;\nobject: object&#39;s L flag\nno missing\n"))
        #expect(page.hasSuffix("<footer>Typed &lt;page&gt; · no tagline</footer>\n"))
        // sections.mustache: a standalone section line is dropped with its indentation, a list
        // renders once per item, an item's empty title is absent and the layout's shows.
        #expect(
            page.contains("\n<ul>\n  <li>first of Typed &lt;page&gt; (flag)</li>\n  <li>second of Inner</li>\n</ul>\n"))
    }

    static let casePages = TemplateCompiler.Source(
        name: "Pages.swift", path: "Pages/Pages.swift",
        text: """
            struct Layout {
                static let template = "layout"
                let title: String
            }
            struct Page: Sendable {
                static let template = "page"
                let name: String  // a comment
                let rows: [Row]
                var note: String = ""
                var computed: String { name }
                func method() -> Int { 1 }
            }
            struct Row {
                let cell: String
            }
            """)

    static func typedError(_ page: String, pages: TemplateCompiler.Source = casePages) -> String? {
        do {
            _ = try TemplateCompiler.compile(
                [
                    .init(
                        name: "layout", path: "templates/layout.mustache",
                        text: "<t>{{title}}</t>{{$content}}{{/content}}"),
                    .init(name: "page", path: "templates/page.mustache", text: page),
                ], pages: [pages], enumName: "T")
            return nil
        } catch {
            return error.description
        }
    }

    /// A name no context of a typed template has (a misspelt name, a field not in its struct) stops
    /// the build at the template's line, naming the structs looked in.
    @Test func anUnknownNameInATypedTemplateIsAnErrorAtItsLine() {
        let page =
            "{{<layout}}{{$content}}\n<p>{{name}}{{note}}</p>\n{{#rows}}\n<td>{{cell}} {{titel}}</td>\n{{/rows}}\n{{/content}}{{/layout}}"
        #expect(
            Self.typedError(page)
                == "templates/page.mustache:4:14: error: no field 'titel' in Row, Layout, Page (innermost first);"
                + " add it to the page struct (Sources/…/Pages/) or correct the name")
        #expect(Self.typedError(page.replacingOccurrences(of: " {{titel}}", with: " {{title}}")) == nil)
        #expect(
            Self.typedError("{{<layout}}{{$content}}\n\n{{#row}}x{{/row}}{{/content}}{{/layout}}")?.hasPrefix(
                "templates/page.mustache:3:1: error: no field 'row' in Layout, Page") == true)
        #expect(
            Self.typedError("{{<layout}}{{$content}}{{rows}}{{/content}}{{/layout}}")?.hasPrefix(
                "templates/page.mustache:1:24: error: this tag writes a value of type [Row], which has no text") == true
        )
        #expect(
            Self.typedError("{{<layout}}{{$content}}{{#hasRows}}{{name}}{{/hasRows}}{{/content}}{{/layout}}") == nil)
        var repeated = Self.casePages
        repeated.text = repeated.text.replacingOccurrences(of: "let name: String", with: "let title: String")
        #expect(
            Self.typedError("x", pages: repeated)
                == "Pages/Pages.swift:5:1: error: 'Page' has the field 'title', which Layout has too; the layout's"
                + " would hide it: rename or remove it")
        var badType = Self.casePages
        badType.text = badType.text.replacingOccurrences(of: "let cell: String", with: "let cell: Double")
        #expect(
            Self.typedError("x", pages: badType)
                == "Pages/Pages.swift:13:1: error: 'Row.cell' has the type 'Double', which templates cannot read; use"
                + " String, HTML, Bool, Int, [T], T? or a struct declared in a Pages/ folder")
    }

    /// An inverted section over an optional tests it with `!= nil`: binding it with `if let` left a
    /// name the compiler warned was never used, on every build. A section that reads it binds it.
    @Test func anInvertedSectionOverAnOptionalBindsNoUnusedName() throws {
        var pages = Self.casePages
        pages.text = pages.text.replacingOccurrences(of: "var note: String = \"\"", with: "var extra: Row?")
        func generated(_ page: String) throws -> [String] {
            let layout = TemplateCompiler.Source(
                name: "layout", path: "templates/layout.mustache", text: "<t>{{title}}</t>{{$content}}{{/content}}")
            let source = try TemplateCompiler.compile(
                [layout, .init(name: "page", path: "templates/page.mustache", text: page)], pages: [pages],
                enumName: "T")
            return source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.contains("page.extra") }
        }
        #expect(
            try generated("{{<layout}}{{$content}}{{^extra}}none{{/extra}}{{/content}}{{/layout}}") == [
                "if page.extra != nil {"
            ])
        #expect(
            try generated("{{<layout}}{{$content}}{{#extra}}[{{cell}}]{{/extra}}{{/content}}{{/layout}}") == [
                "if let v1 = page.extra {"
            ])
    }

    static func error(_ text: String) -> String? {
        do {
            _ = try TemplateCompiler.compile(
                [.init(name: "page", path: "templates/page.mustache", text: text)], enumName: "T")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anUnsupportedConstructIsAnErrorAtItsLine() {
        #expect(
            Self.error("<p>\n  x {{=<% %>=}}\n")
                == "templates/page.mustache:2:5: error: changing the delimiters ('{{=<% %>=}}') is not in the subset"
                + " the built-in templates compile; keep '{{' and '}}'")
        #expect(
            Self.error("a\nb\n{{#x}}{{upper(name)}}{{/x}}")?.hasPrefix(
                "templates/page.mustache:3:7: error: 'upper(name)' applies a transform") == true)
        #expect(Self.error("{{>*dynamic}}")?.hasPrefix("templates/page.mustache:1:1: error: a dynamic partial") == true)
        #expect(
            Self.error("\n\n  {{>page}}\n")?.hasPrefix(
                "templates/page.mustache:3:3: error: an indented standalone partial") == true)
        #expect(
            Self.error("<p>{{>nowhere}}</p>")
                == "templates/page.mustache:1:4: error: there is no template 'nowhere' (nowhere.mustache) in the templates folder"
        )
        #expect(
            Self.error("{{#a}}\n{{/b}}")?.hasPrefix(
                "templates/page.mustache:2:1: error: '{{/b}}' closes no open section") == true)
        #expect(Self.error("{{#a}}\nx") == "templates/page.mustache:2:2: error: 'a' is not closed: add '{{/a}}'")
        #expect(
            Self.error("{{a..b}}")?.hasPrefix("templates/page.mustache:1:1: error: 'a..b' has an empty part") == true)
        #expect(Self.error("{{%CONTENT_TYPE:TEXT}}")?.hasPrefix("templates/page.mustache:1:1: error: a pragma") == true)
        #expect(Self.error("<p>{{#a}}{{.}}{{/a}}</p>") == nil)
    }

    /// The tool itself: the build runs it on templates/, and a bad template stops the build with the message.
    static func builtIn() throws -> [TemplateCompiler.Source] {
        let folder = repository.appendingPathComponent("templates")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".mustache") }
            .map { name in
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return .init(name: String(name.dropLast(".mustache".count)), path: "templates/" + name, text: text)
            }
    }

    /// The built-in page structs, as the build hands them to the compiler.
    static func builtInPages() throws -> [TemplateCompiler.Source] {
        let folder = repository.appendingPathComponent("Sources/BearingsRendering/Rendering/Pages")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".swift") }
            .map { name in
                let path = folder.appendingPathComponent(name).path
                return .init(name: name, path: path, text: try String(contentsOfFile: path, encoding: .utf8))
            }
    }

    /// The function a generated file holds for `template`.
    static func function(_ source: String, _ template: String) -> String {
        guard
            let start = source.range(of: "    /// templates/\(template).mustache\n")
                ?? source.range(of: "    /// templates/\(template).mustache, over ")
        else { return "" }
        let rest = source[start.upperBound...]
        let end = rest.range(of: "\n    }\n")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Regeneration: a copy of the built-in templates with one line added to decision.mustache
    /// compiles to a decision page that writes the line, and to the same code for every other page;
    /// no Swift is edited. (The build does the same with templates/ itself whenever a file changes:
    /// the plugin lists every file of the folder as an input of the command.)
    @Test func anEditedBuiltInTemplateChangesItsPageWithNoSwiftEdit() throws {
        let original = try Self.builtIn()
        let edited = original.map { source in
            var source = source
            if source.name == "decision" {
                source.text = source.text.replacingOccurrences(
                    of: "<dl class=\"facts\">\n",
                    with: "<p class=\"edited\">Edited: {{title}}</p>\n<dl class=\"facts\">\n")
            }
            return source
        }
        #expect(edited.map(\.text) != original.map(\.text))
        let pages = try Self.builtInPages()
        let before = try TemplateCompiler.compile(original, pages: pages, enumName: "BuiltInTemplates")
        let after = try TemplateCompiler.compile(edited, pages: pages, enumName: "BuiltInTemplates")
        let decisionBefore = Self.function(before, "decision")
        let decisionAfter = Self.function(after, "decision")
        #expect(decisionBefore.contains("static func t1_decision(_ page: DecisionPage, _ layout: PageLayout,"))
        #expect(!decisionBefore.contains("class=\\\"edited\\\""))
        // The decision page's title is the layout's: read from the struct, with no lookup by name.
        #expect(
            decisionAfter.contains(
                "<p class=\\\"edited\\\">Edited: \")\n        out.appendEscaped(layout.title)\n"))
        for name in ["decisions", "metric", "index", "snapshot", "snapshots", "principles", "trends", "404"] {
            #expect(!Self.function(before, name).isEmpty)
            #expect(Self.function(before, name) == Self.function(after, name), "\(name) unchanged")
        }
    }

    /// What the build compiled is templates/ as it is now: every built-in template is compiled, and
    /// no other.
    @Test func theBuildCompiledEveryBuiltInTemplate() throws {
        #expect(BuiltInTemplates.uses.keys.sorted() == (try Self.builtIn()).map(\.name).sorted())
        #expect(BuiltInTemplates.uses["decision"] == ["layout"])
        #expect(BuiltInTemplates.uses["index"] == ["decision-item", "layout", "standing-row"])
    }
}
