import Foundation
import BearingsModel

/// The records of a `--decisions` folder, found the way decision-record tools find them: in the
/// folder and its subfolders, without README, index, template and example files.
struct DecisionFolder {
    /// One record file and the id it is known by.
    struct Record: Equatable, Sendable {
        /// The file's path (the folder's path as given, then the path inside it).
        var path: String
        /// The file name without `.md`; for a subfolder's only README.md or index.md, the
        /// subfolder's name (Backstage BEPs keep one proposal per folder).
        var id: String
        /// The subfolder it is in, `/`-separated; empty at the top.
        var folder: String
    }

    var records: [Record] = []
    /// Records whose id was taken, for a warning each: the file, its id, and the files that hold
    /// the ids it could not have (its own name, and `<folder>-<name>` when that was taken too).
    var renamed: [(path: String, id: String, taken: [(id: String, path: String)])] = []
    /// Files and folders refused by `InputFolder` (links out of the folder, to hidden files), and
    /// links to folders already read.
    var refused: [Diagnostic] = []
    /// Subfolders (`/`-separated, empty for the top) that hold an mdBook's `SUMMARY.md`: their pages
    /// and those below them are a book's, records only when they look like one.
    var bookFolders: Set<String> = []

    /// Lists the records under `root`, sorted by path; hidden files and folders are never read,
    /// nor anything a symbolic link takes outside `root`, and no folder is read twice.
    ///
    /// Ids: a record is known by its file name without `.md`. When a record before it (files of a
    /// folder before its subfolders, each sorted by name) already has that id, it is
    /// `<subfolder>-<name>` (`x/0010-same.md` is `x-0010-same`); when that is taken too, the first
    /// free of `<id>-2`, `<id>-3`, …. So every record has an id of its own, and a page.
    init(_ root: String) {
        let folder = InputFolder(root, name: "decisions folder")
        var found: [Record] = []
        var visited = Set<String>()
        var refused: [Diagnostic] = []
        var books = Set<String>()
        func walk(_ path: String, relative: [String]) {
            if !relative.isEmpty, case .inside(let real) = folder.verdict(of: path), visited.contains(real) {
                refused.append(
                    .warning(
                        SourceLocation(path: path),
                        "this folder is a symbolic link to a folder already read, so it is not read again",
                        hint: "each record is read once, from its first place"))
                return
            }
            guard
                let entries = folder.entries(
                    of: path, visited: &visited,
                    report: { $0.isFolder || $0.name.lowercased().hasSuffix(".md") }, &refused)
            else { return }
            let markdown = entries.filter { !$0.isFolder && $0.name.lowercased().hasSuffix(".md") }
            // mdBook: SUMMARY.md is the book's table of contents, intro.md its first page.
            let isBook = markdown.contains { $0.name.lowercased() == "summary.md" }
            if isBook { books.insert(relative.joined(separator: "/")) }
            for entry in markdown {
                let base = String(entry.name.dropLast(3))
                var id = base
                if isBook, ["intro", "introduction", "preface", "foreword"].contains(base.lowercased()) { continue }
                if Self.isDocumentation(base) {
                    // A subfolder's only README or index is its record (one proposal per folder).
                    guard let folderName = relative.last, markdown.count == 1,
                        ["readme", "index", "_index"].contains(base.lowercased())
                    else { continue }
                    id = folderName
                }
                if Self.isTemplate(id) { continue }
                found.append(Record(path: entry.path, id: id, folder: relative.joined(separator: "/")))
            }
            for entry in entries where entry.isFolder && !Self.isTemplate(entry.name) {
                walk(entry.path, relative: relative + [entry.name])
            }
        }
        walk(root, relative: [])
        self.refused = refused
        bookFolders = books
        // The first record with an id keeps it; later ones are renamed, in the order found.
        var holders: [String: String] = [:]
        for var record in found {
            if let first = holders[record.id] {
                var taken = [(id: record.id, path: first)]
                let parts = record.folder.split(separator: "/").map(String.init)
                // A README that is its folder's record is already named after the folder.
                let prefix = parts.last == record.id ? parts.dropLast() : parts[...]
                var id = (prefix + [record.id]).joined(separator: "-")
                if id != record.id, let holder = holders[id] { taken.append((id, holder)) }
                if holders[id] != nil {
                    let stem = id
                    var number = 2
                    while holders["\(stem)-\(number)"] != nil { number += 1 }
                    id = "\(stem)-\(number)"
                }
                record.id = id
                renamed.append((record.path, id, taken))
            }
            holders[record.id] = record.path
            records.append(record)
        }
    }

    /// README, index (`_index` in Zola and Hugo, `000-index` as a numbered page), licence,
    /// contribution, conduct, governance and security notes, and an mdBook's SUMMARY: the folder's
    /// documentation, not records.
    static func isDocumentation(_ base: String) -> Bool {
        let name = base.lowercased().replacingOccurrences(of: "_", with: "-")
        if [
            "readme", "index", "-index", "license", "licence", "copying", "contributing", "changelog",
            "code-of-conduct", "codeofconduct", "conduct", "governance", "security", "support", "maintainers",
            "authors", "contributors", "owners", "codeowners", "summary", "toc", "table-of-contents", "glossary",
        ].contains(name) {
            return true
        }
        // "000-index", "0000-readme", "00-toc": an index page numbered to sort first.
        let digits = name.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.allSatisfy({ $0 == "0" }), name.dropFirst(digits.count).first == "-" {
            return ["index", "readme", "toc", "summary", "contents"].contains(name.dropFirst(digits.count + 1))
        }
        return false
    }

    /// Templates and samples: `template`, `adr-template`, `adr000-template`, `yyyymmdd-rfc-template`,
    /// `NNNN-template/`, placeholders such as `adr-NNN` and `ADRXXX-…`, and `example`. A record
    /// about templates ("use-apache-velocity-as-template-engine") is not one.
    static func isTemplate(_ base: String) -> Bool {
        let lower = base.lowercased()
        if lower == "example" { return true }
        let tokens = lower.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
        if tokens.first == "template" || tokens.last == "template" { return true }
        return tokens.contains { token in
            token == "yyyymmdd" || token == "nnnn" || token.hasSuffix("xxx") || token.hasSuffix("nnn")
        }
    }
}
