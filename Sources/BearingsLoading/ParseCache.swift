import Foundation

/// Parsed files kept from one load to the next, for `serve`: a file whose bytes and parse settings
/// are unchanged is not parsed again, so an edit costs the parse of the edited file, not of all.
/// A cached result is exactly what parsing would produce again (same bytes, same settings, and
/// parsers that read nothing else), so output never depends on whether the cache was used.
public final class ParseCache: @unchecked Sendable {
    private struct Entry {
        var bytes: Data
        var settings: String
        var value: Any
        var generation: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var generation = 0
    private var hits = 0

    /// An empty cache.
    public init() {}

    /// How many files the last load took from the cache.
    public var lastHits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hits
    }

    /// Starts a load: entries not used by it are dropped at `endLoad`.
    func beginLoad() {
        lock.lock()
        generation += 1
        hits = 0
        lock.unlock()
    }

    /// Drops the entries of files the load did not read (deleted or renamed files).
    func endLoad() {
        lock.lock()
        entries = entries.filter { $0.value.generation == generation }
        lock.unlock()
    }

    func lookup<T>(_ path: String, bytes: Data, settings: String, as type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[path], entry.settings == settings, entry.bytes == bytes,
            let value = entry.value as? T
        else { return nil }
        entry.generation = generation
        entries[path] = entry
        hits += 1
        return value
    }

    func store(_ path: String, bytes: Data, settings: String, value: Any) {
        lock.lock()
        entries[path] = Entry(bytes: bytes, settings: settings, value: value, generation: generation)
        lock.unlock()
    }
}
