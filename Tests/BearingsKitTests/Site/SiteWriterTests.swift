import BearingsKit
import Foundation
import Testing

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("bearings-tests-\(getpid())-\(name.filter { $0.isLetter })-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct SiteWriterTests {
    func build(data: String, output: String) throws -> BuildResult {
        try SiteBuilder.build(BuildOptions(load: LoadOptions(dataDirectory: data), output: output))
    }

    @Test func aSuccessfulBuildWritesTheMarkerAndEveryFileOfThePlan() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let result = try build(data: siteFixtures.appendingPathComponent("small/data").path, output: output.path)
        let paths = try #require(result.paths)
        var expected = Set(paths)
        expected.insert(SiteWriter.marker)
        #expect(Set(filesUnder(output).keys) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func aBuildWithErrorsLeavesThePreviousSiteUntouchedAndWritesNoPartialFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        _ = try build(data: siteFixtures.appendingPathComponent("small/data").path, output: output.path)
        let before = filesUnder(output)
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("---\nname: Broken\nheadline: nope\n---\n".utf8).write(to: broken.appendingPathComponent("project.md"))
        let result = try build(data: broken.path, output: output.path)
        #expect(result.paths == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(broken.path)/project.md:3:11: error: unknown metric 'nope' as headline"
            ])
        #expect(filesUnder(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["broken", "site"])
    }

    @Test func aRebuildReplacesTheSiteAndRemovesFilesThatAreGone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        _ = try build(data: siteFixtures.appendingPathComponent("small/data").path, output: output.path)
        _ = try build(data: siteFixtures.appendingPathComponent("minimal/data").path, output: output.path)
        #expect(filesUnder(output)["decisions/0002-plugins.html"] == nil)
        #expect(filesUnder(output)["index.html"] != nil)
    }

    @Test func leftoversOfAnInterruptedBuildAreRemovedByTheNextBuild() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let leftover = folder.appendingPathComponent(".site.bearings-tmp-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(SiteWriter.marker))
        let foreign = folder.appendingPathComponent(".site.bearings-tmp-11111")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        _ = try build(
            data: siteFixtures.appendingPathComponent("minimal/data").path,
            output: folder.appendingPathComponent("site").path)
        // Only a folder carrying the marker is Bearings's to delete.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".site.bearings-tmp-11111", "site",
            ])
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let output: @Sendable (URL, URL) -> String
        let reason: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "the data folder itself", output: { data, _ in data.path },
            reason: "the output folder is the data folder"),
        Refusal(
            name: "a folder that contains the data folder", output: { _, root in root.path },
            reason: "the output folder contains the data folder"),
        Refusal(
            name: "the current folder", output: { _, _ in FileManager.default.currentDirectoryPath },
            reason: "refusing to replace the current folder; name a folder inside it, e.g. --output site"),
        Refusal(
            name: "the root folder", output: { _, _ in "/" }, reason: "refusing to write the site over the root folder"),
        Refusal(
            name: "the home folder", output: { _, _ in NSHomeDirectory() },
            reason: "refusing to replace the home folder"),
        Refusal(
            name: "a non-empty folder Bearings did not make",
            output: { _, root in root.appendingPathComponent("notes").path },
            reason:
                "is not empty and was not made by Bearings (no .bearings-site file); choose another --output or empty it"
        ),
    ]

    @Test(arguments: refusals)
    func refusesAnOutputFolderItMustNotReplace(_ refusal: Refusal) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("---\nname: Refused\n---\n".utf8).write(to: data.appendingPathComponent("project.md"))
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        let before = filesUnder(root)
        let output = refusal.output(data, root)
        #expect(throws: BuildError(message: "\(output): \(refusal.reason)", exitCode: 2)) {
            try build(data: data.path, output: output)
        }
        #expect(filesUnder(root) == before)
    }
}
