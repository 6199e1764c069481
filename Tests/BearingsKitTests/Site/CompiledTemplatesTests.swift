import Foundation
import Testing

@testable import BearingsKit

/// The built-in templates are compiled (`CompiledTemplates`, from templates/ at build time); a
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
}
