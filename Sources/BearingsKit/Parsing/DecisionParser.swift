/// Reads one decision record in any of the dialects SPEC §1 accepts.
public enum DecisionParser {
    /// Whether a record is Bearings's own (data/decisions) or an existing folder read with --decisions.
    public enum Origin: Sendable {
        /// data/decisions: status, date and title are required.
        case own
        /// --decisions DIR: records written for other tools; missing metadata is a warning.
        case imported
    }

    /// The front matter keys of a decision in data/decisions. Imported records are not held to them:
    /// their own tools' keys (`decision-makers`, `consulted`, `parent`, `nav_order`, …) are theirs.
    static let keys = [
        "status", "date", "kind", "principles", "watch", "review", "superseded_by", "deciders", "tags", "expect",
        "title",
    ]

    /// Parses a decision; `id` is the file name without `.md`.
    public static func parse(
        _ source: SourceText, id: String, origin: Origin = .own, options: MarkdownOptions = MarkdownOptions()
    ) -> (Decision?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }), !frontMatter.isPresent || frontMatter.body.isEmpty {
            return (nil, diagnostics)
        }
        var fields = FieldReader(frontMatter)
        let document = Markdown.parse(frontMatter.body, options: options)
        var blocks = document.blocks
        let path = source.path
        let fileStart = SourceLocation(path: path, line: 1, column: 1)
        let missingSeverity: Diagnostic.Severity = origin == .own ? .error : .warning

        // Title: the first level-1 heading; "# 12. Title" (adr-tools) loses its number.
        var title = id
        var titleNumber: Int?
        if let index = blocks.firstIndex(where: { $0.node.kind == .heading(level: 1) }) {
            let heading = blocks[index].node
            let (number, text) = splitNumberedTitle(heading.plainText.trimmingSpaces)
            if text.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        missingSeverity, SourceLocation(path: path, line: heading.line, column: heading.column),
                        "the decision's title is empty",
                        hint: "write the title after the '# ', e.g. '# Focus on researchers first'"))
            } else {
                title = text
            }
            titleNumber = number
            blocks.remove(at: index)
        } else {
            diagnostics.append(
                Diagnostic(
                    missingSeverity, fileStart, "the decision has no title",
                    hint: "start the body with a '# ' heading, e.g. '# Focus on researchers first'"))
        }

        // Metadata from the body: MADR 2 bullets, or an adr-tools `Date:` line and `## Status` section.
        let body = BodyMetadata(blocks: &blocks, path: path)
        let hasFrontMatterStatus = frontMatter.fields["status"] != nil
        let hasFrontMatterDate = frontMatter.fields["date"] != nil

        var statusText: String?
        var statusLocation = fileStart
        var statusLinks: [Decision.StatusLink] = []
        var supersededBy: String?
        var statusIsMalformed = false  // a list or map: that error says enough
        if hasFrontMatterStatus {
            let problemsBefore = fields.diagnostics.count
            statusText = fields.string("status")
            statusIsMalformed = fields.diagnostics.count > problemsBefore
            statusLocation = frontMatter.valueLocation("status")
            if let text = statusText {
                statusLinks = StatusText.links(in: Markdown.parse(text).blocks.first?.node)
            }
        } else if let status = body.status {
            statusText = status.text
            statusLocation = status.location
            statusLinks = status.links
        }
        var status: Decision.Status?
        if let text = statusText {
            let reading = StatusText.interpret(text, links: statusLinks)
            status = reading.status
            supersededBy = reading.supersededBy
            if status == nil {
                diagnostics.append(
                    Diagnostic(
                        missingSeverity, statusLocation,
                        "unknown status '\(text)' (expected proposed, accepted, rejected, deprecated or superseded)",
                        hint: "use one of the five statuses; words such as 'approved' or 'pending' are read too"))
            }
        } else if !frontMatter.isBroken, !statusIsMalformed {
            diagnostics.append(
                Diagnostic(
                    missingSeverity, fileStart, "the decision has no status",
                    hint: "add 'status: proposed' (or accepted, rejected, deprecated, superseded) to the front matter"))
        }

        var date: Day?
        if hasFrontMatterDate {
            date = fields.day("date")
        } else if let bodyDate = body.date {
            if let day = bodyDate.day {
                date = day
            } else {
                diagnostics.append(
                    .error(
                        bodyDate.location, FieldReader.dateProblem(bodyDate.text),
                        hint: "write the date as YYYY-MM-DD, e.g. 'Date: 2019-06-30'"))
            }
        } else if !frontMatter.isBroken {
            diagnostics.append(
                Diagnostic(
                    missingSeverity, fileStart, "the decision has no date",
                    hint: "add 'date: YYYY-MM-DD' to the front matter"))
        }

        var fieldLocations: [String: SourceLocation] = [:]
        for key in ["status", "date", "principles", "watch", "superseded_by", "review", "kind"] {
            if frontMatter.fields[key] != nil { fieldLocations[key] = frontMatter.valueLocation(key) }
        }
        if fieldLocations["status"] == nil, statusText != nil { fieldLocations["status"] = statusLocation }
        if let explicit = fields.string("superseded_by") {
            supersededBy = explicit.hasSuffix(".md") ? String(explicit.dropLast(3)) : explicit
        } else if supersededBy != nil {
            fieldLocations["superseded_by"] = statusLocation
        }
        if status == .superseded, supersededBy == nil {
            diagnostics.append(
                Diagnostic(
                    missingSeverity, statusLocation, "a superseded decision must say which decision superseded it",
                    hint: "add 'superseded_by: <decision id>' to the front matter"))
        }

        let principles = fields.list("principles")
        let watch = fields.list("watch")
        for (name, items) in [("principles", principles), ("watch", watch)] {
            var seen = Set<String>()
            for (item, location) in items {
                if seen.insert(item).inserted {
                    fieldLocations["\(name)/\(item)"] = location
                } else {
                    diagnostics.append(.warning(location, "'\(item)' is listed twice in '\(name)'"))
                }
            }
        }
        let expectations = ExpectationParser.parse(frontMatter, diagnostics: &diagnostics)
        var decision = Decision(
            id: id, number: leadingNumber(id) ?? titleNumber, title: title, status: status, statusText: statusText,
            date: date, kind: fields.choice("kind", Decision.Kind.self), principles: unique(principles.map(\.0)),
            watch: unique(watch.map(\.0)), review: fields.day("review"), supersededBy: supersededBy,
            statusLinks: statusLinks.filter { $0.relation != "superseded by" && $0.relation != "superceded by" },
            deciders: fields.list("deciders").map(\.0) + body.deciders,
            tags: fields.list("tags").map(\.0) + body.tags,
            body: MarkdownDocument(blocks: blocks),
            dialect: hasFrontMatterStatus || hasFrontMatterDate
                || (frontMatter.isPresent && body.status == nil && body.date == nil) ? .frontMatter : body.dialect,
            location: fileStart, fieldLocations: fieldLocations)
        decision.expectations = expectations
        if origin == .own { diagnostics += frontMatter.unknownKeys(known: keys, file: "a decision") }
        return (decision, diagnostics + fields.diagnostics)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The number at the start of a decision id ("0007-x" → 7; "20200924-x" is a date, not a number).
    static func leadingNumber(_ id: String) -> Int? {
        let digits = id.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        return Int(digits)
    }

    /// "12. Title" → (12, "Title").
    static func splitNumberedTitle(_ text: String) -> (Int?, String) {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let rest = text.dropFirst(digits.count)
        guard !digits.isEmpty, rest.hasPrefix(". ") else { return (nil, text) }
        return (Int(digits), String(rest.dropFirst(2)).trimmingSpaces)
    }
}

