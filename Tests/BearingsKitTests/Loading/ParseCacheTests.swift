import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading

/// `serve` reloads through a `ParseCache`; what it loads must be exactly what a load without one
/// gives, whatever changed in between.
struct ParseCacheTests {
    /// A copy of the small site's data folder in a fresh temporary folder.
    func copyOfSmallData() throws -> (folder: URL, data: String) {
        let folder = try temporaryFolder()
        let data = folder.appendingPathComponent("data").path
        try FileManager.default.copyItem(atPath: siteFixtures.appendingPathComponent("small/data").path, toPath: data)
        return (folder, data)
    }

    func load(_ data: String, cache: ParseCache?) throws -> LoadResult {
        try DataLoader.load(LoadOptions(dataDirectory: data, cache: cache))
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aSecondLoadTakesEveryUnchangedFileFromTheCacheAndLoadsTheSame() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ParseCache()
        let first = try load(data, cache: cache)
        #expect(cache.lastHits == 0)
        let second = try load(data, cache: cache)
        // 2 metrics, 3 decisions, 3 snapshots and 1 series file; project.md and principles.md are always read.
        #expect(cache.lastHits == 9)
        #expect(second.dataSet == first.dataSet)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.dataSet == (try load(data, cache: nil)).dataSet)
    }

    @Test func anEditedFileIsParsedAgainAndTheRestComeFromTheCache() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ParseCache()
        _ = try load(data, cache: cache)
        try replace(data + "/snapshots/2021-07.md", "| 700    |", "| 701    |")
        let edited = try load(data, cache: cache)
        #expect(cache.lastHits == 8)
        #expect(edited.dataSet == (try load(data, cache: nil)).dataSet)
        #expect(edited.dataSet?.observations.contains { $0.text == "701" } == true)

        // A broken edit reports exactly what a load without the cache reports.
        try replace(data + "/snapshots/2021-07.md", "| 701    |", "| 7x1    |")
        let broken = try load(data, cache: cache)
        #expect(broken.dataSet == nil)
        #expect(broken.diagnostics == (try load(data, cache: nil)).diagnostics)
    }

    @Test func aDeletedFileIsGoneAndASettingThatChangesParsingParsesEverythingAgain() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ParseCache()
        _ = try load(data, cache: cache)
        try FileManager.default.removeItem(atPath: data + "/snapshots/2020-01.md")
        let fewer = try load(data, cache: cache)
        #expect(cache.lastHits == 8)
        #expect(fewer.dataSet?.snapshots.map(\.id) == ["2020-07", "2021-07"])
        #expect(fewer.dataSet == (try load(data, cache: nil)).dataSet)

        // unsafe_html in project.md changes how every Markdown file renders: nothing is reused.
        try replace(data + "/project.md", "headline: downloads\n", "headline: downloads\nunsafe_html: true\n")
        let unsafe = try load(data, cache: cache)
        #expect(cache.lastHits == 1)  // the series file does not depend on Markdown options
        #expect(unsafe.dataSet == (try load(data, cache: nil)).dataSet)
    }
}
