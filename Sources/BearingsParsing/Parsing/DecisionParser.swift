import BearingsModel

/// Reads one decision record in any of the dialects SPEC §1 accepts.
public enum DecisionParser {
    /// Whether a record is Bearings's own (data/decisions) or an existing folder read with --decisions.
    public enum Origin: Sendable {
        /// data/decisions: status, date and title are required.
        case own
        /// --decisions DIR: records written for other tools; odd input is a warning, never an error.
        case imported
    }

    /// The front matter keys of a decision in data/decisions. Imported records are not held to them:
    /// their own tools' keys (`decision-makers`, `consulted`, `parent`, `nav_order`, …) are theirs.
    static let keys = [
        "status", "date", "kind", "principles", "watch", "review", "reviewed", "superseded_by", "deciders", "tags",
        "expect",
        "title",
    ]

    /// Parses a decision; `id` is the file name without `.md`.
    public static func parse(
        _ source: SourceText, id: String, origin: Origin = .own, options: MarkdownOptions = MarkdownOptions()
    ) -> (Decision?, [Diagnostic]) {
        var ambiguity: DatedAmbiguity?
        var order: (Character, DateText.Order)?
        return parse(source, id: id, origin: origin, options: options, ambiguity: &ambiguity, order: &order)
    }

    /// An imported record's date that reads two ways (`05/02/2018`), where it is written: the
    /// folder's other dates settle it (DataLoader.settleDates).
    package struct DatedAmbiguity: Sendable, Equatable {
        package var ambiguity: DateText.Ambiguity
        package var text: String
        package var location: SourceLocation
    }