/// Metadata written in a record's body: MADR 2 bullets or adr-tools lines; removes MADR 2 bullets.
struct BodyMetadata {
    struct Status {
        var text: String
        var location: SourceLocation
        var links: [Decision.StatusLink]
    }

    struct DateLine {
        var text: String
        var day: Day?
        var location: SourceLocation
    }

    var status: Status?
    var date: DateLine?
    var deciders: [String] = []
    var tags: [String] = []
    var dialect: Decision.Dialect = .nygard

    init(blocks: inout [MarkdownBlock], path: String) {
        // Only blocks before the first `## ` heading can hold bullets or a `Date:` line.
        let firstSection = blocks.firstIndex(where: { $0.node.kind == .heading(level: 2) }) ?? blocks.count
        var listToRemove: Int?
        for index in 0..<firstSection {
            let node = blocks[index].node
            switch node.kind {
            case .list:
                var isMetadata = false
                for item in node.children {
                    guard let paragraph = item.children.first, paragraph.kind == .paragraph else { continue }
                    let text = paragraph.plainText.trimmingSpaces
                    guard let (key, value) = Self.keyValue(text) else { continue }
                    let location = SourceLocation(path: path, line: paragraph.line, column: paragraph.column)
                    switch key {
                    case "status":
                        isMetadata = true
                        status = Status(
                            text: value, location: location, links: StatusText.links(in: paragraph))
                    case "date":
                        isMetadata = true
                        date = DateLine(text: value, day: Self.day(value), location: location)
                    case "deciders":
                        isMetadata = true
                        deciders = Self.commaList(value)
                    case "tags":
                        isMetadata = true
                        tags = Self.commaList(value)
                    default: break
                    }
                }
                if isMetadata, listToRemove == nil {
                    listToRemove = index
                    dialect = .madr2
                }
            case .paragraph:
                // adr-tools writes "Date: 2017-06-30" as its own paragraph under the title.
                let text = node.plainText.trimmingSpaces
                if date == nil, let (key, value) = Self.keyValue(text), key == "date" {
                    let location = SourceLocation(path: path, line: node.line, column: node.column)
                    date = DateLine(text: value, day: Self.day(value), location: location)
                }
            default: break
            }
        }
        if let index = listToRemove { blocks.remove(at: index) }
        if status == nil,
            let heading = blocks.firstIndex(where: {
                $0.node.kind == .heading(level: 2) && $0.node.plainText.trimmingSpaces.lowercased() == "status"
            })
        {
            // adr-tools: the first paragraph of `## Status` is the status; later ones may add links.
            var links: [Decision.StatusLink] = []
            var first: MarkdownNode?
            var index = heading + 1
            while index < blocks.count, !Self.isHeading(blocks[index].node) {
                let node = blocks[index].node
                if node.kind == .paragraph {
                    if first == nil { first = node }
                    links += StatusText.links(in: node)
                }
                index += 1
            }
            if let first {
                status = Status(
                    text: first.plainText.trimmingSpaces,
                    location: SourceLocation(path: path, line: first.line, column: first.column), links: links)
            }
        }
    }

