/// Metadata written in a record's body rather than its front matter: MADR 2 / log4brains bullets,
/// adr-tools `Date:` lines and `## Status` sections, `**Status:**` paragraphs, `## Status: Accepted`
/// headings, RFC metadata tables and Docusaurus admonitions. Removes the MADR 2 bullet list, which
/// the page shows as facts instead.
struct BodyMetadata {
    struct Field {
        var text: String
        var location: SourceLocation
        var links: [Decision.StatusLink] = []
    }

    var status: Field?
    var date: Field?
    var deciders: [String] = []
    var tags: [String] = []
    var dialect: Decision.Dialect = .nygard

    /// Keys read from lines, bullets and table cells, with the field each one fills.
    static let keys: [String: String] = [
        "status": "status", "date": "date", "created": "created", "updated": "updated", "last updated": "updated",
        "deciders": "deciders", "decision-makers": "deciders", "decision makers": "deciders", "tags": "tags",
    ]

    init(blocks: inout [MarkdownBlock], path: String) {
        var created: Field?
        var updated: Field?
        func location(_ node: MarkdownNode) -> SourceLocation {
            SourceLocation(path: path, line: node.line, column: node.column)
        }
        func take(_ key: String, _ value: String, _ at: SourceLocation, links: [Decision.StatusLink]) {
            switch key {
            case "status": if status == nil { status = Field(text: value, location: at, links: links) }
            case "date": if date == nil { date = Field(text: value, location: at) }
            case "created": if created == nil { created = Field(text: value, location: at) }
            case "updated": if updated == nil { updated = Field(text: value, location: at) }
            case "deciders": if deciders.isEmpty { deciders = Self.commaList(value) }
            case "tags": if tags.isEmpty { tags = Self.commaList(value) }
            default: break
            }
        }
        // Only blocks before the first `## ` heading hold metadata; `## Status: Accepted` is one too.
        let firstSection =
            blocks.firstIndex(where: {
                $0.node.kind == .heading(level: 2)
                    && !$0.node.plainText.trimmingWhitespace.lowercased().hasPrefix("status:")
            }) ?? blocks.count
        var listToRemove: Int?
        var admonition: Int?
        for index in 0..<firstSection {
            let node = blocks[index].node
            switch node.kind {
            case .list:
                var isMetadata = false
                for item in node.children {
                    guard let paragraph = item.children.first, paragraph.kind == .paragraph else { continue }
                    for line in Self.lines(of: paragraph) {
                        guard let (key, value) = Self.keyValue(line.text) else { continue }
                        isMetadata = true
                        take(key, value, line.location(path), links: StatusText.links(in: paragraph))
                    }
                }
                if isMetadata, listToRemove == nil {
                    listToRemove = index
                    dialect = .madr2
                }
            case .paragraph:
                // adr-tools writes "Date: 2017-06-30" as its own paragraph under the title; others
                // "**Status:** Accepted", or "Date: …" and "Status: …" on two lines of one paragraph.
                let lines = Self.lines(of: node)
                if let first = lines.first, first.text.hasPrefix(":::") {
                    // A Docusaurus admonition titled with a status: ":::note Superseded".
                    let title = first.text.drop(while: { $0 != " " }).trimmingWhitespace
                    if !title.isEmpty, StatusText.interpret(title, links: []).status != nil, status == nil {
                        status = Field(text: title, location: first.location(path))
                        admonition = index
                    }
                    continue
                }
                for line in lines {
                    guard let (key, value) = Self.keyValue(line.text) else { continue }
                    take(key, value, line.location(path), links: StatusText.links(in: node))
                }
            case .table:
                Self.readTable(node, path: path, take: take)
            case .heading(level: 2):
                let text = node.plainText.trimmingWhitespace
                if let (key, value) = Self.keyValue(text), key == "status" {
                    take(key, value, location(node), links: [])
                }
            default: break
            }
        }
        if let index = admonition {
            // The admonition's links ("superseded by [ADR014](…)") up to its closing ":::".
            var next = index + 1
            while next < blocks.count, status != nil {
                let node = blocks[next].node
                if node.kind == .paragraph, node.plainText.trimmingWhitespace == ":::" { break }
                status?.links += StatusText.links(in: node.kind == .paragraph ? node : nil)
                next += 1
            }
        }
        if let index = listToRemove { blocks.remove(at: index) }
        if date == nil { date = created ?? updated }
        if status == nil, let section = Self.statusSection(blocks, path: path) { status = section }
        // "Superseded by [ADR015: …](…)." — the full stop ends the sentence; it is not part of the status.
        if let text = status?.text, text.hasSuffix("."), !text.hasSuffix("..") {
            status?.text = String(text.dropLast()).trimmingWhitespace
        }
    }

