import Foundation

#if os(Linux)
import Glibc
#endif

/// Tells the watcher early that something under the watched folders may have changed, so it scans
/// then instead of on a timer: with inotify on Linux, a save is noticed within one short tick and
/// an idle preview of a large data folder stops listing it several times a second. The scan stays
/// the judge of what changed (an event only wakes it), and a scan still runs every few seconds in
/// case an event is lost (a full inotify queue, a network file system). Nil where the system has no
/// such notice or refuses one (inotify's limits); the watcher then polls as before.
final class ChangeSignal: @unchecked Sendable {
    #if os(Linux)
    private let descriptor: Int32
    private var watched: Set<String> = []
    /// The folder of each watch, by its descriptor.
    private var folderOf: [Int32: String] = [:]
    private let folders: [String]
    private let skipped: Set<String>
    private static let events = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF
            | IN_MOVE_SELF)

    init?(folders: [String], skipping: Set<String>) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.folders = folders
        self.skipped = skipping
        guard watchFolders() else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Whether any event arrived since the last call; drains them. Folders created (or moved in)
    /// since are watched from now on: the folders are walked again only after such an event, or
    /// when the queue overflowed, not after every edit of a file (a walk lists every file).
    func takeEvents() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        var newFolders = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            any = true
            // Each event: wd (Int32), mask, cookie, len (UInt32 each), then `len` bytes of name.
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { newFolders = true }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolders = true }
                // The folder's watch is gone (deleted or moved away): watch it again if it comes back.
                if mask & UInt32(IN_IGNORED) != 0, let folder = folderOf.removeValue(forKey: wd) {
                    watched.remove(folder)
                    newFolders = true
                }
                offset += 16 + length
            }
        }
        if newFolders { _ = watchFolders() }
        return any
    }

    /// Adds a watch on every visible folder under the watched ones; false when inotify refuses one.
    private func watchFolders() -> Bool {
        var ok = true
        func walk(_ folder: String, depth: Int) {
            guard ok, depth < 32, !skipped.contains(FolderWatcher.canonical(folder)) else { return }
            if !watched.contains(folder) {
                let wd = inotify_add_watch(descriptor, folder, Self.events)
                guard wd >= 0 else {
                    // A folder that does not exist (yet) is not a failure; running out of watches is.
                    if errno == ENOSPC || errno == ENOMEM { ok = false }
                    return
                }
                watched.insert(folder)
                folderOf[wd] = folder
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var info = stat()
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { walk(path, depth: depth + 1) }
            }
        }
        for folder in folders { walk(folder, depth: 0) }
        return ok
    }
    #else
    init?(folders: [String], skipping: Set<String>) { return nil }

    func takeEvents() -> Bool { false }
    #endif
}