    /// Parses a decision and says whether its date reads two ways, or which order it shows.
    package static func parse(
        _ source: SourceText, id: String, origin: Origin, options: MarkdownOptions,
        ambiguity: inout DatedAmbiguity?, order: inout (Character, DateText.Order)?
    ) -> (Decision?, [Diagnostic]) {
        let imported = origin == .imported
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(source, lenient: imported, diagnostics: &diagnostics)
        if !imported, diagnostics.contains(where: { $0.severity == .error }),
            !frontMatter.isPresent || frontMatter.body.isEmpty
        {
            return (nil, diagnostics)
        }
        var fields = FieldReader(frontMatter)
        let document = Markdown.parse(frontMatter.body, options: options)
        var blocks = document.blocks
        let path = source.path
        let fileStart = SourceLocation(path: path, line: 1, column: 1)
        let missingSeverity: Diagnostic.Severity = imported ? .warning : .error

        // Title: the first level-1 heading, else front matter `title:`; a leading number that is the
        // record's own ("# 12. Title", "# ADR012: Title") is dropped, as the page shows the number.
        var title: String?
        if let index = titleIndex(blocks, body: frontMatter.body, imported: imported) {
            let heading = blocks[index].node
            let text = heading.plainText.trimmingWhitespace
            if text.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        missingSeverity, SourceLocation(path: path, line: heading.line, column: heading.column),
                        "the decision's title is empty",
                        hint: "write the title after the '# ', e.g. '# Focus on researchers first'"))
            } else {
                title = text
            }
            blocks.remove(at: index)
        }
        if title == nil, let text = fields.string("title") { title = text.trimmingWhitespace }
        if title == nil, !diagnostics.contains(where: { $0.message == "the decision's title is empty" }) {
            diagnostics.append(
                Diagnostic(
                    missingSeverity, fileStart, "the decision has no title",
                    hint: "start the body with a '# ' heading, e.g. '# Focus on researchers first'"))
        }
        let prefix = title.flatMap(numberedTitle)
        let number = idNumber(id) ?? (prefix?.isListNumber == true ? prefix?.number : nil)
        if let prefix, prefix.number == number { title = prefix.rest }

        // Metadata from the body: MADR 2 bullets, adr-tools lines and sections, RFC tables.
        let body = BodyMetadata(blocks: &blocks, path: path)
        // Imported records also name them as proposal processes do: Ember's `stage`, `start-date`.
        let statusKeys = ["status", "adr_status", "adr-status"] + (imported ? ["stage"] : [])
        let dateKeys =
            ["date", "creation-date", "created"]
            + (imported ? ["decision-date", "decision_date", "start-date", "start_date", "created_at"] : [])
        let statusKey = statusKeys.first { frontMatter.fields[$0] != nil }
        let dateKey = dateKeys.first { frontMatter.fields[$0] != nil }

        var statusText: String?
        var statusLocation = fileStart
        var statusLinks: [Decision.StatusLink] = []
        var supersededBy: String?
        var statusIsMalformed = false  // a list or map: that error says enough
        if let statusKey {
            let problemsBefore = fields.diagnostics.count
            statusText =
                imported
                ? frontMatter.fields[statusKey].flatMap(FieldReader.braced) ?? fields.string(statusKey)
                : fields.string(statusKey)
            statusIsMalformed = fields.diagnostics.count > problemsBefore
            statusLocation = frontMatter.valueLocation(statusKey)
            if let text = statusText {
                statusLinks = StatusText.links(in: Markdown.parse(text).blocks.first?.node)
                // Markdown in a YAML string ("superseded by [B](0002-b.md)") is shown as its text.
                statusText = Markdown.parse(text).blocks.first.map { $0.node.plainText.trimmingWhitespace } ?? text
            }
        }
        if statusText == nil, let status = body.status {
            statusText = status.text
            statusLocation = status.location
            statusLinks = status.links
        }
        var status: Decision.Status?
        if let text = statusText {
            let reading = StatusText.interpret(text, links: statusLinks)
            status = reading.status
            supersededBy = reading.supersededBy
            if status == nil, !imported {
                diagnostics.append(
                    .error(
                        statusLocation,
                        "unknown status '\(text)' (expected proposed, accepted, rejected, deprecated or superseded)",
                        hint: "use one of the five statuses; words such as 'approved' or 'pending' are read too"))
            }
        } else if !imported, !frontMatter.isBroken, !statusIsMalformed {
            diagnostics.append(
                .error(
                    fileStart, "the decision has no status",
                    hint: "add 'status: proposed' (or accepted, rejected, deprecated, superseded) to the front matter"))
        }

        var date: Day?
        let dateHint = "write the date as YYYY-MM-DD, e.g. 'Date: 2019-06-30'"
        if let dateKey, !imported {
            date = fields.day(dateKey)
        } else if let field = dateKey.flatMap({ key in
            (frontMatter.fields[key].flatMap(FieldReader.braced) ?? fields.string(key)).map {
                BodyMetadata.Field(text: $0, location: frontMatter.valueLocation(key))
            }
        }) ?? body.date {
            if let reading = DateText.read(field.text), !reading.day.isReadable {
                let problem = FieldReader.yearProblem(field.text)
                diagnostics.append(Diagnostic(missingSeverity, field.location, problem.message, hint: problem.hint))
            } else if let reading = DateText.read(field.text) {
                date = reading.day
                if let found = reading.ambiguity {
                    ambiguity = DatedAmbiguity(ambiguity: found, text: field.text, location: field.location)
                }
                if let shown = reading.order { order = (shown.separator, shown.order) }
                if !reading.ignored.isEmpty {
                    diagnostics.append(
                        .warning(
                            field.location,
                            "the date is read as \(reading.day); '\(reading.ignored)' after it is ignored",
                            hint: dateHint))
                }
            } else {
                diagnostics.append(
                    Diagnostic(missingSeverity, field.location, FieldReader.dateProblem(field.text), hint: dateHint))
            }
        } else if !imported, !frontMatter.isBroken {
            diagnostics.append(
                .error(fileStart, "the decision has no date", hint: "add 'date: YYYY-MM-DD' to the front matter"))
        }

        var fieldLocations: [String: SourceLocation] = [:]
        for key in ["status", "date", "principles", "watch", "superseded_by", "review", "reviewed", "kind"] {
            if frontMatter.fields[key] != nil { fieldLocations[key] = frontMatter.valueLocation(key) }
        }
        if fieldLocations["status"] == nil, statusText != nil { fieldLocations["status"] = statusLocation }
        if let key = ["superseded_by", "superseded-by"].first(where: { frontMatter.fields[$0] != nil }),
            let explicit = fields.string(key)
        {
            supersededBy = explicit.hasSuffix(".md") ? String(explicit.dropLast(3)) : explicit
            fieldLocations["superseded_by"] = frontMatter.valueLocation(key)
        } else if supersededBy != nil {
            fieldLocations["superseded_by"] = statusLocation
        } else if imported, let named = body.supersededBy {
            // A "Superseded by: [SE-0258](0258-property-wrappers.md)" bullet of its own.
            supersededBy = named.text
            fieldLocations["superseded_by"] = named.location
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
        let expectations = ExpectationParser.parse(frontMatter, decisionDate: date, diagnostics: &diagnostics)
        var review = fields.day("review")
        if let reviewDay = review, let date, reviewDay < date {
            diagnostics.append(
                .error(
                    frontMatter.valueLocation("review"),
                    "the review date \(reviewDay) is before the decision's date, \(date)",
                    hint: "review a decision after it is made: give a date on or after \(date)"))
            review = nil
        }
        var reviewed = fields.day("reviewed")
        if let reviewedDay = reviewed, let date, reviewedDay < date {
            diagnostics.append(
                .error(
                    frontMatter.valueLocation("reviewed"),
                    "the date it was reviewed, \(reviewedDay), is before the decision's date, \(date)",
                    hint: "a decision is reviewed after it is made: give a date on or after \(date)"))
            reviewed = nil
        }
        // `deciders: Alice, Bob` is two people, as it is in a MADR 2 bullet.
        let decidersKey = ["deciders", "decision-makers"].first { frontMatter.fields[$0] != nil } ?? "deciders"
        let deciders = fields.list(decidersKey).flatMap { BodyMetadata.commaList($0.0) }
        var decision = Decision(
            id: id, number: number, title: title ?? fileTitle(id), status: status, statusText: statusText,
            date: date, kind: fields.choice("kind", Decision.Kind.self), principles: unique(principles.map(\.0)),
            watch: unique(watch.map(\.0)), review: review, supersededBy: supersededBy,
            statusLinks: statusLinks.filter { !StatusText.isSuccessorRelation($0.relation) },
            deciders: unique(deciders + body.deciders),
            tags: fields.list("tags").map(\.0) + body.tags,
            body: MarkdownDocument(blocks: blocks),
            dialect: statusKey != nil || dateKey != nil
                || (frontMatter.isPresent && body.status == nil && body.date == nil) ? .frontMatter : body.dialect,
            location: fileStart, fieldLocations: fieldLocations, isImported: imported)
        decision.expectations = expectations
        decision.reviewed = reviewed
        if origin == .own { diagnostics += frontMatter.unknownKeys(known: keys, file: "a decision") }
        var found = diagnostics + fields.diagnostics
        if imported {
            // Records written for other tools never stop the build: what is odd in them is a warning.
            found = found.map { Diagnostic(.warning, $0.location, $0.message, hint: $0.hint) }
        }
        return (decision, found)
    }

    /// The block that holds the title: the first heading when it is of level 1 (`# Title`, or
    /// `Title` over `===`), or, in an imported record, a `Title` over `---` that opens the body
    /// (gRPC proposals). A `# ` heading after other headings ("## Status" … "# Consequências") is a
    /// section, not the title.
    static func titleIndex(_ blocks: [MarkdownBlock], body: String, imported: Bool) -> Int? {
        guard let first = blocks.firstIndex(where: { BodyMetadata.isHeading($0.node) }) else { return nil }
        let node = blocks[first].node
        if node.kind == .heading(level: 1) { return first }
        guard node.kind == .heading(level: 2) else {
            return imported ? nil : blocks.firstIndex(where: { $0.node.kind == .heading(level: 1) })
        }
        // A setext heading opening the body is the record's title.
        let lines = body.lines
        let isOpening = blocks[..<first].allSatisfy {
            if case .htmlBlock = $0.node.kind { return true }
            return false
        }
        if imported, isOpening, node.line >= 1, node.line < lines.count {
            let underline = lines[node.line].trimmingWhitespace
            if !underline.isEmpty, underline.allSatisfy({ $0 == "-" }) { return first }
        }
        return imported ? nil : blocks.firstIndex(where: { $0.node.kind == .heading(level: 1) })
    }

    package static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The number at the start of a decision id ("0007-x" → 7; "20200924-x" is a date, not a number).
    package static func leadingNumber(_ id: String) -> Int? {
        let digits = id.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        return Int(digits)
    }

    /// Words that may come before a record's number in its file name or title ("ADR012", "adr-1").
    static let numberWords: Set<String> = [
        "adr", "add", "rfc", "bep", "dr", "pep", "kep", "decision", "keep", "erc", "eip", "bip", "sip", "zip", "jep",
        "se", "grfc", "simd", "tip", "fip", "cip", "nep", "xep", "mep", "gep",
    ]

    /// Letters that may come before a number: the words above in any case, or one to five capitals
    /// of a proposal series (`A26-…`, `L99: …`, `XX-0367-…`).
    package static func isNumberPrefix(_ letters: Substring) -> Bool {
        numberWords.contains(letters.lowercased())
            || (letters.count <= 5 && letters.allSatisfy { $0.isASCII && $0.isUppercase })
    }

    /// The record's number from its id: "0007-x" → 7, "ADR012-x" and "adr-12" → 12, and after a
    /// date, "20240509-adr-0001-x" → 1; "20200924-x" is a date, not a number.
    static func idNumber(_ id: String) -> Int? {
        var rest = Substring(id)
        let date = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if date.count == 8, rest.dropFirst(8).first == "-" { rest = rest.dropFirst(9) }
        let letters = rest.prefix(while: { $0.isASCII && $0.isLetter })
        if !letters.isEmpty {
            guard isNumberPrefix(letters) else { return nil }
            rest = rest.dropFirst(letters.count)
            if rest.first == "-" || rest.first == "_" { rest = rest.dropFirst() }
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        let after = rest.dropFirst(digits.count).first
        guard after == nil || after == "-" || after == "_" || after == "." else { return nil }
        return Int(digits)
    }

    /// A title made from a file name, for a record that has none: "20201028-adr-without-title" →
    /// "Adr without title"; the number or date it starts with is dropped, as the page shows the number.
    static func fileTitle(_ id: String) -> String {
        var words = id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        while let first = words.first, words.count > 1, first.allSatisfy({ $0.isASCII && $0.isNumber }) {
            words.removeFirst()
        }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A number at the start of a title and the text after it.
    struct NumberedTitle: Equatable {
        var number: Int
        var rest: String
        /// adr-tools' "12. Title" form, which names the number even where the file name does not.
        var isListNumber: Bool
    }

    /// "12. Title", "ADR012: Title", "ADR-0001: Title", "ADR 1 - Title" → the number and the title.
    static func numberedTitle(_ text: String) -> NumberedTitle? {
        var rest = Substring(text)
        let letters = rest.prefix(while: { $0.isASCII && $0.isLetter })
        if !letters.isEmpty {
            guard isNumberPrefix(letters) else { return nil }
            rest = rest.dropFirst(letters.count)
            if rest.first == "-" || rest.first == " " { rest = rest.dropFirst() }
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 5, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        let separators = letters.isEmpty ? [". "] : [": ", ". ", " - ", " – ", " — "]
        guard let separator = separators.first(where: { rest.hasPrefix($0) }) else { return nil }
        let title = rest.dropFirst(separator.count).trimmingWhitespace
        guard !title.isEmpty else { return nil }
        return NumberedTitle(number: number, rest: title, isListNumber: letters.isEmpty)
    }
}
