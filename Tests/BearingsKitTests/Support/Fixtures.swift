import Foundation
import Testing

/// Where the test fixtures live: `Tests/BearingsKitTests/Fixtures`, found from this file's path so the
/// tests never depend on the current directory or on anything outside the package.
enum Fixtures {
    /// The absolute path of the Fixtures folder, without a trailing `/`.
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BearingsKitTests
        .appendingPathComponent("Fixtures").path

    /// The absolute path of a file or folder inside Fixtures.
    static func path(_ relative: String) -> String { directory + "/" + relative }

    /// A fixture file's text, decoded as UTF-8.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Diagnostics text with the Fixtures folder's absolute path removed, so `…/Fixtures/invalid/x/project.md`
    /// reads `invalid/x/project.md` wherever the package is checked out.
    static func relativise(_ text: String) -> String {
        text.replacingOccurrences(of: directory + "/", with: "")
    }
}

/// One named row of a table-driven test; the name is what the test report shows.
struct Example<Input: Sendable, Expected: Sendable>: Sendable, CustomTestStringConvertible {
    /// What the row shows, as a phrase.
    let name: String
    /// What goes in.
    let input: Input
    /// What must come out.
    let expected: Expected

    init(_ name: String, _ input: Input, _ expected: Expected) {
        self.name = name
        self.input = input
        self.expected = expected
    }

    var testDescription: String { name }
}
