import Foundation

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
    /// Ids given twice, with the paths of the second and later files, for a warning each.
    var renamed: [(path: String, id: String, original: String)] = []

    /// Lists the records under `root`, sorted by path; hidden files and folders are never read.
    init(_ root: String) {
        var seen = Set<String>()
        func walk(_ folder: String, relative: [String]) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            let sorted = names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let markdown = sorted.filter {
                $0.lowercased().hasSuffix(".md") && !DataLoader.isDirectory(DataLoader.join(folder, $0))
            }
            for name in markdown {
                let base = String(name.dropLast(3))
                var id = base
                if Self.isDocumentation(base) {
                    // A subfolder's only README or index is its record (one proposal per folder).
                    guard let folderName = relative.last, markdown.count == 1,
                        ["readme", "index", "_index"].contains(base.lowercased())
                    else { continue }
                    id = folderName
                }
                if Self.isTemplate(id) { continue }
                let path = DataLoader.join(folder, name)
                if !seen.insert(id).inserted {
                    let original = id
                    id = (relative + [base]).joined(separator: "-")
                    renamed.append((path, id, original))
                    seen.insert(id)
                }
                records.append(Record(path: path, id: id, folder: relative.joined(separator: "/")))
            }
            for name in sorted where !markdown.contains(name) {
                let path = DataLoader.join(folder, name)
                guard DataLoader.isDirectory(path), !Self.isTemplate(name), Self.isInside(path, root) else { continue }
                walk(path, relative: relative + [name])
            }
        }
        walk(root, relative: [])
    }

    /// README, index (`_index` in Zola and Hugo), licence and contribution notes: the folder's
    /// documentation, not records.
    static func isDocumentation(_ base: String) -> Bool {
        [
            "readme", "index", "_index", "license", "licence", "copying", "contributing", "changelog",
            "code_of_conduct",
        ].contains(base.lowercased())
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

    /// Whether `path`, with symbolic links resolved, lies inside `root`.
    static func isInside(_ path: String, _ root: String) -> Bool {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let top = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
        return real == top || real.hasPrefix(top.hasSuffix("/") ? top : top + "/")
    }
}
