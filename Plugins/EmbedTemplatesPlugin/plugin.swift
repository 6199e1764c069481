import Foundation
import PackagePlugin

/// Compiles a templates folder into the target as Swift source: for BearingsRendering the package's
/// top-level `templates/` (embedded as text, and compiled into `BuiltInTemplates`); for a test
/// target its own `TemplateCases/` folder (compiled into `CaseTemplates`, for the compiler's tests).
/// The Swift files of the target under a `Pages/` folder declare the page structs the templates
/// are compiled against (see `PageType` in Sources/TemplateCompiler); they are inputs too, so an
/// edited struct compiles its templates again. The generated file is written in the plugin's work
/// folder, never in Sources.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let isTest = (target as? SourceModuleTarget)?.kind == .test
        let templates =
            isTest
            ? context.package.directoryURL.appending(path: "Tests/\(target.name)/TemplateCases")
            : context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(
            path: isTest ? "CaseTemplates.swift" : "EmbeddedTemplates.swift")
        let inputs =
            (FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath }
            .sorted { $0.path < $1.path }
        let pages = ((target as? SourceModuleTarget)?.sourceFiles(withSuffix: "swift").map(\.url) ?? [])
            .filter { $0.pathComponents.contains("Pages") }
            .sorted { $0.path < $1.path }
        var options = isTest ? ["--enum", "CaseTemplates", "--testable-import", "BearingsRendering", "--no-embed"] : []
        for page in pages { options += ["--pages", page.path] }
        return [
            .buildCommand(
                displayName: isTest ? "Compiling the template cases" : "Embedding and compiling templates",
                executable: try context.tool(named: "EmbedTemplates").url,
                arguments: [templates.path, output.path] + options,
                inputFiles: inputs + pages,
                outputFiles: [output]
            )
        ]
    }
}
