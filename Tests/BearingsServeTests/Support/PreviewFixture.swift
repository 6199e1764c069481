import BearingsKit
import Foundation
import Testing

@testable import BearingsServe

/// A temporary copy of the small fixture site's data, with an output folder beside it, for one test.
struct PreviewFixture {
    /// The small site of BearingsKitTests, found from this file's path.
    static let smallData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BearingsServeTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("BearingsKitTests/Fixtures/sites/small/data").path

    /// The temporary folder holding `data` and `site`.
    let folder: URL

    /// The copied data folder.
    var data: String { folder.appendingPathComponent("data").path }
    /// The output folder.
    var output: String { folder.appendingPathComponent("site").path }
    /// What `SiteBuilder` is given, the same for the preview and for the expectations.
    var buildOptions: BuildOptions { BuildOptions(load: LoadOptions(dataDirectory: data), output: output) }

    /// Copies the small site's data into a fresh temporary folder.
    init(_ name: String = #function) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bearings-serve-\(getpid())-\(name.filter(\.isLetter))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.smallData, toPath: data)
    }

    /// Serve options for this fixture on a port the system chooses, scanning every 100 ms.
    func serveOptions() -> ServeOptions {
        ServeOptions(
            build: buildOptions, port: 0, pollInterval: .milliseconds(100), settleInterval: .milliseconds(200))
    }

    /// The site as `SiteBuilder` plans it from the data as it is now.
    func plan() throws -> SitePlan {
        try #require(try SiteBuilder.plan(buildOptions).plan)
    }

    /// The diagnostics of the data as it is now.
    func diagnostics() throws -> [Diagnostic] {
        try DataLoader.load(buildOptions.load).diagnostics
    }

    /// Replaces `old` with `new` in a data file; fails when `old` is not there.
    func edit(_ relativePath: String, replacing old: String, with new: String) throws {
        let path = data + "/" + relativePath
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "\(relativePath) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Replaces `old` with `new` (of the same length) in a data file in place, keeping its inode;
    /// with `keepingTime`, its modification time is set back to a fixed second (1,600,000,000), as
    /// `touch -d` or a copy that keeps times would leave it.
    func overwrite(_ relativePath: String, replacing old: String, with new: String, keepingTime: Bool) throws {
        let path = data + "/" + relativePath
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old) && old.utf8.count == new.utf8.count, "\(relativePath): \(old) -> \(new)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: old, with: new).utf8))
        try handle.close()
        guard keepingTime else { return }
        var times = [timeval(tv_sec: 1_600_000_000, tv_usec: 0), timeval(tv_sec: 1_600_000_000, tv_usec: 0)]
        try #require(utimes(path, &times) == 0)
    }

    /// Writes a file under the data folder, creating folders as needed.
    func write(_ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: data + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Deletes the temporary folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Starts a preview of `fixture`, runs `body` with it and a client for its port, and always stops it.
func withPreview<T>(
    _ fixture: PreviewFixture, options: ServeOptions? = nil,
    _ body: (PreviewServer, LoopbackClient) async throws -> T
) async throws -> T {
    let server = PreviewServer(options: options ?? fixture.serveOptions())
    try await server.start()
    let port = try #require(await server.port)
    do {
        let result = try await body(server, LoopbackClient(port: port))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Waits until the preview has finished more than `generation` builds: at most 100 polls of 100 ms.
func waitForBuild(after generation: Int, of server: PreviewServer) async throws -> Int {
    for _ in 0..<100 {
        let now = await server.generation
        if now > generation { return now }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("no build after generation \(generation) within 10 s")
    return generation
}

/// A served page as the preview should send it: the planned bytes, the problems box when given, and
/// the reload script for `generation`.
func servedPage(_ bytes: [UInt8], generation: Int, problems: String? = nil) -> String {
    let box = problems.map { PageInjection.problemsBox($0) } ?? ""
    let page = PageInjection.inserting(box + PageInjection.reloadScript(since: generation), beforeBodyEndOf: bytes)
    return String(decoding: page, as: UTF8.self)
}
