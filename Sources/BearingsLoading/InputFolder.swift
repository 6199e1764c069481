import Foundation
import BearingsModel

/// The one rule by which Bearings reads its input (SPEC §5): nothing outside the folders it is
/// given (`--data`, `--decisions`, `--templates`) is read, and nothing hidden is read or published.
///
/// Every reader asks an `InputFolder` before it opens a file or walks into a folder: the path's
/// symbolic links are resolved, and a path whose real place leaves the folder, or that has a
/// hidden component (a name starting with `.`, as written or once resolved), is refused. A link
/// inside the folder to a file inside the same folder is followed. Folders are walked with
/// `walk`, which never enters a folder already visited (by real path), so a link such as
/// `up -> ..` or `a -> .` is read once, not until the system gives up.
package struct InputFolder: Sendable {
    /// What a path really is.
    package enum Verdict: Equatable, Sendable {
        /// Inside the folder and visible; `real` is its real path.
        case inside(real: String)
        /// Its real path leaves the folder (a symbolic link that leads out).
        case outside
        /// Its path, as written or resolved, has a component whose name starts with `.`.
        case hidden
        /// Nothing is there (a broken symbolic link too).
        case missing
    }

    /// The folder as given (paths in diagnostics start with it).
    let path: String
    /// What diagnostics call it: "data folder", "decisions folder", "templates folder".
    let name: String
    /// Its real path; nil when it does not exist.
    let realPath: String?

    /// The folder `path`, called `name` in messages.
    package init(_ path: String, name: String) {
        self.path = path
        self.name = name
        realPath = Self.realPath(path)
    }

    /// Where `path` (a path under this folder, as the readers build them) really is.
    package func verdict(of path: String) -> Verdict {
        let given = self.path.hasSuffix("/") ? self.path : self.path + "/"
        if path.hasPrefix(given), path.dropFirst(given.count).split(separator: "/").contains(where: Self.isHidden) {
            return .hidden
        }
        guard let real = Self.realPath(path) else { return .missing }
        guard let root = realPath else { return .outside }
        if real == root { return .inside(real: real) }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard real.hasPrefix(prefix) else { return .outside }
        if real.dropFirst(prefix.count).split(separator: "/").contains(where: Self.isHidden) { return .hidden }
        return .inside(real: real)
    }

    /// A warning at `location` for a path refused by `verdict`, or nil when it may be read.
    /// `what` names the path in the message (a file entry: "this file"; a link: "the image 'x.png'").
    func refusal(_ verdict: Verdict, of path: String, what: String, at location: SourceLocation) -> Diagnostic? {
        let link = Self.linkTarget(path).map { " (a symbolic link to '\($0)')" } ?? ""
        switch verdict {
        case .inside, .missing: return nil
        case .outside:
            return .warning(
                location, "\(what)\(link) leads outside the \(name), so it is not read",
                hint: "Bearings reads only files inside the \(name); copy the file in instead of linking to it")
        case .hidden:
            return .warning(
                location, "\(what)\(link) is a hidden file (a name starting with '.'), so it is not read",
                hint: "Bearings never reads or publishes hidden files; rename it without the leading '.'")
        }
    }

    /// One entry met by `walk`.
    struct Entry {
        /// The entry's path: the folder's path as given, then the names inside it.
        var path: String
        /// Its name.
        var name: String
        /// Whether it is a folder (a link to one too).
        var isFolder: Bool
    }

    /// Calls `visit` with the visible entries of `folder`, sorted by name (bytes), after checking
    /// each link; entries that a link takes outside or to a hidden file become a warning in
    /// `diagnostics` when `report(entry)` is true (it is asked with the entry as it looks), and are
    /// left out. `visited` holds the real paths of the folders already listed: a folder whose real
    /// path is in it is not listed again (nil is returned), so links cannot make a walk loop.
    func entries(
        of folder: String, visited: inout Set<String>, report: (Entry) -> Bool = { _ in true },
        _ diagnostics: inout [Diagnostic]
    ) -> [Entry]? {
        let real: String
        switch verdict(of: folder) {
        case .inside(let found): real = found
        case .missing: return nil
        case let refused:
            if let warning = refusal(
                refused, of: folder, what: "this folder", at: SourceLocation(path: folder))
            {
                diagnostics.append(warning)
            }
            return nil
        }
        guard visited.insert(real).inserted, let listed = DataLoader.entries(in: folder) else { return nil }
        var result: [Entry] = []
        for item in listed.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
        where !item.name.hasPrefix(".") {
            let entry = Entry(path: DataLoader.join(folder, item.name), name: item.name, isFolder: item.isDirectory)
            if item.isLink {
                let found = verdict(of: entry.path)
                if found == .outside || found == .hidden {
                    if report(entry),
                        let warning = refusal(
                            found, of: entry.path, what: entry.isFolder ? "this folder" : "this file",
                            at: SourceLocation(path: entry.path))
                    {
                        diagnostics.append(warning)
                    }
                    continue
                }
            }
            result.append(entry)
        }
        return result
    }

    /// Whether a path component is hidden.
    static func isHidden(_ component: Substring) -> Bool { component.hasPrefix(".") && component != "." }

    /// The path with every symbolic link, `.` and `..` resolved; nil when nothing is there.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What the symbolic link at `path` says, as written; nil when `path` is not a link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