    /// adr-tools: the first line of the first paragraph under `## Status` (inside a quote too) is the
    /// status; the links of every paragraph of the section are kept.
    static func statusSection(_ blocks: [MarkdownBlock], path: String) -> Field? {
        guard
            let heading = blocks.firstIndex(where: {
                if case .heading(let level) = $0.node.kind, level >= 2, level <= 3 {
                    return $0.node.plainText.trimmingWhitespace.lowercased() == "status"
                }
                return false
            })
        else { return nil }
        var links: [Decision.StatusLink] = []
        var first: Line?
        var index = heading + 1
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .paragraph:
                if first == nil { first = lines(of: node).first }
                links += StatusText.links(in: node)
            case .blockQuote, .list, .item:
                node.children.forEach(visit)
            default: break
            }
        }
        while index < blocks.count, !isHeading(blocks[index].node) {
            visit(blocks[index].node)
            index += 1
        }
        guard let first, !first.text.isEmpty else { return nil }
        return Field(text: first.text, location: first.location(path), links: links)
    }

    /// Metadata tables: `| Status | Accepted |` rows (TensorFlow RFCs), or a header row of keys over
    /// a row of values (`| Created | Status |` / `| 2020-05-17 | Open |`).
    private static func readTable(
        _ table: MarkdownNode, path: String, take: (String, String, SourceLocation, [Decision.StatusLink]) -> Void
    ) {
        let rows = table.children.map { row in
            row.children.map { cell in
                (
                    text: cell.plainText.trimmingWhitespace,
                    location: SourceLocation(path: path, line: cell.line, column: cell.column)
                )
            }
        }
        guard let header = rows.first else { return }
        let headerKeys = header.map { keys[normalisedKey($0.text)] }
        if header.count == 2, headerKeys[0] != nil, headerKeys[1] == nil {
            for row in rows where row.count >= 2 {
                if let key = keys[normalisedKey(row[0].text)], !row[1].text.isEmpty {
                    take(key, row[1].text, row[1].location, [])
                }
            }
        } else if headerKeys.contains(where: { $0 != nil }), rows.count > 1 {
            for (column, key) in headerKeys.enumerated() {
                guard let key, column < rows[1].count, !rows[1][column].text.isEmpty else { continue }
                take(key, rows[1][column].text, rows[1][column].location, [])
            }
        }
    }

    /// One line of a paragraph: its text without markup and where it starts.
    struct Line {
        var text: String
        var line: Int
        var column: Int

        func location(_ path: String) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }
    }

    /// A paragraph cut at its line breaks, so "Date: 2020-01-01" and "Status: Accepted" on the next
    /// line are two lines, not the date "2020-01-01 Status: Accepted".
    static func lines(of paragraph: MarkdownNode) -> [Line] {
        var result: [Line] = []
        var text = ""
        var line = paragraph.line, column = paragraph.column
        func flush() {
            let trimmed = text.trimmingWhitespace
            if !trimmed.isEmpty { result.append(Line(text: trimmed, line: line, column: column)) }
            text = ""
        }
        func walk(_ node: MarkdownNode) {
            for child in node.children {
                switch child.kind {
                case .softBreak, .lineBreak:
                    flush()
                    line += 1
                    column = 1
                case .emphasis, .strong, .strikethrough, .link:
                    walk(child)
                default:
                    text += child.plainText
                }
            }
        }
        walk(paragraph)
        flush()
        return result
    }

    static func isHeading(_ node: MarkdownNode) -> Bool {
        if case .heading = node.kind { return true }
        return false
    }

    /// "Status", "**Created**", "Status:" → "status", "created".
    static func normalisedKey(_ text: String) -> String {
        var key = text.trimmingWhitespace.lowercased()
        while key.hasSuffix(":") { key = String(key.dropLast()).trimmingWhitespace }
        return key
    }

    /// "Status: accepted" → ("status", "accepted"); keys other than the known ones → nil.
    static func keyValue(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        guard let key = keys[normalisedKey(String(text[..<colon]))] else { return nil }
        let value = String(text[text.index(after: colon)...]).trimmingWhitespace
        guard !value.isEmpty else { return nil }
        return (key, value)
    }

    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }
}
