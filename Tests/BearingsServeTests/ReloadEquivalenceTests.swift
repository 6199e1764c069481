import BearingsKit
import Foundation
import Testing

@testable import BearingsServe

extension PreviewServerTests {
    /// Every file the preview serves now, rendered from its current build, against a fresh full
    /// build of the data as it is now: same paths, same bytes.
    func expectSameSiteAsAFullBuild(
        _ server: PreviewServer, _ fixture: PreviewFixture, after step: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let served = try #require(await server.currentSite().plan as? LazySite, sourceLocation: sourceLocation)
        let expected = try fixture.plan()
        #expect(served.paths == expected.paths, "\(step): paths", sourceLocation: sourceLocation)
        for path in expected.paths where served.file(path) != expected.files[path] {
            Issue.record("\(step): \(path) differs from a full build's", sourceLocation: sourceLocation)
        }
    }

    /// Waits for the rebuild a change causes, then compares the served site with a full build.
    func reloadAndCompare(
        _ server: PreviewServer, _ fixture: PreviewFixture, generation: inout Int, after step: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let next = try await waitForBuild(after: generation, of: server)
        #expect(next == generation + 1, "\(step): one rebuild", sourceLocation: sourceLocation)
        generation = next
        try await expectSameSiteAsAFullBuild(server, fixture, after: step, sourceLocation: sourceLocation)
    }

    /// Edits of every kind, one after another on one preview: after each, the preview's site is
    /// byte for byte what `bearings build` makes of the data then. Files are kept in the parse
    /// cache and, once settled, not read again: the last step changes a file in a way its size,
    /// modification time and inode do not show.
    @Test func afterEveryKindOfEditThePreviewIsWhatAFullBuildMakes() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, _ in
            var generation = await server.generation
            try await expectSameSiteAsAFullBuild(server, fixture, after: "the first build")
            let reloader = await server.reloader

            // Only a snapshot's notes changed: the last validation and analysis are reused.
            try fixture.edit(
                "snapshots/2021-07.md", replacing: "Widget passed Gadget in downloads.",
                with: "Widget passed Gadget in downloads, at last.")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a snapshot's notes")
            #expect(reloader.shortReloads == 1)
            let notes = await fixture.servedFile(server, "snapshots/2021-07-01.html")
            #expect(String(decoding: notes, as: UTF8.self).contains("at last"))

            // A blank line above the table moves every value's line: validated again in full.
            try fixture.edit("snapshots/2021-07.md", replacing: "# July 2021\n", with: "# July 2021\n\n")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a line above the table")
            #expect(reloader.shortReloads == 1)
            try fixture.edit("snapshots/2021-07.md", replacing: "at last.", with: "at long last.")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "the notes again")
            #expect(reloader.shortReloads == 2)

            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a snapshot value")
            let edited = await fixture.servedFile(server, "snapshots/2021-07-01.html")
            #expect(String(decoding: edited, as: UTF8.self).contains("701"))

            try fixture.edit("decisions/0003-docs.md", replacing: "# Write a tutorial", with: "# Write two tutorials")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a decision's text")

            try fixture.write(
                "snapshots/2021-08.md",
                "---\ndate: 2021-08-01\n---\n# August 2021\n\n| metric | widget | gadget |\n| --- | --: | --: |\n"
                    + "| downloads | 4,200 | 3,150 |\n")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a new snapshot")

            try FileManager.default.removeItem(atPath: fixture.data + "/snapshots/2020-01.md")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a deleted snapshot")

            try FileManager.default.moveItem(
                atPath: fixture.data + "/snapshots/2021-08.md", toPath: fixture.data + "/snapshots/2021-08-late.md")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a renamed snapshot")

            // Past the parse cache's margin, the files' metadata vouch for their bytes: a reload
            // reads only what changed (here a new decision), and takes the rest by their stamps.
            try await Task.sleep(for: .seconds(ParseCache.settledSeconds + 1))
            try fixture.write(
                "decisions/0004-more.md",
                "---\nstatus: proposed\ndate: 2021-08-01\nprinciples: [users-first]\n---\n# More\n")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "a new decision")
            try await Task.sleep(for: .milliseconds(50))
            try fixture.write(
                "snapshots/2021-09.md",
                "---\ndate: 2021-09-01\n---\n# September\n\n| metric | widget |\n| --- | --: |\n| stars | 710 |\n")
            try await reloadAndCompare(server, fixture, generation: &generation, after: "another new snapshot")

            let cache = await server.cache
            // Every file but the two just written: 2 metrics, 3 decisions, 3 snapshots, 1 series.
            #expect(cache.lastUnread == 9)

            // Same size, same inode, the modification time set back to the nanosecond: only the
            // status-change time tells, and the preview must not miss it.
            let path = fixture.data + "/snapshots/2020-07.md"
            var info = stat()
            try #require(stat(path, &info) == 0)
            try fixture.overwrite(
                "snapshots/2020-07.md", replacing: "| 400    |", with: "| 405    |", keepingTime: false)
            var times = [info.st_atim, info.st_mtim]
            try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
            var now = stat()
            try #require(stat(path, &now) == 0)
            #expect(now.st_mtim.tv_sec == info.st_mtim.tv_sec && now.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
            #expect(now.st_size == info.st_size && now.st_ino == info.st_ino)
            try await reloadAndCompare(server, fixture, generation: &generation, after: "an edit that keeps the time")
            let page = await fixture.servedFile(server, "snapshots/2020-07-01.html")
            #expect(String(decoding: page, as: UTF8.self).contains("405"))
        }
    }
}

extension PreviewFixture {
    /// A file of the preview's current site, as rendered (without the reload script).
    func servedFile(_ server: PreviewServer, _ path: String) async -> [UInt8] {
        await server.currentSite().plan?.file(path) ?? []
    }
}
