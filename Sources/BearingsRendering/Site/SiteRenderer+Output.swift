import Foundation
import BearingsModel

/// Where the renderer's files go: into memory (`SitePlan`) or, as each is ready, into the staging
/// folder `SiteWriter` moves into place. The renderer itself only says which files there are and
/// how each is made (`jobs()`, `streamedJobs()`), so Rendering does not depend on Site.
extension SiteRenderer {
    /// Renders the whole site into memory (for `serve` and tests).
    package func render() -> SitePlan {
        let work = jobs().jobs
        let rendered = Slots<[UInt8]>(count: work.count, empty: [])
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            var out = ByteBuffer()
            work[index].1(&out)
            rendered.set(index, out.bytes)
        }
        var plan = SitePlan()
        for (path, bytes) in attachmentFiles { plan.add(path, bytes: bytes) }
        for (index, bytes) in rendered.all.enumerated() { plan.add(work[index].0, bytes: bytes) }
        return plan
    }

    /// The room each rendering thread's buffer starts with (a decision page is about 100 KB); a buffer
    /// that grew past eight times this for one long page is given back after it.
    static let bufferKept = 131_072

    /// Renders every file of the site into `staging` as soon as it is ready, from many threads at
    /// once: pages are independent, so they render in parallel, and none is kept once written; the
    /// two data files are written in pieces as they are made (`streamedJobs`). Each thread takes
    /// the next file from a shared counter and writes it into its own buffer, cleared for each file
    /// and never given back, so a page costs no allocation of its own once the buffer has grown.
    /// Returns every path written, in byte order.
    @discardableResult
    package func render(into staging: SiteWriter.Staging) -> [String] {
        let (paths, work) = jobs()
        let streamed = streamedJobs()
        let next = NextIndex()
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, work.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var out = ByteBuffer(capacity: Self.bufferKept)
            while true {
                let index = next.take()
                guard index < work.count else { return }
                let (path, job) = work[index]
                if let stream = streamed[path] {
                    staging.write(path, pieces: stream)
                } else {
                    out.removeAll()
                    job(&out)
                    staging.write(path, buffer: out)
                    // A long list page (megabytes) does not keep its memory to the end of the build.
                    if out.capacity > Self.bufferKept * 8 { out = ByteBuffer(capacity: Self.bufferKept) }
                }
            }
        }
        return paths
    }
}

/// Hands out 0, 1, 2, … to any number of threads, each number once.
private final class NextIndex: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}
