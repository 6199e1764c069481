import Foundation

/// Notices changes under the folders a build reads, by scanning them.
///
/// Scanning is the one judge of a change on every system: it lists the files and compares sizes,
/// modification times and inodes. On Linux, `ChangeSignal` (inotify) says when to scan, so a save
/// is noticed at once and an idle preview does not list a large data folder over and over;
/// elsewhere, or when inotify is refused, the preview scans every 300 ms (Foundation has no
/// portable file events, and FSEvents is macOS only).
struct FolderWatcher: Sendable {
    /// The size, modification time, status-change time and inode of one file: a change in any of
    /// them is a change. The inode catches editors that save by writing a new file and renaming it
    /// over the old one; the status-change time (ctime), which every write sets to the present and
    /// no program can set back, catches a write of as many bytes that keeps the modification time
    /// (`touch -d`, a copy that keeps times).
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var changedSeconds: Int = 0
        var changedNanoseconds: Int = 0
    }

    /// Folders to watch, as given.
    let folders: [String]
    /// Folders to skip wherever they turn up (`<data>/sources`, the output folder), as canonical paths.
    let skipped: Set<String>

    /// Watches `folders`, skipping `skipping`. Hidden files and folders are skipped too: the loader
    /// ignores them, and the writer's temporary folders are hidden.
    init(folders: [String], skipping: [String]) {
        self.folders = folders
        self.skipped = Set(skipping.map(FolderWatcher.canonical))
    }

    /// Every visible file under the folders, by path. A folder that does not exist has no files.
    func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &stamps, depth: 0) }
        return stamps
    }

    private func walk(_ folder: String, into stamps: inout [String: Stamp], depth: Int) {
        // A depth limit instead of tracking visited folders: symlinked folders are not followed, so
        // only a very deep tree could reach it.
        guard depth < 32, !skipped.contains(FolderWatcher.canonical(folder)), let names = Self.names(in: folder)
        else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps, depth: depth + 1)
                continue
            }
            // A symlink is stamped by what it points at, which is what the loader reads.
            if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 { continue }
            stamps[path] = Stamp(info)
        }
    }

    /// The names in `folder` but `.` and `..`, in no particular order; nil when it cannot be
    /// listed. `readdir` directly: a scan lists 10,000 names on a large data folder, and
    /// `FileManager.contentsOfDirectory` costs several times as much for each.
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension FolderWatcher.Stamp {
    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        let changed = info.st_ctimespec
        #else
        let time = info.st_mtim
        let changed = info.st_ctim
        #endif
        self.init(
            size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
            inode: UInt64(info.st_ino), changedSeconds: Int(changed.tv_sec), changedNanoseconds: Int(changed.tv_nsec))
    }
}
