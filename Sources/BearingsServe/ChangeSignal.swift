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

    /// Whether any event arrived since the last call; drains them. Folders created since are
    /// watched from now on.
    func takeEvents() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            any = true
        }
        if any { _ = watchFolders() }
        return any
    }

    /// Adds a watch on every visible folder under the watched ones; false when inotify refuses one.
    private func watchFolders() -> Bool {
        var ok = true
        func walk(_ folder: String, depth: Int) {
            guard ok, depth < 32, !skipped.contains(FolderWatcher.canonical(folder)) else { return }
            if !watched.contains(folder) {
                guard inotify_add_watch(descriptor, folder, Self.events) >= 0 else {
                    // A folder that does not exist (yet) is not a failure; running out of watches is.
                    if errno == ENOSPC || errno == ENOMEM { ok = false }
                    return
                }
                watched.insert(folder)
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
