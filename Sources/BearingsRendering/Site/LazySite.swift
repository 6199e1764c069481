import BearingsModel
import Foundation

/// A site whose files are rendered when first asked for, for `serve`: after an edit the preview
/// only has to load the data again and analyse it (`Analysis.Report`) before it can answer, and a
/// page is rendered when the browser reloads it; what several pages draw alike is drawn when a
/// page first needs it (`RenderCache`). Every file is exactly what `bearings build` writes for the
/// same input.
public final class LazySite: @unchecked Sendable {
    /// Every file of the site, in byte order.
    public let paths: [String]
    private let jobs: [String: SiteRenderer.Job]
    private let attachments: [String: [UInt8]]
    private let lock = NSLock()
    private var rendered: [String: [UInt8]] = [:]

    package init(renderer: SiteRenderer) {
        let (paths, jobs) = renderer.jobs()
        self.paths = paths
        self.jobs = Dictionary(jobs, uniquingKeysWith: { _, last in last })
        attachments = renderer.attachmentFiles
    }

    /// A file's bytes, rendered on first request and kept; nil for a path the site does not have.
    public func file(_ path: String) -> [UInt8]? {
        lock.lock()
        if let bytes = rendered[path] {
            lock.unlock()
            return bytes
        }
        lock.unlock()
        guard let job = jobs[path] else { return attachments[path] }
        var out = ByteBuffer()
        job(&out)
        let bytes = out.bytes
        lock.lock()
        rendered[path] = bytes
        lock.unlock()
        return bytes
    }

    /// Renders every file into `staging` (in parallel, or one by one on the calling thread),
    /// without keeping them; stops early, leaving the staging folder to be discarded, when
    /// `cancelled` turns true.
    public func write(
        into staging: SiteWriter.Staging, parallel: Bool = true, cancelled: @escaping @Sendable () -> Bool
    ) {
        let paths = self.paths
        let one: @Sendable (Int) -> Void = { [self] index in
            if cancelled() { return }
            let path = paths[index]
            lock.lock()
            let done = rendered[path]
            lock.unlock()
            if let done {
                staging.write(path, bytes: done)
            } else if let job = jobs[path] {
                var out = ByteBuffer()
                job(&out)
                staging.write(path, buffer: out)
            } else if let bytes = attachments[path] {
                staging.write(path, bytes: bytes)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: paths.count, execute: one)
        } else {
            // One by one, the large data files last: a cancel is noticed between files, and those
            // two take a second or more each on a large site.
            let (data, rest) = paths.indices.reduce(into: ([Int](), [Int]())) { parts, index in
                if paths[index].hasPrefix("data/") { parts.0.append(index) } else { parts.1.append(index) }
            }
            for index in rest + data { one(index) }
        }
        if cancelled() { staging.cancel() }
    }

    /// The whole site in memory.
    public func plan() -> SitePlan {
        var plan = SitePlan()
        for path in paths { plan.add(path, bytes: file(path) ?? []) }
        return plan
    }
}
