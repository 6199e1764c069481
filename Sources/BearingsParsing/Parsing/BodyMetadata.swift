import BearingsModel

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

    /// Keys read from lines, bullets and table cells, with the field each one fills, in the
    /// languages records are written in (documented in docs/reference.md).
    static let keys: [String: String] = {
        var keys: [String: String] = [:]
        let groups: [(String, [String])] = [
            (
                "status",
                [
                    "status", "state", "current status", "decision status", "adr status", "状态", "狀態", "状態",
                    "ステータス", "상태", "estado", "estatus", "statut", "état", "stand", "situação", "situacao",
                ]
            ),
            (
                "date",
                [
                    "date", "decision date", "date of decision", "decided", "decided on", "日期", "时间", "日付",
                    "날짜", "일자", "data", "datum", "fecha", "date de décision",
                ]
            ),
            ("created", ["created", "created on", "creation date", "start date", "start-date", "proposed on"]),
            (
                "updated",
                [
                    "updated", "last updated", "last modified", "last update", "atualização", "atualizacao",
                    "aktualisiert", "actualizado", "mis à jour",
                ]
            ),
            ("deciders", ["deciders", "decision-makers", "decision makers", "决策者", "entscheider"]),
            ("tags", ["tags"]),
            ("superseded by", ["superseded by", "superseded-by", "superceded by", "replaced by"]),
        ]
        for (field, names) in groups { for name in names { keys[name] = field } }
        return keys
    }()

    /// Names of the section that holds a record's status (`## Status`, `## 状态`, `## Estado`).
    static let statusSections: Set<String> = [
        "status", "状态", "狀態", "状態", "ステータス", "상태", "estado", "statut", "decision status",
        "current status",
    ]

    /// Names of a section that lists dated steps (`- Accepted: 2023-01-10`).
    static let timelineSections: Set<String> = [
        "timeline", "history", "status history", "change history", "changelog", "change log", "revisions",
    ]

    /// The successor a `Superseded by:` bullet names (link target, or the words written).
    var supersededBy: Field?

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
            case "superseded by":
                if supersededBy == nil {
                    let target = links.first?.target ?? value
                    supersededBy = Field(text: target, location: at)
                }
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
        if status == nil || date == nil, let steps = Self.timeline(blocks, path: path) {
            if status == nil { status = steps.status }
            if date == nil { date = steps.date }
        }
        // "Superseded by [ADR015: …](…)." — the full stop ends the sentence; it is not part of the status.
        if let text = status?.text, text.hasSuffix("."), !text.hasSuffix("..") {
            status?.text = String(text.dropLast()).trimmingWhitespace
        }
    }

    /// adr-tools: the first line of the first paragraph under `## Status` (inside a quote too) is the
    /// status, or the ticked item of a task list (`- [ ] Proposed`, `- [x] Accepted`); the links
    /// of every paragraph of the section are kept. When lines of the section start
    /// with a date (`2017-11-22 提议`, then `2017-11-26 完成`), they are the record's history and the
    /// newest is the status, written without its date.
    static func statusSection(_ blocks: [MarkdownBlock], path: String) -> Field? {
        guard
            let heading = blocks.firstIndex(where: {
                if case .heading(let level) = $0.node.kind, level >= 2, level <= 3 {
                    return statusSections.contains(normalisedKey($0.node.plainText))
                }
                return false
            })
        else { return nil }
        var links: [Decision.StatusLink] = []
        var first: Line?
        var dated: [(day: Day, line: Line)] = []
        var index = heading + 1
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .paragraph:
                let lines = lines(of: node)
                if first == nil { first = lines.first }
                for line in lines {
                    if let (day, rest) = datedLine(line.text) {
                        dated.append((day, Line(text: rest, line: line.line, column: line.column)))
                    }
                }
                links += StatusText.links(in: node)
            case .item(checked: true):
                // A task list of the template's statuses, one ticked: "- [x] Accepted".
                let before = first
                first = nil
                node.children.forEach(visit)
                if checked == nil { checked = first }
                first = before ?? first
            case .blockQuote, .list, .item:
                node.children.forEach(visit)
            default: break
            }
        }
        var checked: Line?
        while index < blocks.count, !isHeading(blocks[index].node) {
            visit(blocks[index].node)
            index += 1
        }
        if let checked { first = checked }
        // A status word as the first line ("Accepted", then "2021-03-04: reviewed") is the status.
        let firstIsStatus = first.map { datedLine($0.text) == nil && StatusText.status(of: $0.text) != nil } ?? false
        if !firstIsStatus,
            let newest = dated.enumerated().max(by: { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) })
        {
            return Field(text: newest.element.line.text, location: newest.element.line.location(path), links: links)
        }
        guard let first, !first.text.isEmpty else { return nil }
        return Field(text: first.text, location: first.location(path), links: links)
    }

    /// "2017-11-26 已完成", "2017-11-26: Accepted" → the day and the words after it.
    static func datedLine(_ text: String) -> (Day, String)? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 10, let day = Day(iso: String(String.UnicodeScalarView(scalars[..<10]))) else {
            return nil
        }
        var rest = String(String.UnicodeScalarView(scalars[10...])).trimmingWhitespace
        while let first = rest.first, ":：-–—,".contains(first) { rest = String(rest.dropFirst()).trimmingWhitespace }
        return rest.isEmpty ? nil : (day, rest)
    }

    /// A `## Timeline` list of steps (`- Proposed: 2023-01-02`, `- Accepted: 2023-01-10`): the
    /// newest step is the status, and its day the record's date.
    static func timeline(_ blocks: [MarkdownBlock], path: String) -> (status: Field, date: Field)? {
        guard
            let heading = blocks.firstIndex(where: {
                if case .heading(let level) = $0.node.kind, level >= 2, level <= 3 {
                    return timelineSections.contains(normalisedKey($0.node.plainText))
                }
                return false
            })
        else { return nil }
        var steps: [(day: Day, word: Line, date: Line)] = []
        var index = heading + 1
        while index < blocks.count, !isHeading(blocks[index].node) {
            let node = blocks[index].node
            index += 1
            guard case .list = node.kind else { continue }
            for item in node.children {
                guard let paragraph = item.children.first, paragraph.kind == .paragraph,
                    let line = lines(of: paragraph).first
                else { continue }
                if let colon = line.text.firstIndex(where: { $0 == ":" || $0 == "：" }) {
                    let word = String(line.text[..<colon]).trimmingWhitespace
                    let value = String(line.text[line.text.index(after: colon)...]).trimmingWhitespace
                    if StatusText.status(of: word) != nil, let reading = DateText.read(value) {
                        steps.append((reading.day, Line(text: word, line: line.line, column: line.column), line))
                        continue
                    }
                }
                if let (day, rest) = datedLine(line.text), StatusText.status(of: rest) != nil {
                    steps.append((day, Line(text: rest, line: line.line, column: line.column), line))
                }
            }
        }
        guard let newest = steps.enumerated().max(by: { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) })
        else { return nil }
        let step = newest.element
        return (
            Field(text: step.word.text, location: step.word.location(path)),
            Field(text: step.day.description, location: step.date.location(path))
        )
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
        while key.hasSuffix(":") || key.hasSuffix("：") { key = String(key.dropLast()).trimmingWhitespace }
        return key
    }

    /// "Status: accepted" → ("status", "accepted"), "日期：2017/11/22" (a full-width colon) too, and
    /// "Date 09/04/2018" (no colon, a digit after the key); keys other than the known ones → nil.
    static func keyValue(_ text: String) -> (String, String)? {
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }),
            let key = keys[normalisedKey(String(text[..<colon]))]
        {
            let value = String(text[text.index(after: colon)...]).trimmingWhitespace
            return value.isEmpty ? nil : (key, value)
        }
        // "Date 09/04/2018": a date key, a space, then the date.
        guard let space = text.firstIndex(of: " "), keys[normalisedKey(String(text[..<space]))] == "date" else {
            return nil
        }
        let value = String(text[text.index(after: space)...]).trimmingWhitespace
        guard value.first?.isASCII == true, value.first?.isNumber == true else { return nil }
        return ("date", value)
    }

    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }
}
