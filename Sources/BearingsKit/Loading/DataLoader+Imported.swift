import Foundation

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
            listing.records.map(\.path), cache: cache, settings: "decision imported \(markdown)"
        ) { source, path -> ([Decision], [Diagnostic]) in
            guard let record = records[path] else { return ([], []) }
            var (decision, found) = DecisionParser.parse(source, id: record.id, origin: .imported, options: markdown)
            decision?.folder = record.folder
            decision?.body.compact()
            return (decision.map { [$0] } ?? [], found)
        }
        let decisions = parsed
        // An unreadable or empty file is a warning here too.
        diagnostics += problems.map { Diagnostic(.warning, $0.location, $0.message, hint: $0.hint) }
        diagnostics += summaries(decisions, folder: folder)
        let (attachments, attachmentProblems) = attachments(
            of: decisions, root: InputFolder(folder, name: "decisions folder"))
        diagnostics += attachmentProblems
        return ImportedFolder(decisions: decisions, attachments: attachments, diagnostics: diagnostics)
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
    static func localPath(_ url: String) -> [String]? {
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