    static func isHeading(_ node: MarkdownNode) -> Bool {
        if case .heading = node.kind { return true }
        return false
    }

    /// "Status: accepted" → ("status", "accepted").
    static func keyValue(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingSpaces.lowercased()
        guard ["status", "date", "deciders", "tags"].contains(key) else { return nil }
        let value = String(text[text.index(after: colon)...]).trimmingSpaces
        return (key, value)
    }

    /// YYYY-MM-DD, or adr-tools' old dd/mm/yyyy.
    static func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]),
            let y = Int(parts[2])
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

/// What the status words of real decision records mean.
enum StatusText {
    struct Reading {
        var status: Decision.Status?
        var supersededBy: String?
    }

    private static let words: [(String, Decision.Status)] = [
        ("proposed", .proposed), ("pending", .proposed), ("draft", .proposed), ("proposal", .proposed),
        ("in progress", .proposed), ("under review", .proposed), ("under discussion", .proposed),
        ("accepted", .accepted), ("approved", .accepted), ("adopted", .accepted), ("agreed", .accepted),
        ("decided", .accepted), ("implemented", .accepted), ("amended", .accepted),
        ("partly superseded", .accepted), ("partially superseded", .accepted),
        ("rejected", .rejected), ("declined", .rejected), ("withdrawn", .rejected), ("abandoned", .rejected),
        ("deprecated", .deprecated), ("obsolete", .deprecated), ("retired", .deprecated),
        ("superseded", .superseded), ("superceded", .superseded), ("replaced", .superseded),
    ]

    /// Maps status words onto SPEC's statuses; the first superseding link names the successor.
    static func interpret(_ text: String, links: [Decision.StatusLink]) -> Reading {
        let lower = text.lowercased().trimmingSpaces
        let words = lower.split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
        guard let (_, status) = Self.words.first(where: { words == $0.0 || words.hasPrefix($0.0 + " ") }) else {
            return Reading()
        }
        var reading = Reading(status: status)
        if status == .superseded {
            reading.supersededBy =
                links.first(where: { $0.relation.hasSuffix("by") })?.target ?? links.first?.target
            if reading.supersededBy == nil, let by = lower.range(of: " by ") {
                let rest = lower[by.upperBound...].trimmingSpaces
                if Slug.isSlug(rest) || rest.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    reading.supersededBy =
                        rest.isEmpty ? nil : (rest.hasSuffix(".md") ? String(rest.dropLast(3)) : rest)
                }
            }
        }
        return reading
    }

    /// Links to other records inside a status paragraph, with the words before each one.
    static func links(in paragraph: MarkdownNode?) -> [Decision.StatusLink] {
        guard let paragraph else { return [] }
        var result: [Decision.StatusLink] = []
        var words = ""
        for child in paragraph.children {
            if case .link(let url, _) = child.kind {
                if let target = decisionID(fromLink: url) {
                    let relation = words.lowercased().split(whereSeparator: { !$0.isLetter }).suffix(3)
                    let trimmed = relation.drop(while: {
                        ![
                            "superseded", "superceded", "amended", "partly", "partially",
                            "replaced", "supersedes", "amends", "by",
                        ].contains($0)
                    })
                    result.append(Decision.StatusLink(relation: trimmed.joined(separator: " "), target: target))
                }
                words = ""
            } else {
                words += child.plainText
            }
        }
        return result
    }

    /// "0015-dns.md", "./0015-dns.md", "../adr/0015-dns.md" → "0015-dns"; external URLs → nil.
    static func decisionID(fromLink url: String) -> String? {
        guard !url.contains("://"), !url.hasPrefix("mailto:"), !url.hasPrefix("#") else { return nil }
        var path = url
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        guard let name = path.split(separator: "/").last else { return nil }
        if name.hasSuffix(".md") { return String(name.dropLast(3)) }
        if name.hasSuffix(".html") { return String(name.dropLast(5)) }
        return String(name)
    }
}
