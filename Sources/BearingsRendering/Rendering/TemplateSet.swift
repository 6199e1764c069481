import BearingsLoading
import BearingsModel
import Foundation
import Mustache

/// The templates a build renders with: the built-in ones, each replaceable by a file of the same
/// name in a templates folder.
public struct TemplateSet: Sendable {
    /// A template that does not parse, or a folder that cannot be read.
    public struct LoadError: Error, Equatable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// Why.
        public var reason: String
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    let library: MustacheLibrary
    /// The templates a `--templates` folder replaced with a different text, by name (`decision`, `layout`).
    let replaced: Set<String>
    /// Non-template files (the stylesheet), by path under `assets/`.
    let assets: [String: String]

    /// The built-in templates with the files of `overrides` (if any) in their place.
    public init(overrides directory: String? = nil) throws(LoadError) {
        var files = EmbeddedTemplates.files
        var replaced = Set<String>()
        if let directory {
            let base = URL(fileURLWithPath: directory, isDirectory: true)
            let folder = InputFolder(directory, name: "templates folder")
            guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
                throw LoadError(path: directory, reason: "the templates folder cannot be read")
            }
            let names = enumerator.compactMap { $0 as? String }.sorted()
            for name in names where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let url = base.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                else { continue }
                // The one rule of `InputFolder`: a link that leads out of the folder or to a hidden file is refused.
                let verdict = folder.verdict(of: DataLoader.join(directory, name))
                if verdict == .outside || verdict == .hidden {
                    let place = verdict == .outside ? "leads outside the templates folder" : "leads to a hidden file"
                    throw LoadError(
                        path: DataLoader.join(directory, name),
                        reason: "is a symbolic link that \(place); Bearings reads only the files inside the folder")
                }
                guard let data = FileManager.default.contents(atPath: url.path),
                    let text = String(data: data, encoding: .utf8)
                else { throw LoadError(path: DataLoader.join(directory, name), reason: "cannot be read as UTF-8 text") }
                // A file equal to the built-in one replaces nothing: a checkout's own templates/,
                // which `bearings` takes as the templates folder when run inside the repository,
                // renders the same pages, as fast (compiled).
                if name.hasSuffix(".mustache"), files[name] != text {
                    replaced.insert(String(name.dropLast(".mustache".count)))
                }
                files[name] = text
            }
        }
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            if name.hasSuffix(".mustache") {
                do {
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } catch {
                    throw LoadError(
                        path: directory.map { DataLoader.join($0, name) } ?? "templates/\(name)", reason: "\(error)")
                }
            } else if name.hasPrefix("assets/") {
                assets[name] = text
            }
        }
        self.library = library
        self.replaced = replaced
        self.assets = assets
    }

    /// Renders a page struct inside the layout: its compiled template, or, when a templates folder
    /// replaced it (or the layout, or a partial it uses), swift-mustache over the same structs.
    /// The page's UTF-8 is appended to `out`; swift-mustache's `String` is converted once.
    func render<Page: CompiledPage>(_ page: Page, layout: Page.Layout, into out: inout ByteBuffer) {
        if isCompiled(Page.template) {
            page.render(layout: layout, into: &out)
            return
        }
        out.append(library.render(PageContext(page: page, layout: layout), withTemplate: Page.template) ?? "")
    }

    /// Whether the page `name` is rendered by its compiled version (`BuiltInTemplates`): it is a
    /// built-in template, and neither it nor a template it uses (layout, partials) was replaced.
    func isCompiled(_ name: String) -> Bool {
        guard let uses = BuiltInTemplates.uses[name] else { return false }
        return ([name] + uses).allSatisfy { !replaced.contains($0) }
    }
}
