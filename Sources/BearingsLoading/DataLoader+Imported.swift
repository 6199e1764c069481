import Foundation
import BearingsModel
import BearingsParsing

extension DataLoader {
    /// What an imported folder holds.
    struct ImportedFolder {
        var decisions: [Decision]
        var attachments: [DecisionAttachment]
        var diagnostics: [Diagnostic]
    }

    /// Reads a `--decisions` folder: its records, in subfolders too, and the files they link to.
    /// Nothing in it is an error: records written for other tools are shown as they are.
    static func loadImported(_ folder: String, markdown: MarkdownOptions, cache: ParseCache?) throws(LoadError)
        -> ImportedFolder
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw LoadError(path: folder, reason: "the decisions folder does not exist")
        }
        guard isFolder.boolValue else {
            throw LoadError(
                path: folder,
                reason: "--decisions names a file; give the folder that holds the decision records", exitCode: 2)
        }
        let listing = DecisionFolder(folder)
        var diagnostics = listing.refused
        for renamed in listing.renamed {
            let others = renamed.taken.map { "'\($0.id)' (\($0.path))" }
            let message =
                others.count == 1
                ? "another record is already called \(others[0]); this one is '\(renamed.id)'"
                : "other records are already called \(others.joined(separator: " and ")); this one is '\(renamed.id)'"
            diagnostics.append(
                .warning(
                    SourceLocation(path: renamed.path), message,
                    hint: "every record gets a page of its own; rename a file to choose its id"))
        }
        if listing.records.isEmpty {
            diagnostics.append(
                .warning(
                    SourceLocation(path: folder), "no decision records in this folder",
                    hint:
                        "--decisions reads the .md files in the folder and its subfolders, not README, index or template files"
                ))
        }
        let records = Dictionary(listing.records.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let (parsed, problems) = parseAll(
            listing.records.map(\.path), cache: cache, settings: "decision imported \(markdown)",
            settingsOf: { path in records[path].map { "id \($0.id) folder \($0.folder)" } ?? "" }
        ) { source, path -> ([ImportedRecord], [Diagnostic]) in
            guard let record = records[path] else { return ([], []) }
            var ambiguity: DecisionParser.DatedAmbiguity?
            var order: (Character, DateText.Order)?
            var (decision, found) = DecisionParser.parse(
                source, id: record.id, origin: .imported, options: markdown, ambiguity: &ambiguity, order: &order)
            // "Moved to [the new place](…)": a page left behind, not a record.
            if let decision, isRedirect(decision) { return ([], []) }
            decision?.folder = record.folder
            if let body = decision?.body { decision?.body = withRawImages(body) }
            decision?.body.compact()
            let read = decision.map {
                ImportedRecord(
                    decision: $0, ambiguity: ambiguity, orderSeparator: order?.0, order: order?.1)
            }
            return (read.map { [$0] } ?? [], found)
        }
        var (decisions, dateNotes) = settleDates(parsed)
        diagnostics += dateNotes
        // An mdBook's other pages (overview.md, architecture.md) beside its records: a page with no
        // number, status or date is the book's, not a record.
        if !listing.bookFolders.isEmpty {
            decisions.removeAll { decision in
                decision.number == nil && decision.statusText == nil && decision.date == nil
                    && listing.bookFolders.contains { book in
                        book.isEmpty || decision.folder == book || decision.folder.hasPrefix(book + "/")
                    }
            }
        }
        // An unreadable or empty file is a warning here too.
        diagnostics += problems.map { Diagnostic(.warning, $0.location, $0.message, hint: $0.hint) }
        diagnostics += summaries(decisions, folder: folder)
        let (attachments, attachmentProblems) = attachments(
            of: decisions, root: InputFolder(folder, name: "decisions folder"))
        diagnostics += attachmentProblems
        return ImportedFolder(decisions: decisions, attachments: attachments, diagnostics: diagnostics)
    }

    /// The body with an image node for every raw `<img src="…">` of its HTML, so the files they
    /// show are copied (and refused) like those of `![…](…)`; the HTML itself is unchanged.
    static func withRawImages(_ body: MarkdownDocument) -> MarkdownDocument {
        var result = body
        for index in result.blocks.indices {
            var found: [MarkdownNode] = []
            func walk(_ node: MarkdownNode) {
                switch node.kind {
                case .htmlBlock, .htmlInline:
                    for match in node.literal.matches(of: /(?i)<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/) {
                        let url = String(match.1 ?? match.2 ?? "")
                        guard !url.isEmpty else { continue }
                        var image = node
                        image.kind = .image(url: url, title: "")
                        image.literal = ""
                        image.children = []
                        found.append(image)
                    }
                default: break
                }
                node.children.forEach(walk)
            }
            walk(result.blocks[index].node)
            result.blocks[index].node.children += found
        }
        return result
    }

    /// A record as read, with what its date leaves open.
    struct ImportedRecord: Sendable {
        var decision: Decision
        var ambiguity: DecisionParser.DatedAmbiguity?
        var orderSeparator: Character?
        var order: DateText.Order?
    }

    /// Dates such as `05/02/2018` read the way the folder writes them: when the folder's other
    /// dates with the same separator show only one order (`16/04/2017` is day first, `08/31/2023`
    /// month first), that one, silently; when they show none, day first, with a warning; when they
    /// show both, no date, with a warning that the date is ambiguous.
    static func settleDates(_ records: [ImportedRecord]) -> ([Decision], [Diagnostic]) {
        var orders: [Character: Set<String>] = [:]
        for record in records {
            if let separator = record.orderSeparator, let order = record.order {
                orders[separator, default: []].insert(order == .dayFirst ? "day" : "month")
            }
        }
        var diagnostics: [Diagnostic] = []
        let decisions = records.map { record -> Decision in
            var decision = record.decision
            guard let dated = record.ambiguity else { return decision }
            let both = "\(dated.ambiguity.dayFirst) (day first) or \(dated.ambiguity.monthFirst) (month first)"
            switch orders[dated.ambiguity.separator] ?? [] {
            case ["day"]:
                decision.date = dated.ambiguity.dayFirst
            case ["month"]:
                decision.date = dated.ambiguity.monthFirst
            case []:
                decision.date = dated.ambiguity.dayFirst
                diagnostics.append(
                    .warning(
                        dated.location,
                        "the date '\(dated.text)' is ambiguous: \(both); read as \(dated.ambiguity.dayFirst), as no other date in the folder settles the order",
                        hint: "write the date as YYYY-MM-DD, e.g. '\(dated.ambiguity.dayFirst)'"))
            default:
                decision.date = nil
                diagnostics.append(
                    .warning(
                        dated.location,
                        "the date '\(dated.text)' is ambiguous: \(both), and the folder writes both orders; the decision is shown undated",
                        hint: "write the date as YYYY-MM-DD"))
            }
            return decision
        }
        return (decisions, diagnostics)
    }

    /// A file that only points elsewhere ("Moved to [golang.org/design/25530-sumdb](…)", "This
    /// document was renamed … Please see [SE-0519](…)"): no heading, status or date, one paragraph.
    static func isRedirect(_ decision: Decision) -> Bool {
        guard decision.statusText == nil, decision.date == nil, decision.body.blocks.count == 1,
            let paragraph = decision.body.blocks.first?.node, paragraph.kind == .paragraph
        else { return false }
        let text = paragraph.plainText.lowercased()
        var hasLink = false
        func walk(_ node: MarkdownNode) {
            if case .link = node.kind { hasLink = true }
            node.children.forEach(walk)
        }
        walk(paragraph)
        return hasLink
            && (text.hasPrefix("moved to") || text.hasPrefix("this document has moved")
                || text.hasPrefix("this document was renamed") || text.hasPrefix("this document was moved")
                || text.hasPrefix("this page has moved") || text.hasPrefix("this proposal has moved"))
    }

    /// One line each for records without a status or a date and for status words of the folder's
    /// own process, instead of one warning per record.
    static func summaries(_ decisions: [Decision], folder: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let location = SourceLocation(path: folder)
        func names(_ list: [Decision]) -> String {
            list.prefix(3).map { "'\($0.id)'" }.joined(separator: ", ") + (list.count > 3 ? ", …" : "")
        }
        let noStatus = decisions.filter { $0.statusText == nil }
        if !noStatus.isEmpty {
            result.append(
                .warning(
                    location,
                    "\(noStatus.count) of \(decisions.count) imported decisions show no status (\(names(noStatus)))",
                    hint: "they are listed as 'no status'; add 'status:' to their front matter to change that"))
        }
        let noDate = decisions.filter { $0.date == nil }
        if !noDate.isEmpty {
            result.append(
                .warning(
                    location,
                    "\(noDate.count) of \(decisions.count) imported decisions show no date (\(names(noDate)))",
                    hint: "they are listed as undated, after the dated ones"))
        }
        let other = decisions.filter { $0.statusText != nil && $0.status == nil }
        if !other.isEmpty {
            let words = Set(other.compactMap(\.statusText)).sorted().prefix(5).map { "'\($0)'" }
            let has = other.count == 1 ? "decision has" : "decisions have"
            result.append(
                .warning(
                    location,
                    "\(other.count) imported \(has) status words Bearings does not map (\(words.joined(separator: ", ")))",
                    hint:
                        "they are shown as written; only proposed, accepted, rejected, deprecated and superseded ones count in the bets"
                ))
        }
        return result
    }

    /// The files beside the records that their links and images point to, read so the site can
    /// carry them; a path that climbs out of the folder is never read.
    static func attachments(of decisions: [Decision], root: InputFolder) -> ([DecisionAttachment], [Diagnostic]) {
        var found: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        for decision in decisions {
            var seen = Set<String>()
            func visit(_ node: MarkdownNode, block: MarkdownNode) {
                let location = SourceLocation(
                    path: decision.location.path, line: node.line > 0 ? node.line : block.line,
                    column: node.line > 0 ? node.column : block.column)
                switch node.kind {
                case .image(let url, _), .link(let url, _):
                    let isImage = if case .image = node.kind { true } else { false }
                    guard let relative = localPath(url), seen.insert(relative.joined(separator: "/")).inserted else {
                        break
                    }
                    guard let inside = resolve(relative, in: decision.folder) else {
                        if isImage {
                            diagnostics.append(
                                .warning(
                                    location,
                                    "the image '\(url)' lies outside the decisions folder, so it is not shown",
                                    hint: "Bearings copies only files inside the folder given to --decisions"))
                        } else if (relative.last ?? "").lowercased().hasSuffix(".md") {
                            diagnostics.append(
                                .warning(
                                    location,
                                    "the link to '\(url)' leads outside the decisions folder, so it is broken on the site",
                                    hint:
                                        "Bearings publishes only the records inside the folder given to --decisions; link to the page's web address instead"
                                ))
                        }
                        break
                    }
                    let path = inside.joined(separator: "/")
                    let full = join(root.path, path)
                    // A link to a record, by file name or (as some tools write it) by id without `.md`.
                    let isRecordLink =
                        path.lowercased().hasSuffix(".md") || !(inside.last ?? "").contains(".")
                    if isRecordLink {
                        if !FileManager.default.fileExists(atPath: full),
                            !FileManager.default.fileExists(atPath: full + ".md"), !isImage
                        {
                            diagnostics.append(
                                .warning(
                                    location,
                                    "the link to '\(url)' is broken: there is no such file in the decisions folder"))
                        }
                        break
                    }
                    let what = isImage ? "image" : "linked file"
                    let verdict = root.verdict(of: full)
                    if verdict == .hidden {
                        diagnostics +=
                            root.refusal(verdict, of: full, what: "the \(what) '\(url)'", at: location).map {
                                [$0]
                            } ?? []
                        break
                    }
                    guard verdict != .missing, !isDirectory(full) else {
                        diagnostics.append(
                            .warning(
                                location,
                                "the \(what) '\(url)' is missing: there is no such file in the decisions folder"))
                        break
                    }
                    guard case .inside = verdict, let data = FileManager.default.contents(atPath: full) else {
                        diagnostics.append(
                            .warning(
                                location, "the \(what) '\(url)' lies outside the decisions folder, so it is not copied",
                                hint: "Bearings copies only files inside the folder given to --decisions"))
                        break
                    }
                    found[path] = [UInt8](data)
                default: break
                }
                for child in node.children { visit(child, block: block) }
            }
            for block in decision.body.blocks { visit(block.node, block: block.node) }
        }
        let attachments = found.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
            DecisionAttachment(path: $0, bytes: found[$0] ?? [])
        }
        return (attachments, diagnostics)
    }

    /// The parts of a relative link's path; nil for web addresses, absolute paths and anchors.
    package static func localPath(_ url: String) -> [String]? {
        // "@/…" is Zola's link to another page of the site, resolved by Zola, not a file here.
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("\\"), !url.hasPrefix("@"),
            !url.contains(":")
        else { return nil }
        var path = url
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        let decoded = path.removingPercentEncoding ?? path
        let parts = decoded.split(separator: "/").map(String.init)
        return parts.isEmpty ? nil : parts
    }

    /// `parts` taken from the record's subfolder; nil when `..` climbs out of the decisions folder.
    static func resolve(_ parts: [String], in folder: String) -> [String]? {
        var result = folder.split(separator: "/").map(String.init)
        for part in parts {
            switch part {
            case ".", "": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(part)
            }
        }
        return result.isEmpty ? nil : result
    }
}
