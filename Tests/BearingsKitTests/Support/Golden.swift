import Foundation
import Testing

/// The folder of golden files, Tests/BearingsKitTests/Snapshots, found from this file's path.
let snapshotsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Compares `actual` with the golden file `Snapshots/<relativePath>`. With RECORD_SNAPSHOTS=1 it
/// writes the file instead and fails, so that nobody records by accident.
func assertGolden(_ actual: String, named relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = snapshotsDirectory.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(relativePath), rerun without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not record \(relativePath): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "missing golden \(relativePath): record it with RECORD_SNAPSHOTS=1 swift test",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard actual != expected else { return }
    Issue.record(
        Comment(rawValue: lineDiff(expected: expected, actual: actual, name: relativePath)),
        sourceLocation: sourceLocation)
}

/// The same for bytes, compared as UTF-8 text.
func assertGolden(_ actual: Data, named relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(String(decoding: actual, as: UTF8.self), named: relativePath, sourceLocation: sourceLocation)
}

/// The first few lines that differ, with their 1-based line numbers.
func lineDiff(expected: String, actual: String, name: String, limit: Int = 3) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = ["\(name) differs from its golden (\(old.count) lines expected, \(new.count) got):"]
    for index in 0..<max(old.count, new.count) where report.count <= limit {
        let before = index < old.count ? String(old[index]) : "<no line>"
        let after = index < new.count ? String(new[index]) : "<no line>"
        if before != after { report.append("line \(index + 1):\n- \(before)\n+ \(after)") }
    }
    return report.joined(separator: "\n")
}
