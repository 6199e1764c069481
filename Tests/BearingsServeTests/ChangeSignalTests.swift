import Foundation
import Testing

@testable import BearingsServe

/// The early notice the watcher scans on: inotify on Linux, nothing elsewhere.
struct ChangeSignalTests {
    #if os(Linux)
    @Test func reportsAWriteAndAWriteInAFolderMadeLaterButNothingWhenIdle() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-signal-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = try #require(ChangeSignal(folders: [folder.path], skipping: []))
        #expect(!signal.takeEvents())

        try Data("a\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(signal.takeEvents())
        #expect(!signal.takeEvents())  // drained

        // A folder made after the start is watched once an event has shown it.
        let snapshots = folder.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        #expect(signal.takeEvents())
        try Data("b\n".utf8).write(to: snapshots.appendingPathComponent("b.md"))
        #expect(signal.takeEvents())
    }

    @Test func aFolderMovedInOrDeletedAndMadeAgainIsWatched() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-signal-\(getpid())-\(UUID().uuidString)")
        let snapshots = folder.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        let outside = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-signal-out-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        let signal = try #require(ChangeSignal(folders: [folder.path], skipping: []))

        try FileManager.default.removeItem(at: snapshots)
        #expect(signal.takeEvents())
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        #expect(signal.takeEvents())
        try Data("a\n".utf8).write(to: snapshots.appendingPathComponent("a.md"))
        #expect(signal.takeEvents())

        // A folder made elsewhere and moved in, with a folder inside it.
        let series = outside.appendingPathComponent("series")
        try FileManager.default.createDirectory(
            at: series.appendingPathComponent("old"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: series, to: folder.appendingPathComponent("series"))
        #expect(signal.takeEvents())
        try Data("b\n".utf8).write(to: folder.appendingPathComponent("series/old/b.csv"))
        #expect(signal.takeEvents())
        #expect(!signal.takeEvents())
    }

    @Test func skippedFoldersAreNotWatched() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-signal-\(getpid())-\(UUID().uuidString)")
        let sources = folder.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = try #require(
            ChangeSignal(folders: [folder.path], skipping: [FolderWatcher.canonical(sources.path)]))
        try Data("raw\n".utf8).write(to: sources.appendingPathComponent("raw.csv"))
        #expect(!signal.takeEvents())
    }
    #endif
}
