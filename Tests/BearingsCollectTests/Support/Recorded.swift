import Foundation

/// The recorded answers in `Fixtures/collect` (see SOURCES.md there), found from this file's path.
enum Recorded {
    /// The absolute path of `Fixtures/collect`.
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BearingsCollectTests
        .appendingPathComponent("Fixtures/collect").path

    /// A recorded file's bytes; empty when it is missing, so the test fails on the value, not here.
    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: directory + "/" + name) ?? Data())
    }

    /// A recorded file's text, without its final newline.
    static func text(_ name: String) -> String {
        String(decoding: bytes(name), as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
