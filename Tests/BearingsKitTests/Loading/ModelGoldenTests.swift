import BearingsKit
import Foundation
import Testing

/// What Bearings understands of each valid fixture folder, compared with a golden dump in
/// Snapshots/model/ (re-record with RECORD_SNAPSHOTS=1 after an intended change).
struct ModelGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let valid = [
        "sites/minimal/data", "sites/small/data", "sites/xss/data", "real/data", "data/project-only",
        "invalid/bom-and-crlf",
    ]

    @Test(arguments: valid)
    func parsedModelMatchesItsGoldenDump(_ folder: String) throws {
        let root = Self.fixtures.appendingPathComponent(folder).path
        let result = try DataLoader.load(LoadOptions(dataDirectory: root))
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let dataSet = try #require(result.dataSet)
        assertGolden(dump(dataSet, root: root), named: "model/\(folder.replacingOccurrences(of: "/", with: "-")).txt")
    }
}
