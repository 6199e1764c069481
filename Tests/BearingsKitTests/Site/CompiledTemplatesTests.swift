import Foundation
import Testing

@testable import BearingsKit

/// The Swift versions of the built-in layout, decision and snapshot templates render every page
/// exactly as swift-mustache renders the templates themselves (which it still does for a
/// `--templates` folder that replaces them).
@Suite struct CompiledTemplatesTests {
    static let fixtures = siteFixtures.deletingLastPathComponent()
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A templates folder holding the built-in templates unchanged: it makes every page go through
    /// swift-mustache.
    static func mustacheFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-compiled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["layout", "decision-item"] + CompiledTemplates.pages.keys.sorted() {
            let text = try #require(EmbeddedTemplates.files["\(name).mustache"])
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).mustache"))
        }
        return folder.path
    }

    static func plan(_ load: LoadOptions, templates: String?, sourceDateEpoch: Int? = nil) throws -> SitePlan {
        let result = try SiteBuilder.plan(
            BuildOptions(load: load, templates: templates, sourceDateEpoch: sourceDateEpoch))
        return try #require(result.plan, "\(result.diagnostics.filter { $0.severity == .error })")
    }

    static func expectSamePages(_ load: LoadOptions, _ name: String, sourceDateEpoch: Int? = nil) throws {
        let compiled = try plan(load, templates: nil, sourceDateEpoch: sourceDateEpoch)
        let folder = try mustacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mustache = try plan(load, templates: folder, sourceDateEpoch: sourceDateEpoch)
        #expect(compiled.paths == mustache.paths)
        var pages = 0
        for path in compiled.paths where path.hasSuffix(".html") {
            pages += 1
            let got = String(decoding: compiled.files[path] ?? [], as: UTF8.self)
            let want = String(decoding: mustache.files[path] ?? [], as: UTF8.self)
            if got != want {
                Issue.record(Comment(rawValue: lineDiff(expected: want, actual: got, name: "\(name): \(path)")))
            }
        }
        #expect(pages > 0, "\(name) has pages")
    }

    @Test(arguments: [
        "sites/minimal/data", "sites/small/data", "sites/truth/data", "sites/xss/data", "real/data", "real-warts/data",
        "real-stops/data",
    ])
    func fixturePagesAreTheSameEitherWay(_ data: String) throws {
        try Self.expectSamePages(LoadOptions(dataDirectory: Self.fixtures.appendingPathComponent(data).path), data)
    }

    @Test func theExampleReportsPagesAreTheSameEitherWay() throws {
        try Self.expectSamePages(
            LoadOptions(dataDirectory: Self.repository.appendingPathComponent("data").path), "data")
    }

    /// Imported records: unnumbered ones, relations in their status, supersession both ways.
    @Test(arguments: [
        "accenture-rig", "alphagov-forms", "backstage-2020", "backstage-adr", "backstage-beps",
        "dfe-buy-for-your-school", "jabref-decisions", "pmd-decisions", "pyazul-madr3", "sciety-adr",
        "socorro-log4brains", "tensorflow-rfcs", "vsecm-zola",
    ])
    func importedDecisionPagesAreTheSameEitherWay(_ folder: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-compiled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("---\nname: Example\nid: example\n---\n".utf8).write(to: data.appendingPathComponent("project.md"))
        let decisions = Self.fixtures.appendingPathComponent("adr-corpora/\(folder)").path
        try Self.expectSamePages(LoadOptions(dataDirectory: data.path, decisionsDirectory: decisions), folder)
    }

    /// What no fixture shows: a metric without values, a principle no decision serves, a decision
    /// that serves none, an unnumbered decision superseded by a numbered one, the build time.
    @Test func branchesNoFixtureReachesAreTheSameEitherWay() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-compiled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "project.md": "---\nname: Example\nid: example\ncompetitors:\n  other: Other\n---\n",
            "principles.md": "## Served\n\nYes.\n\n## Unserved\n\nNo one serves this.\n",
            "metrics/empty.md": "---\nname: Nothing yet\nkind: usage\n---\nNot measured so far.\n",
            "metrics/users.md": "---\nname: Users\nkind: usage\nunit: people\n---\nUsers.\n",
            "snapshots/2024-01-01.md":
                "---\ndate: 2024-01-01\n---\n| metric | example | other |\n|---|---|---|\n| users | 5 | 7 |\n",
            "decisions/0001-first.md":
                "---\ntitle: First\ndate: 2023-06-01\nstatus: superseded\nsuperseded_by: later\nwatch: [users]\n"
                + "tags: [a, b]\ndeciders: [Ann]\n---\nText.\n",
            "decisions/later.md":
                "---\ntitle: Later\ndate: 2023-09-01\nstatus: accepted\nprinciples: [served]\n---\nText.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent("data/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let load = LoadOptions(dataDirectory: root.appendingPathComponent("data").path)
        let site = try Self.plan(load, templates: nil, sourceDateEpoch: 1_717_000_000)
        let pages = site.files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for shown in [
            "No values have been recorded", "No decision serves this principle", "Decisions that cite no principle",
            "Built <time", "<dt>Tags</dt>", "<dt>Deciders</dt>", "Superseded by</dt>",
        ] {
            #expect(pages.contains(shown), "the site shows \(shown)")
        }
        try Self.expectSamePages(load, "branches", sourceDateEpoch: 1_717_000_000)
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
}
