import Foundation
import Mustache
import TemplateCompiler
import Testing

@testable import BearingsKit

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

    static func compiled(_ name: String, _ values: [String: Any]) -> String? {
        var out = ""
        guard CaseTemplates.render(name, TemplateScope(values), into: &out) else { return nil }
        return out
    }

    /// The same bytes from the compiled function and from swift-mustache (which is handed the
    /// values through `withFlags`, as `SiteRenderer` hands them).
    static func expectSame(_ name: String, _ values: [String: Any], _ label: String) throws {
        let want = try #require(library().render(SiteRenderer.withFlags(values), withTemplate: name))
        let got = try #require(compiled(name, values), "\(name) is compiled")
        #expect(got == want, "\(name), \(label)")
        #expect(!want.isEmpty)
    }

    static var full: [String: Any] {
        [
            "name": "<a & 'b'> \"c\"", "title": "Outer", "count": 3, "flag": true, "off": false, "ratio": 1.5,
            "html": HTML(svg: "<svg><text>x</text></svg>"), "blank": HTML(svg: ""), "empty": "", "text": "plain",
            "items": [
                ["name": "first", "tags": ["x", "y"]] as [String: Any],
                ["name": "second", "title": "Inner", "flag": false, "tags": [String]()],
                ["name": "", "hasTags": true],
            ],
            "noItems": [Any](),
            "object": ["name": "object's", "inner": ["name": "inner <b>"]] as [String: Any],
            "words": ["one", "<two>"],
        ]
    }

    static var sparse: [String: Any] {
        [
            "name": "", "items": [Any](), "flag": false, "html": HTML(svg: ""), "text": "", "object": [String: Any](),
            "hasItems": true, "noItems": ["listed"],
        ]
    }

    @Test(arguments: [
        "variables", "sections", "inverted", "flags", "partials", "case-item", "comments", "dotted", "case-layout",
        "inheritance", "whitespace",
    ])
    func eachConstructRendersAsSwiftMustacheDoes(_ name: String) throws {
        try Self.expectSame(name, Self.full, "full")
        try Self.expectSame(name, Self.sparse, "sparse")
        try Self.expectSame(name, [:], "empty")
    }

    /// Read by hand from sections.mustache and the data: a standalone section line is dropped with
    /// its indentation, a list renders once per item, an inner context falls back to the outer one.
    @Test func aListSectionRendersAsReadByHand() throws {
        let values: [String: Any] = ["title": "T", "items": [["name": "a"], ["name": "b", "title": "U"]]]
        let page = try #require(Self.compiled("sections", values))
        #expect(page.hasPrefix("<ul>\n  <li>a of T</li>\n  <li>b of U</li>\n</ul>\n"))
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

    /// The function a generated file holds for `template`.
    static func function(_ source: String, _ template: String) -> String {
        guard let start = source.range(of: "    /// templates/\(template).mustache\n") else { return "" }
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
        let before = try TemplateCompiler.compile(original, enumName: "BuiltInTemplates")
        let after = try TemplateCompiler.compile(edited, enumName: "BuiltInTemplates")
        let decisionBefore = Self.function(before, "decision")
        let decisionAfter = Self.function(after, "decision")
        #expect(!decisionBefore.contains("class=\\\"edited\\\""))
        #expect(decisionAfter.contains("<p class=\\\"edited\\\">Edited: \"\n        s.text(k"))
        for name in ["layout", "decisions", "metric", "index", "snapshot", "decision-item", "trends"] {
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
