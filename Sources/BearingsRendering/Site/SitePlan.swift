/// The whole site in memory: output path → bytes. Rendering produces it; one writer applies it.
public struct SitePlan: Sendable, Equatable {
    /// Files by path relative to the output folder, e.g. `decisions/0001-x.html`.
    public private(set) var files: [String: [UInt8]] = [:]

    /// An empty plan.
    public init() {}

    /// Adds or replaces a file.
    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    /// Adds or replaces a file.
    public mutating func add(_ path: String, bytes: [UInt8]) { files[path] = bytes }

    /// Paths in byte order.
    public var paths: [String] { files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// A file's text.
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}
