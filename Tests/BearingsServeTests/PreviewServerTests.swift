import BearingsKit
import Foundation
import Testing

@testable import BearingsServe

/// The preview over loopback, on a port the system chooses. Serialized: each test runs a server and
/// polls folders, and the machine has two cores.
@Suite(.serialized)
struct PreviewServerTests {
    @Test func servesPagesStylesheetAndChartsWithTheirContentTypes() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let plan = try fixture.plan()
        try await withPreview(fixture) { _, client in
            let index = try await client.request("/")
            #expect(index.status == 200)
            #expect(index.headers["content-type"] == "text/html; charset=utf-8")
            #expect(index.text == servedPage(try #require(plan.files["index.html"]), generation: 1))

            let style = try await client.request("/assets/style.css")
            #expect(style.status == 200)
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")
            #expect(style.body == plan.files["assets/style.css"])

            let metric = try await client.request("/metrics/downloads.html")
            #expect(metric.status == 200)
            #expect(metric.headers["content-type"] == "text/html; charset=utf-8")
            #expect(metric.text.contains("<svg"))
            #expect(metric.text == servedPage(try #require(plan.files["metrics/downloads.html"]), generation: 1))

            let feed = try await client.request("/feed.xml")
            #expect(feed.headers["content-type"] == "application/atom+xml; charset=utf-8")
            #expect(feed.body == plan.files["feed.xml"])
        }
    }

    @Test func writesEachGoodBuildToTheOutputFolder() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let plan = try fixture.plan()
        try await withPreview(fixture) { _, _ in
            let index = FileManager.default.contents(atPath: fixture.output + "/index.html")
            #expect(index.map { [UInt8]($0) } == plan.files["index.html"])
            #expect(FileManager.default.fileExists(atPath: fixture.output + "/" + SiteWriter.marker))
        }
    }

    @Test func afterAnEditTheOutputFolderCatchesUpWithTheNewSiteWholly() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, _ in
            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |")
            _ = try await waitForBuild(after: 1, of: server)
            let expected = try fixture.plan()
            // The output is written behind the preview: poll for up to 10 s.
            var written: [String: [UInt8]] = [:]
            for _ in 0..<100 {
                written = [:]
                for path in expected.paths {
                    written[path] = FileManager.default.contents(atPath: fixture.output + "/" + path).map {
                        [UInt8]($0)
                    }
                }
                if written == expected.files { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(written == expected.files)
            #expect(String(decoding: written["snapshots/2021-07-01.html"] ?? [], as: UTF8.self).contains("701"))
        }
    }

    @Test func answersAMissingPageWithThe404Page() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let notFound = PageInjection.rootBase(try #require(try fixture.plan().files["404.html"]))
        try await withPreview(fixture) { _, client in
            for target in ["/nothing.html", "/metrics/nothing.html", "/metrics/"] {
                let response = try await client.request(target)
                #expect(response.status == 404, "\(target)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8")
                #expect(response.text == servedPage(notFound, generation: 1), "\(target)")
            }
        }
    }

    /// Everything here must get the 404 page and nothing else: not a file outside the site, not a
    /// file in the output folder that the plan does not have, not what a symlink there points at.
    @Test func neverServesAnythingOutsideTheSite() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let secret = fixture.folder.appendingPathComponent("secret.txt")
        try Data("TOP SECRET\n".utf8).write(to: secret)
        let notFound = servedPage(
            PageInjection.rootBase(try #require(try fixture.plan().files["404.html"])), generation: 1)
        try await withPreview(fixture) { _, client in
            // Symlinks inside the output folder, written there after the build.
            try FileManager.default.createSymbolicLink(
                atPath: fixture.output + "/leak.txt", withDestinationPath: secret.path)
            try FileManager.default.createSymbolicLink(
                atPath: fixture.output + "/outside", withDestinationPath: fixture.folder.path)
            let targets = [
                "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "//etc/passwd",
                "/assets/../../x", "/%00", "/index.html%00.css", "/..%5c..%5cetc%5cpasswd",
                "/%2Fetc%2Fpasswd", "/assets/%2e%2e/%2e%2e/secret.txt", "/leak.txt", "/outside/secret.txt",
                "/\(SiteWriter.marker)", "/../secret.txt", "/site/../secret.txt",
            ]
            for target in targets {
                let response = try await client.request(target)
                #expect(response.status == 404, "\(target)")
                #expect(response.text == notFound, "\(target)")
                #expect(!response.text.contains("TOP SECRET") && !response.text.contains("root:"), "\(target)")
            }
        }
    }

    @Test func refusesMethodsOtherThanGetAndHead() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            #expect(try await client.request("/", method: "POST").status == 405)
            let head = try await client.request("/index.html", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func anEditSendsAReloadEventAndTheNewContent() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, client in
            let events = try await client.openEvents("/__bearings/events?since=1")
            defer { events.close() }
            #expect(await events.waitFor("retry: 1000\n"))
            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 777    |")
            #expect(await events.waitFor("event: reload\ndata: 2\n\n"))
            #expect(await server.generation == 2)
            let page = try await client.request("/snapshots/2021-07-01.html")
            #expect(page.status == 200)
            #expect(
                page.text
                    == servedPage(try #require(try fixture.plan().files["snapshots/2021-07-01.html"]), generation: 2))
            #expect(page.text.contains("777"))
        }
    }

    @Test func aBrokenEditShowsTheProblemsOverTheLastGoodSiteUntilItIsFixed() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let good = try fixture.plan()
        try await withPreview(fixture) { server, client in
            let events = try await client.openEvents("/__bearings/events?since=1")
            defer { events.close() }
            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 7x0    |")
            #expect(await events.waitFor("event: reload\ndata: 2\n\n"))
            let problems = DiagnosticFormat.text.render(try fixture.diagnostics())
            #expect(problems.hasPrefix("\(fixture.data)/snapshots/2021-07.md:9:15: error: '7x0' is not a number"))
            for path in ["index.html", "decisions/0002-plugins.html"] {
                let page = try await client.request("/" + path)
                #expect(page.status == 200)
                #expect(page.text == servedPage(try #require(good.files[path]), generation: 2, problems: problems))
            }
            // Files that are not HTML are the last good ones, untouched.
            #expect(try await client.request("/data/series.csv").body == good.files["data/series.csv"])
            // The output folder keeps the last good site too.
            #expect(
                FileManager.default.contents(atPath: fixture.output + "/index.html").map { [UInt8]($0) }
                    == good.files["index.html"])

            try fixture.edit("snapshots/2021-07.md", replacing: "| 7x0    |", with: "| 700    |")
            #expect(await events.waitFor("event: reload\ndata: 3\n\n"))
            #expect(await server.generation == 3)
            let fixed = try await client.request("/")
            #expect(fixed.text == servedPage(try #require(good.files["index.html"]), generation: 3))
            #expect(!fixed.text.contains("bearings-problems"))
        }
    }

    @Test func aPageFromAnOlderBuildIsToldToReloadAtOnce() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, client in
            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |")
            _ = try await waitForBuild(after: 1, of: server)
            let events = try await client.openEvents("/__bearings/events?since=1")
            defer { events.close() }
            #expect(await events.waitFor("event: reload\ndata: 2\n\n"))
        }
    }

    @Test func changesArrivingTogetherCauseOneRebuild() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, _ in
            try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |")
            try fixture.edit("snapshots/2020-07.md", replacing: "---\n#", with: "---\n\n#")
            try fixture.write("decisions/0004-more.md", "---\nstatus: proposed\ndate: 2021-08-01\n---\n# More\n")
            let generation = try await waitForBuild(after: 1, of: server)
            #expect(generation == 2)
            // A second rebuild would start within one scan and one settling pause.
            try await Task.sleep(for: .milliseconds(800))
            #expect(await server.generation == 2)
        }
    }

    @Test func ignoresTheSourcesFolderAndHiddenFiles() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { server, _ in
            try fixture.write("sources/raw.csv", "a,b\n1,2\n")
            try fixture.write(".notes.md", "scratch\n")
            try await Task.sleep(for: .milliseconds(800))
            #expect(await server.generation == 1)
        }
    }

    @Test func aPortInUseIsOneErrorNamingThePortAndTheOption() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            var options = fixture.serveOptions()
            options.port = client.port
            options.writesOutput = false
            let second = PreviewServer(options: options)
            await #expect(throws: ServeError.portInUse(client.port)) { try await second.start() }
            #expect(
                ServeError.portInUse(client.port).description
                    == "port \(client.port) is already in use; choose another with --port")
            #expect(ServeError.portInUse(client.port).exitCode == 3)
        }
    }

    @Test func aMissingDataFolderStopsItWithAnIOError() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        var options = fixture.serveOptions()
        options.build.load.dataDirectory = fixture.folder.appendingPathComponent("nope").path
        let server = PreviewServer(options: options)
        await #expect(
            throws: ServeError.build(
                message:
                    "\(options.build.load.dataDirectory): the data folder does not exist (use --data DIR to name another)",
                exitCode: 3)
        ) { try await server.start() }
    }

    @Test func dataThatNeverBuiltShowsItsProblemsAndRecovers() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 7x0    |")
        let problems = DiagnosticFormat.text.render(try fixture.diagnostics())
        try await withPreview(fixture) { server, client in
            let broken = try await client.request("/")
            #expect(broken.status == 500)
            #expect(
                broken.text
                    == String(decoding: PageInjection.placeholderPage(problems: problems, since: 1), as: UTF8.self))
            #expect(!FileManager.default.fileExists(atPath: fixture.output))
            try fixture.edit("snapshots/2021-07.md", replacing: "| 7x0    |", with: "| 700    |")
            _ = try await waitForBuild(after: 1, of: server)
            let fixed = try await client.request("/")
            #expect(fixed.status == 200)
            #expect(fixed.text == servedPage(try #require(try fixture.plan().files["index.html"]), generation: 2))
        }
    }

    @Test func anOutputFolderThatCannotBeWrittenIsReportedOnceAndTheSiteIsStillServed() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let blocker = fixture.folder.appendingPathComponent("file")
        try Data("not a folder\n".utf8).write(to: blocker)
        var options = fixture.serveOptions()
        options.build.output = blocker.path + "/site"
        let notices = Notices()
        let server = PreviewServer(options: options) { event in
            if case .outputNotWritten(let reason) = event { notices.append(reason) }
        }
        try await server.start()
        let client = LoopbackClient(port: try #require(await server.port))
        try fixture.edit("snapshots/2021-07.md", replacing: "| 700    |", with: "| 701    |")
        _ = try await waitForBuild(after: 1, of: server)
        let index = try await client.request("/")
        await server.stop()
        #expect(index.status == 200)
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.hasPrefix(fixture.folder.path + "/file: cannot create the folder") == true)
    }

    @Test func anOutputFolderItMustNotReplaceIsReportedAndNeverWritten() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: fixture.output + "/notes.txt"))
        let notices = Notices()
        let server = PreviewServer(options: fixture.serveOptions()) { event in
            if case .outputNotWritten(let reason) = event { notices.append(reason) }
        }
        try await server.start()
        let client = LoopbackClient(port: try #require(await server.port))
        let index = try await client.request("/")
        await server.stop()
        #expect(index.status == 200)
        #expect(
            notices.all == [
                "\(fixture.output): is not empty and was not made by Bearings (no .bearings-site file); "
                    + "choose another --output or empty it"
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.output) == ["notes.txt"])
    }
}

/// What a preview reported, collected from whatever thread it reports on.
final class Notices: @unchecked Sendable {
    // The lock guards `items`, which is all there is.
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ item: String) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
