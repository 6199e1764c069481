import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsRendering

/// The built-in templates are compiled (`BuiltInTemplates`, from templates/ at build time); a
/// `--templates` folder that replaces one of them, or a partial or layout it uses, is rendered by
/// swift-mustache. The compiler's own tests are `TemplateCompilerTests`.
@Suite struct CompiledTemplatesTests {
    static func plan(_ load: LoadOptions, templates: String?) throws -> SitePlan {
        let result = try SiteBuilder.plan(BuildOptions(load: load, templates: templates))
        return try #require(result.plan, "\(result.diagnostics.filter { $0.severity == .error })")
    }

    /// A replaced template takes effect, on its pages and on those whose partial it is, and the
    /// pages it does not concern stay as they were.
    @Test func aReplacedTemplateOrPartialIsWhatRendersItsPages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-replaced-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let decision = try #require(EmbeddedTemplates.files["decision.mustache"])
        try Data(
            decision.replacingOccurrences(
                of: "<dl class=\"facts\">", with: "<p>replaced decision</p>\n<dl class=\"facts\">"
            ).utf8
        )
        .write(to: folder.appendingPathComponent("decision.mustache"))
        let item = try #require(EmbeddedTemplates.files["decision-item.mustache"])
        try Data(("<i>item</i>" + item).utf8).write(to: folder.appendingPathComponent("decision-item.mustache"))
        let load = LoadOptions(dataDirectory: siteFixtures.appendingPathComponent("small/data").path)
        let builtIn = try Self.plan(load, templates: nil)
        let replaced = try Self.plan(load, templates: folder.path)
        func page(_ plan: SitePlan, _ path: String) -> String {
            String(decoding: plan.files[path] ?? [], as: UTF8.self)
        }
        let decisionPages = builtIn.paths.filter { $0.hasPrefix("decisions/") && $0.hasSuffix(".html") }
        #expect(!decisionPages.isEmpty)
        for path in decisionPages {
            // The one line added, and nothing else changed.
            let expected = page(builtIn, path).replacingOccurrences(
                of: "<dl class=\"facts\">", with: "<p>replaced decision</p>\n<dl class=\"facts\">")
            #expect(page(replaced, path) == expected)
            #expect(expected != page(builtIn, path))
        }
        for path in ["decisions.html", "principles.html", "index.html"] {
            #expect(page(replaced, path).contains("<i>item</i>"), "\(path) uses the partial")
        }
        for path in builtIn.paths where path.hasPrefix("snapshots/") || path.hasPrefix("metrics/") {
            // The metric pages use the partial too (decisions that watch the metric), when they list any.
            guard !page(builtIn, path).contains("decision-list") else { continue }
            #expect(page(replaced, path) == page(builtIn, path), "\(path) is not concerned")
        }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A `--templates` decision page reads the page struct by the names docs/reference.md gives:
    /// the page's fields, a list's `hasItems`, an item's fields inside its section, and the
    /// layout's values. Expected values read by hand from the small fixture's data.
    @Test func anOverrideReadsThePageStructByTheDocumentedNames() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            ("{{title}}|{{label}}|{{status}}|{{#hasPrinciples}}{{#principles}}{{title}}{{separator}};{{/principles}}"
                + "{{/hasPrinciples}}|{{#hasWatched}}{{#watched}}{{name}}: {{then}};{{/watched}}{{/hasWatched}}"
                + "|{{#supersededBy}}{{label}} {{title}}{{/supersededBy}}|{{^hasTags}}no tags{{/hasTags}}"
                + "|{{projectName}}|{{root}}|{{pageURL}}\n").utf8
        ).write(to: folder.appendingPathComponent("decision.mustache"))
        let load = LoadOptions(dataDirectory: siteFixtures.appendingPathComponent("small/data").path)
        let plan = try Self.plan(load, templates: folder.path)
        func page(_ path: String) -> String { String(decoding: plan.files[path] ?? [], as: UTF8.self) }
        #expect(
            page("decisions/0001-users-first.html")
                == "Serve only command-line users|0001|superseded|Users first;|Monthly downloads: 1,200 downloads;"
                + "|0002 Move formats into plugins|no tags|Widget|../"
                + "|https://example.org/report/decisions/0001-users-first.html\n")
        #expect(
            page("decisions/0003-docs.html")
                == "Write a tutorial|0003|proposed|Users first;|||no tags|Widget|../"
                + "|https://example.org/report/decisions/0003-docs.html\n")
    }

    /// A templates folder whose files equal the built-in ones (a checkout's own templates/, which
    /// `bearings` takes as the templates folder when run inside the repository) replaces nothing:
    /// every page is still rendered by its compiled template, to the same bytes.
    @Test func aFolderEqualToTheBuiltInsRendersCompiledAndTheSame() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in EmbeddedTemplates.files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let set = try TemplateSet(overrides: folder.path)
        #expect(set.replaced.isEmpty)
        for name in [
            "decision", "decisions", "index", "metric", "principles", "snapshot", "snapshots", "trends", "404",
        ] {
            #expect(set.isCompiled(name), "\(name) is compiled")
        }
        // One file that differs is replaced, and only it.
        try Data("<p>{{title}}</p>\n".utf8).write(to: folder.appendingPathComponent("snapshot.mustache"))
        let changed = try TemplateSet(overrides: folder.path)
        #expect(changed.replaced == ["snapshot"])
        #expect(!changed.isCompiled("snapshot") && changed.isCompiled("decision"))
        let load = LoadOptions(dataDirectory: siteFixtures.appendingPathComponent("small/data").path)
        try Data(try #require(EmbeddedTemplates.files["snapshot.mustache"]).utf8)
            .write(to: folder.appendingPathComponent("snapshot.mustache"))
        let builtIn = try Self.plan(load, templates: nil)
        let same = try Self.plan(load, templates: folder.path)
        #expect(builtIn.paths == same.paths)
        for path in builtIn.paths { #expect(builtIn.files[path] == same.files[path], "\(path)") }
    }
}
