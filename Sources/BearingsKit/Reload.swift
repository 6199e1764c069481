import BearingsAnalysis
import BearingsLoading
import BearingsModel
import BearingsRendering
import Foundation

/// What `serve` keeps of its last good build, so that a reload after an edit of a snapshot's
/// prose does not validate and analyse every value again.
///
/// A reload reads the data as any build does (through the parse cache, so only changed files are
/// parsed). When the only files whose parse changed are snapshots, and each of them parses to the
/// same snapshot as before but for its notes (same title, date, source, tables, values and every
/// value's line and column, same diagnostics), and nothing else of what was read changed (no file
/// added, removed or unreadable; the same project, principles, metrics, decisions, attachments,
/// series and diagnostics), the validated data set and the analysis are the previous ones with those
/// notes put in: validation (`Validator`) and the analysis (`Analysis.report`) never read a
/// snapshot's notes, and they carry them through unchanged. Any other change takes the full path.
package final class SiteReloader: @unchecked Sendable {
    /// The last good build: what was read, what validation made of it (with `baseURL` applied),
    /// its diagnostics and its analysis.
    private struct Kept {
        var read: DataLoader.Read
        var dataSet: DataSet
        var diagnostics: [Diagnostic]
        var report: Analysis.Report
    }

    private let lock = NSLock()
    private var kept: Kept?
    private var fastReloads = 0

    /// Nothing kept yet.
    package init() {}

    /// How many reloads took the short way (for tests).
    package var shortReloads: Int {
        lock.lock()
        defer { lock.unlock() }
        return fastReloads
    }

    /// `SiteBuilder.prepare`, taking the short way when the edit allows it. `options.load.cache`
    /// must be the cache kept across reloads.
    func prepare(_ options: BuildOptions) throws(BuildError) -> (SiteRenderer?, [Diagnostic]) {
        let read = try SiteBuilder.load(options)
        lock.lock()
        let previous = kept
        lock.unlock()
        if let previous, let cache = options.load.cache,
            let dataSet = Self.withNewNotes(previous, read, cache.lastChanges)
        {
            lock.lock()
            kept = Kept(read: read, dataSet: dataSet, diagnostics: previous.diagnostics, report: previous.report)
            fastReloads += 1
            lock.unlock()
            return (try SiteBuilder.renderer(dataSet, previous.report, options), previous.diagnostics)
        }
        lock.lock()
        kept = nil
        lock.unlock()
        let (validated, diagnostics) = SiteBuilder.validate(read, strict: options.strict)
        guard var dataSet = validated else { return (nil, diagnostics) }
        if let baseURL = options.baseURL { dataSet.project.baseURL = baseURL }
        let report = Analysis.report(dataSet, sourceDateEpoch: options.sourceDateEpoch)
        let renderer = try SiteBuilder.renderer(dataSet, report, options)
        lock.lock()
        kept = Kept(read: read, dataSet: dataSet, diagnostics: diagnostics, report: report)
        lock.unlock()
        return (renderer, diagnostics)
    }

    /// The previous validated data set with the changed snapshots' new notes, when the load's
    /// changes are only that (see the type's comment); nil otherwise.
    private static func withNewNotes(_ previous: Kept, _ read: DataLoader.Read, _ changes: ParseCache.Changes)
        -> DataSet?
    {
        guard changes.added == 0, changes.dropped == 0, !changes.replaced.isEmpty,
            let now = read.dataSet, let before = previous.read.dataSet
        else { return nil }
        var notes: [String: MarkdownDocument] = [:]
        for change in changes.replaced {
            guard change.settings.hasPrefix("snapshot "), change.settings == change.oldSettings,
                let old = change.old as? ([Snapshot], [Diagnostic]),
                let new = change.new as? ([Snapshot], [Diagnostic]),
                old.1 == new.1, old.0.count == 1, new.0.count == 1
            else { return nil }
            var same = old.0[0]
            same.notes = new.0[0].notes
            guard same == new.0[0], notes.updateValue(new.0[0].notes, forKey: new.0[0].id) == nil else { return nil }
        }
        guard now.project == before.project, now.principles == before.principles, now.metrics == before.metrics,
            now.decisions == before.decisions, now.decisionAttachments == before.decisionAttachments,
            now.snapshots.count == before.snapshots.count, read.diagnostics == previous.read.diagnostics,
            read.seriesObservations == previous.read.seriesObservations,
            read.seriesProjects == previous.read.seriesProjects, read.importedRoot == previous.read.importedRoot
        else { return nil }
        var dataSet = previous.dataSet
        var found = 0
        for index in dataSet.snapshots.indices {
            guard let note = notes[dataSet.snapshots[index].id] else { continue }
            dataSet.snapshots[index].notes = note
            found += 1
        }
        return found == notes.count ? dataSet : nil
    }
}
