import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsModel

/// Fixtures/invalid/<case>/: a data folder with one kind of problem and the exact diagnostics it gives.
struct InvalidFixturesTests {
    static let cases: [String] = {
        let folder = Fixtures.path("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { DataLoader.isDirectory(folder + "/" + $0) }.sorted()
    }()

    @Test func hasACaseForEveryKindOfProblem() {
        #expect(Self.cases.count == 88)
    }

    @Test(arguments: cases)
    func printsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text("invalid/\(name)/expected.txt")
        let result = try DataLoader.load(LoadOptions(dataDirectory: Fixtures.path("invalid/\(name)")))
        #expect(Fixtures.relativise(DiagnosticFormat.text.render(result.diagnostics)) == expected)
        #expect(result.hasErrors == expected.contains(": error: "))
        #expect((result.dataSet == nil) == result.hasErrors)
    }

    @Test func acceptsAByteOrderMarkAndCRLFLineEndings() throws {
        let result = try DataLoader.load(
            LoadOptions(dataDirectory: Fixtures.path("invalid/bom-and-crlf")))
        let dataSet = try #require(result.dataSet)
        #expect(dataSet.project.name == "PyTorch")
        #expect(dataSet.project.competitors == [.init(id: "tensorflow", name: "TensorFlow")])
        #expect(dataSet.metrics.map(\.id) == ["papers-share"])
        #expect(dataSet.decisions.map(\.title) == ["Put Python first"])
        #expect(dataSet.snapshots.map(\.title) == ["Mid-2019"])
        #expect(
            dataSet.observations.map {
                "\($0.project) \($0.date) \($0.value) \($0.location.line):\($0.location.column)"
            } == [
                "pytorch 2019-03-31 45.0 2:33",
                "pytorch 2019-06-30 49.7 8:20",
                "tensorflow 2019-06-30 50.3 8:33",
            ])
    }

    @Test(.disabled(if: getuid() == 0, "root reads every file whatever its permissions"))
    func reportsAFileItHasNoPermissionToRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-unreadable-\(getpid())"
        ).path
        try FileManager.default.createDirectory(
            atPath: folder + "/metrics", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\nname: PyTorch\n---\n".write(
            toFile: folder + "/project.md", atomically: true, encoding: .utf8)
        let metric = folder + "/metrics/papers-share.md"
        try "---\nname: Papers\nkind: usage\n---\n".write(
            toFile: metric, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: metric)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: metric)
        }
        let result = try DataLoader.load(LoadOptions(dataDirectory: folder))
        #expect(
            result.diagnostics == [
                .error(
                    BearingsKit.SourceLocation(path: metric), "the file cannot be read",
                    hint: "check its permissions")
            ])
    }
}
