import BearingsModel

/// Reads principles.md: each `## ` heading is a principle.
public enum PrinciplesParser {
    /// Parses principles.md.
    public static func parse(_ source: SourceText, options: MarkdownOptions = MarkdownOptions())
        -> (PrinciplesFile, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
        diagnostics += frontMatter.unknownKeys(known: [], file: "principles.md")
        let document = Markdown.parse(frontMatter.body, options: options)
        var file = PrinciplesFile(location: SourceLocation(path: source.path))
        var current: (heading: MarkdownNode, blocks: [MarkdownBlock])?
        var introduction: [MarkdownBlock] = []
        var firstByID: [String: SourceLocation] = [:]

        func finish() {
            guard let (heading, blocks) = current else { return }
            let title = heading.plainText.trimmingSpaces
            let location = SourceLocation(path: source.path, line: heading.line, column: heading.column)
            let id = Slug.make(title)
            if id.isEmpty {
                diagnostics.append(
                    .error(location, "the principle '\(title)' has no letters or digits to make an id from"))
            } else if let first = firstByID[id] {
                diagnostics.append(
                    .error(
                        location, "a principle with the id '\(id)' is already defined at line \(first.line)",
                        hint: "give each principle a heading of its own"))
            } else {
                firstByID[id] = location
                file.principles.append(
                    Principle(id: id, title: title, statement: MarkdownDocument(blocks: blocks), location: location))
            }
        }

        for block in document.blocks {
            if block.node.kind == .heading(level: 2) {
                finish()
                current = (block.node, [])
            } else if current != nil {
                current?.blocks.append(block)
            } else if block.node.kind != .heading(level: 1) {
                introduction.append(block)
            }
        }
        finish()
        file.introduction = MarkdownDocument(blocks: introduction)
        return (file, diagnostics)
    }
}
