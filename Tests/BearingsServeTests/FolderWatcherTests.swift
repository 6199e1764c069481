import Foundation
import Testing

@testable import BearingsServe

struct FolderWatcherTests {
    @Test func seesAnEditAnAdditionAndARemoval() throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let watcher = FolderWatcher(folders: [fixture.data], skipping: [])
        let before = watcher.scan()
        #expect(before.keys.contains(fixture.data + "/snapshots/2021-07.md"))

        try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 700000000 |")
        let edited = watcher.scan()
        #expect(edited != before)
        #expect(Set(edited.keys) == Set(before.keys))

        try fixture.write("metrics/new.md", "---\nname: New\nkind: usage\n---\n")
        #expect(Set(watcher.scan().keys) == Set(before.keys).union([fixture.data + "/metrics/new.md"]))

        try FileManager.default.removeItem(atPath: fixture.data + "/metrics/new.md")
        #expect(Set(watcher.scan().keys) == Set(before.keys))
    }

    @Test func seesAWriteThatKeepsTheSizeAndTheModificationTime() throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let path = fixture.data + "/snapshots/2021-07.md"
        try fixture.overwrite("snapshots/2021-07.md", replacing: "| 700    |", with: "| 700    |", keepingTime: true)
        let watcher = FolderWatcher(folders: [fixture.data], skipping: [])
        let before = watcher.scan()
        // The file system's clock ticks every few milliseconds: the next write falls in another tick.
        Thread.sleep(forTimeInterval: 0.05)
        try fixture.overwrite("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |", keepingTime: true)
        let after = watcher.scan()
        let old = try #require(before[path]), new = try #require(after[path])
        #expect(new.size == old.size && new.inode == old.inode)
        #expect(new.seconds == old.seconds && new.nanoseconds == old.nanoseconds)
        #expect(after != before)
    }

    @Test func skipsHiddenFilesAndTheFoldersItIsTold() throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try fixture.write("sources/raw.csv", "a\n")
        try fixture.write(".hidden/notes.md", "a\n")
        try fixture.write("snapshots/.draft.md", "a\n")
        try fixture.write("site/index.html", "a\n")
        let watcher = FolderWatcher(
            folders: [fixture.data], skipping: [fixture.data + "/sources", fixture.data + "/site"])
        let paths = watcher.scan().keys.map { String($0.dropFirst(fixture.data.count + 1)) }.sorted()
        #expect(
            paths == [
                "decisions/0001-users-first.md", "decisions/0002-plugins.md", "decisions/0003-docs.md",
                "metrics/downloads.md", "metrics/stars.md", "principles.md", "project.md", "series/downloads.csv",
                "snapshots/2020-01.md", "snapshots/2020-07.md", "snapshots/2021-07.md",
            ])
    }

    @Test func aFolderThatDoesNotExistHasNoFiles() {
        #expect(FolderWatcher(folders: ["/nonexistent-bearings-folder"], skipping: []).scan().isEmpty)
    }
}
