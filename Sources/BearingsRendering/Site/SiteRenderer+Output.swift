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
            rendered.set(index, Array(work[index].1().utf8))
        }
        var plan = SitePlan()
        for (path, bytes) in attachmentFiles { plan.add(path, bytes: bytes) }
        for (index, bytes) in rendered.all.enumerated() { plan.add(work[index].0, bytes: bytes) }
        return plan
    }

    /// Renders every file of the site into `staging` as soon as it is ready, from many threads at
    /// once: pages are independent, so they render in parallel, and none is kept once written; the
    /// two data files are written in pieces as they are made (`streamedJobs`). Returns every path
    /// written, in byte order.
    @discardableResult
    package func render(into staging: SiteWriter.Staging) -> [String] {
        let (paths, work) = jobs()
        let streamed = streamedJobs()
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (path, job) = work[index]
            if let stream = streamed[path] {
                staging.write(path, pieces: stream)
            } else {
                staging.write(path, job())
            }
        }
        return paths
    }
}
