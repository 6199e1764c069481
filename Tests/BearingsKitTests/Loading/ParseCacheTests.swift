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

    /// A cache whose clock runs `ahead` seconds in front of the real one, so files written a moment
    /// ago already count as settled (their ctime older than the read by more than the margin).
    func cacheAhead(_ ahead: Int) -> ParseCache { ParseCache(now: { time(nil) + ahead }) }

    /// Sets a file's modification time (to the second) and returns its ctime, as `stat` gives them.
    func setModified(_ path: String, seconds: Int) throws -> timespec {
        var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
        try #require(utimes(path, &times) == 0)
        var info = stat()
        try #require(stat(path, &info) == 0)
        return info.st_ctim
    }

    @Test func settledFilesAreNotReadAgainAndLoadTheSame() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cacheAhead(60)
        let first = try load(data, cache: cache)
        #expect(cache.lastUnread == 0)
        let second = try load(data, cache: cache)
        // The 9 files parsed through the cache: none read, all taken by their metadata.
        #expect(cache.lastHits == 9)
        #expect(cache.lastUnread == 9)
        #expect(second.dataSet == first.dataSet)
        #expect(second.diagnostics == first.diagnostics)

        // An edit of the same length is noticed by its times, and read.
        try replace(data + "/snapshots/2021-07.md", "| 700    |", "| 701    |")
        let edited = try load(data, cache: cache)
        #expect(cache.lastHits == 8)
        #expect(cache.lastUnread == 8)
        #expect(edited.dataSet == (try load(data, cache: nil)).dataSet)
        #expect(edited.dataSet?.observations.contains { $0.text == "701" } == true)
    }

    @Test func anEditThatKeepsSizeAndModificationTimeIsStillSeen() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = data + "/snapshots/2021-07.md"
        let second = Int(time(nil)) - 100
        _ = try setModified(path, seconds: second)
        let cache = cacheAhead(60)
        _ = try load(data, cache: cache)
        #expect(try load(data, cache: cache).dataSet?.observations.contains { $0.text == "701" } == false)
        #expect(cache.lastUnread == 9)
        // Same size, same modification time to the nanosecond, same inode: only the ctime differs
        // (the file system's clock ticks every few milliseconds; wait for the next tick).
        var before = stat()
        try #require(stat(path, &before) == 0)
        Thread.sleep(forTimeInterval: 0.05)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains("| 700    |"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))  // in place: same inode
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "| 700    |", with: "| 701    |").utf8))
        try handle.close()
        _ = try setModified(path, seconds: second)
        var after = stat()
        try #require(stat(path, &after) == 0)
        #expect(after.st_ino == before.st_ino)
        #expect(after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        let edited = try load(data, cache: cache)
        #expect(cache.lastUnread == 8)
        #expect(edited.dataSet == (try load(data, cache: nil)).dataSet)
        #expect(edited.dataSet?.observations.contains { $0.text == "701" } == true)
    }

    @Test func aFileChangedJustBeforeItWasReadIsComparedByItsBytes() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A clock that dates the reads at about the files' own ctime: none of their metadata can
        // vouch for their bytes (a write in the same tick of the file system's clock would leave
        // them as they were), so each is read and compared.
        let cache = cacheAhead(-1000)
        _ = try load(data, cache: cache)
        _ = try load(data, cache: cache)
        #expect(cache.lastHits == 9)
        #expect(cache.lastUnread == 0)
    }

    /// An imported record's id comes from the folder listing: a new file can take it, and the
    /// record keeps its bytes but becomes `<subfolder>-<name>`. The cache must not give its old id back.
    @Test func anImportedRecordRenamedByANewFileIsNotTakenWithItsOldId() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("adr").path
        let record = "# 1. Use plugins\n\nDate: 2020-03-01\n\n## Status\n\nAccepted\n"
        try FileManager.default.createDirectory(atPath: records + "/team", withIntermediateDirectories: true)
        try Data(record.utf8).write(to: URL(fileURLWithPath: records + "/team/0001-plugins.md"))
        let options = LoadOptions(dataDirectory: data, decisionsDirectory: records, cache: cacheAhead(60))
        let first = try DataLoader.load(options)
        #expect(first.dataSet?.decisions.map(\.id) == ["0001-plugins"])

        try Data(record.replacingOccurrences(of: "plugins", with: "themes").utf8).write(
            to: URL(fileURLWithPath: records + "/0001-plugins.md"))
        let second = try DataLoader.load(options)
        #expect(second.dataSet?.decisions.map(\.id).sorted() == ["0001-plugins", "team-0001-plugins"])
        var fresh = options
        fresh.cache = nil
        #expect(second.dataSet == (try DataLoader.load(fresh)).dataSet)
    }
}
