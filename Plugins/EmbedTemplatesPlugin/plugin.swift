import Foundation
import PackagePlugin

/// Compiles a templates folder into the target as Swift source: for BearingsKit the package's
/// top-level `templates/` (embedded as text, and compiled into `BuiltInTemplates`); for a test
/// target its own `TemplateCases/` folder (compiled into `CaseTemplates`, for the compiler's tests).
/// The generated file is written in the plugin's work folder, never in Sources.
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
        let options = isTest ? ["--enum", "CaseTemplates", "--testable-import", "BearingsKit", "--no-embed"] : []
        return [
            .buildCommand(
                displayName: isTest ? "Compiling the template cases" : "Embedding and compiling templates",
                executable: try context.tool(named: "EmbedTemplates").url,
                arguments: [templates.path, output.path] + options,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
