import Foundation

/// Parsed files kept from one load to the next, for `serve`: a file whose bytes and parse settings
/// are unchanged is not parsed again, so an edit costs the parse of the edited file, not of all.
/// A cached result is exactly what parsing would produce again (same bytes, same settings, and
/// parsers that read nothing else), so output never depends on whether the cache was used.
///
/// A file is not even read again when its metadata prove it unchanged (`Stamp`): the same device,
/// inode, size, modification time and status-change time (ctime) as when its bytes were read, and
/// that ctime older than the read by more than `settledSeconds`. Any write to a file, and any
/// change of its modification time by `touch` or a copy that keeps times, sets its ctime to the
/// present, which no program can set back; so once a file's ctime is older than the moment it was
/// read, the same ctime later means no write happened since. A file changed within
/// `settledSeconds` of being read (file systems keep time in ticks, 2 s on FAT) is read and its
/// bytes compared instead, as is every file whose metadata differ in any way.
public final class ParseCache: @unchecked Sendable {
    /// What `stat` says of a file that a write, a rename over it or `touch` would change.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        static func == (left: Stamp, right: Stamp) -> Bool {
            left.device == right.device && left.inode == right.inode && left.size == right.size
                && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
                && left.changed.tv_sec == right.changed.tv_sec && left.changed.tv_nsec == right.changed.tv_nsec
        }

        /// The file's stamp (through symbolic links, as it is read); nil when it cannot be had.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            #if canImport(Darwin)
            modified = info.st_mtimespec
            changed = info.st_ctimespec
            #else
            modified = info.st_mtim
            changed = info.st_ctim
            #endif
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
        }
    }

    /// How much older than the moment of reading a file's ctime must be for its stamp to stand for
    /// its bytes: more than a file system's coarsest clock tick (FAT's 2 s).
    package static let settledSeconds = 3

    private struct Entry {
        var bytes: Data
        var settings: String
        var value: Any
        var generation: Int
        /// The file's stamp taken just before its bytes were read, when it proves them (see above).
        var stamp: Stamp?
    }

    /// What one load changed in the cache: files parsed again whose earlier parse it held (with
    /// both parses and settings), how many files it parsed for the first time, and how many of the
    /// earlier load's files it did not take (deleted, renamed, unreadable or undecodable now).
    package struct Changes {
        package struct Replaced {
            package var path: String
            package var settings: String
            package var oldSettings: String
            package var old: Any
            package var new: Any
        }

        package var replaced: [Replaced] = []
        package var added = 0
        package var dropped = 0
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var generation = 0
    private var hits = 0
    private var unread = 0
    private var changes = Changes()

    /// What the last load changed (see `Changes`).
    package var lastChanges: Changes {
        lock.lock()
        defer { lock.unlock() }
        return changes
    }

    /// The time, in seconds since 1970, that reads are dated by.
    let now: @Sendable () -> Int

    /// An empty cache.
    public init() { now = { time(nil) } }

    /// An empty cache whose clock is `now` (tests move it on to see files as settled).
    package init(now: @escaping @Sendable () -> Int) { self.now = now }

    /// How many files the last load took from the cache.
    public var lastHits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hits
    }

    /// How many of those the last load did not read, their metadata proving them unchanged.
    public var lastUnread: Int {
        lock.lock()
        defer { lock.unlock() }
        return unread
    }

    /// Starts a load: entries not used by it are dropped at `endLoad`.
    func beginLoad() {
        lock.lock()
        generation += 1
        hits = 0
        unread = 0
        changes = Changes()
        lock.unlock()
    }

    /// Drops the entries of files the load did not read (deleted or renamed files).
    func endLoad() {
        lock.lock()
        let before = entries.count
        entries = entries.filter { $0.value.generation == generation }
        changes.dropped = before - entries.count
        lock.unlock()
    }

    /// What the file at `path` was parsed into, without reading it, when its stamp now is the one
    /// that proved the cached bytes and the settings are the same; nil otherwise (read it).
    func unchanged<T>(_ path: String, settings: String, as type: T.Type) -> T? {
        lock.lock()
        guard let entry = entries[path], let proof = entry.stamp, entry.settings == settings else {
            lock.unlock()
            return nil
        }
        lock.unlock()
        guard Stamp(path: path) == proof else { return nil }
        return take(path, settings: settings, as: type, unread: true) { $0.stamp == proof }
    }

    func lookup<T>(_ path: String, bytes: Data, settings: String, as type: T.Type) -> T? {
        take(path, settings: settings, as: type, unread: false) { $0.bytes == bytes }
    }

    private func take<T>(
        _ path: String, settings: String, as type: T.Type, unread wasUnread: Bool, same: (Entry) -> Bool
    ) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[path], entry.settings == settings, same(entry), let value = entry.value as? T
        else { return nil }
        entry.generation = generation
        entries[path] = entry
        hits += 1
        if wasUnread { unread += 1 }
        return value
    }

    /// Keeps `value` for the file's `bytes`; `stamp` is the file's stamp taken before they were
    /// read and `readAt` the time then (seconds since 1970): the stamp is kept as proof only when
    /// the file's ctime was settled by then.
    func store(_ path: String, bytes: Data, settings: String, value: Any, stamp: Stamp?, readAt: Int) {
        let proof = stamp.flatMap { $0.changed.tv_sec + Self.settledSeconds < readAt ? $0 : nil }
        lock.lock()
        if let old = entries[path], old.generation != generation {
            changes.replaced.append(
                Changes.Replaced(path: path, settings: settings, oldSettings: old.settings, old: old.value, new: value))
        } else {
            changes.added += 1
        }
        entries[path] = Entry(bytes: bytes, settings: settings, value: value, generation: generation, stamp: proof)
        lock.unlock()
    }

    /// Reads again, once their ctime has settled, the files whose stamp could not vouch for their
    /// bytes when they were read (changed within `settledSeconds` of it), and keeps the stamp of
    /// those whose bytes are still the cached ones: the next load then need not read them. `serve`
    /// calls it a few seconds after a load, on a background thread; a load may run meanwhile (each
    /// file's stamp is taken before it is read, and kept only with the same bytes, as in a load).
    package func settle() {
        lock.lock()
        let unsettled = entries.filter { $0.value.stamp == nil }.map { ($0.key, $0.value.bytes) }
        lock.unlock()
        let readAt = now()
        for (path, bytes) in unsettled {
            guard let stamp = Stamp(path: path), stamp.changed.tv_sec + Self.settledSeconds < readAt,
                let data = FileManager.default.contents(atPath: path), data == bytes
            else { continue }
            lock.lock()
            if entries[path]?.bytes == bytes, entries[path]?.stamp == nil { entries[path]?.stamp = stamp }
            lock.unlock()
        }
    }

    /// Records that a load saw the file at `path` with these bytes again (a cache hit by content):
    /// its stamp now proves them when its ctime has settled.
    func confirm(_ path: String, stamp: Stamp?, readAt: Int) {
        guard let stamp, stamp.changed.tv_sec + Self.settledSeconds < readAt else { return }
        lock.lock()
        entries[path]?.stamp = stamp
        lock.unlock()
    }
}
