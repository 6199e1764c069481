import BearingsKit

/// What the preview serves at one moment: the last good site, and the problems of the newest build
/// when it failed. Each build, good or bad, makes a new generation.
struct PreviewSite: Sendable {
    /// The newest site that built; nil until one does.
    var plan: (any SiteFiles)?
    /// The newest build's problems as `bearings check` prints them; nil when it succeeded.
    var problems: String?
    /// How many builds have finished.
    var generation: Int

    /// What to send for a request target. Pure, so it is tested without a socket.
    func response(for target: String) -> PreviewResponse {
        guard let plan else {
            return PreviewResponse(
                status: problems == nil ? 503 : 500, contentType: ContentType.of("index.html"),
                body: PageInjection.placeholderPage(problems: problems, since: generation))
        }
        if let path = SitePath.resolve(target), let bytes = plan.file(path) {
            return PreviewResponse(status: 200, contentType: ContentType.of(path), body: decorate(bytes, path: path))
        }
        guard let page = plan.file("404.html") else {
            return PreviewResponse(status: 404, contentType: ContentType.of("404.txt"), body: Array("Not found\n".utf8))
        }
        return PreviewResponse(
            status: 404, contentType: ContentType.of("404.html"),
            body: decorate(PageInjection.rootBase(page), path: "404.html"))
    }

    /// HTML gets the reload script, and the problems box while the newest build is broken.
    private func decorate(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard ContentType.isHTML(path) else { return bytes }
        let box = problems.map { PageInjection.problemsBox($0) } ?? ""
        return PageInjection.inserting(box + PageInjection.reloadScript(since: generation), beforeBodyEndOf: bytes)
    }
}

/// Where the preview takes files from: the lazily rendered site, or a whole plan in tests.
protocol SiteFiles: Sendable {
    /// A file's bytes; nil for a path the site does not have.
    func file(_ path: String) -> [UInt8]?
}

extension LazySite: SiteFiles {}

extension SitePlan: SiteFiles {
    func file(_ path: String) -> [UInt8]? { files[path] }
}

/// One answer of the preview server, before it becomes HTTP.
struct PreviewResponse: Sendable, Equatable {
    /// The HTTP status code.
    var status: Int
    /// The `Content-Type` header.
    var contentType: String
    /// The body.
    var body: [UInt8]

    /// The body as text, for tests and logs.
    var text: String { String(decoding: body, as: UTF8.self) }
}
