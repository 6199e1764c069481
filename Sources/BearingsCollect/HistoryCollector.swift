import BearingsKit
import Foundation

/// What `bearings collect --history` was asked to do.
public struct HistoryOptions: Sendable {
    /// The options shared with plain `collect` (data folder, `--date`, `--dry-run`, timeouts, …).
    public var collect: CollectOptions
    /// The first period to ask for (`--since`, a month's first day); nil for as far back as each
    /// source goes, or, for a project that has rows already, the period after its last one.
    public var since: Day?

    /// Creates options.
    public init(collect: CollectOptions, since: Day?) {
        self.collect = collect
        self.since = since
    }
}

/// What `bearings collect --history` did.
public struct HistoryReport: Sendable {
    /// One metric and project asked for.
    public struct Entry: Sendable {
        /// The metric id.
        public var metric: String
        /// The project id.
        public var project: String
        /// The source.
        public var source: CollectSource
        /// The requests sent, as `HistoryRequest.shown` gives them (never a credential).
        public var requests: [String]
        /// The rows added, or why there are none.
        public var outcome: Result<[CollectedSeries.Row], CollectFailure>
    }

    /// Problems in the data, sorted.
    public var diagnostics: [Diagnostic] = []
    /// A problem that is not in a file.
    public var error: String?
    /// Every metric and project asked for, by metric, then project.
    public var entries: [Entry] = []
    /// The series files written (their provenance files beside them), in metric order.
    public var written: [String] = []
    /// Metrics left untouched because one of their values failed, with the series file's path.
    public var untouched: [String] = []
    /// With `--dry-run`: the requests and the rows they would add.
    public var text: String?
    /// 0 every value collected, 4 some failed, 1 configuration errors, 3 I/O.
    public var exitCode: Int32 = 0

    /// How many rows were added (or, with `--dry-run`, would be).
    public var added: Int {
        entries.reduce(0) { total, entry in
            if case .success(let rows) = entry.outcome { total + rows.count } else { total }
        }
    }

    /// How many metric-and-project pairs failed.
    public var failures: Int { entries.filter { if case .failure = $0.outcome { true } else { false } }.count }
}

/// `bearings collect --history`: for every metric whose `collect:` source has history, asks for the
/// complete periods it does not have yet and adds them to `series/collected-<id>.csv`.
public enum HistoryCollector {
    struct Job: Sendable {
        var metric: String
        var project: String
        var source: CollectSource
        var history: any CollectHistory
        /// The first period asked for.
        var from: Day
        /// The first period to write whatever the answer (the series has started); nil to start at the
        /// first period with a value above zero.
        var fillFrom: Day?
        /// The first period not asked for: the one `--date` falls in.
        var end: Day
        /// Periods the file has already.
        var existing: Set<Day>
        var requests: [HistoryRequest]
    }

    /// Runs a collection of history; `transport` defaults to `URLSession` with the timeout.
    public static func run(_ options: HistoryOptions, transport: (any HTTPTransport)? = nil) async -> HistoryReport {
        let settings = options.collect
        var report = HistoryReport()
        let bases: CollectBases
        let dataSet: DataSet
        switch CollectStart.load(environment: settings.environment, dataDirectory: settings.dataDirectory) {
        case .failure(let failure):
            report.error = failure.error
            report.diagnostics = failure.diagnostics
            report.exitCode = failure.exitCode
            return report
        case .success(let start):
            (bases, dataSet, report.diagnostics) = (start.bases, start.dataSet, start.diagnostics)
        }
        let metrics = dataSet.metrics.filter { $0.collect?.source.history != nil }
        guard !metrics.isEmpty else {
            report.error =
                "\(settings.dataDirectory)/metrics: no metric's 'collect:' source has history; history sources are "
                + CollectSource.allCases.filter { $0.history != nil }.map(\.rawValue).joined(separator: ", ")
            report.exitCode = 1
            return report
        }
        let scaffold = Scaffold(dataDirectory: settings.dataDirectory, now: settings.now)
        let date = settings.date ?? scaffold.today
        let context = HistoryContext(bases: bases, timeout: settings.timeout)
        let projects = Collector.columns(dataSet)

        var files: [String: CollectedSeries] = [:]
        var jobs: [Job] = []
        var broken: [String: CollectFailure] = [:]
        for metric in metrics {
            guard let spec = metric.collect, let history = spec.source.history else { continue }
            let path = CollectedSeries.path(dataDirectory: settings.dataDirectory, metric: metric.id)
            var series = CollectedSeries()
            // Both files are read and then replaced: a link could take an outside file's text into
            // the data folder (and so into a commit), so only plain files of its own are touched.
            let provenance = CollectedSeries.provenancePath(dataDirectory: settings.dataDirectory, metric: metric.id)
            if let notPlain = [path, provenance].first(where: { !Self.isPlainFileOrMissing($0) }) {
                broken[metric.id] = CollectFailure(
                    "\(notPlain): is a symbolic link or not a plain file, so 'bearings collect --history' did not "
                        + "read or write it; replace it with a plain file to keep it")
                continue
            }
            if FileManager.default.fileExists(atPath: path) {
                do {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    series = try CollectedSeries(text: text, metric: metric.id)
                } catch let failure as CollectFailure {
                    broken[metric.id] = CollectFailure("\(path): \(failure.reason); rename it to keep it")
                    continue
                } catch {
                    report.error = "\(path): cannot be read"
                    report.exitCode = 3
                    return report
                }
            }
            files[metric.id] = series
            let end = history.period.start(of: date)
            for project in projects {
                guard let target = spec.targets.first(where: { $0.project == project }) else { continue }
                let existing = series.dates(of: project)
                let after = existing.max().map { history.period.next($0) }
                let from = options.since.map { history.period.start(of: $0) } ?? after ?? history.earliest
                let fillFrom = options.since.map { history.period.start(of: $0) } ?? after
                let requests =
                    from < end ? history.requests(for: target.argument, from: from, to: end, context: context) : []
                jobs.append(
                    Job(
                        metric: metric.id, project: project, source: spec.source, history: history, from: from,
                        fillFrom: fillFrom, end: end, existing: existing, requests: requests))
            }
        }

        let client = CollectClient(
            transport: transport ?? URLSessionTransport(timeout: settings.timeout),
            policy: RetryPolicy(maxWait: settings.maxWait), headers: Collector.headers(settings), now: settings.now,
            sleep: settings.sleep)
        let collected = await collect(jobs, client: client, concurrency: max(1, settings.concurrency))
        let outcomes = collected.map(\.outcome)
        report.entries = zip(jobs, outcomes).map { job, outcome in
            HistoryReport.Entry(
                metric: job.metric, project: job.project, source: job.source, requests: job.requests.map(\.shown),
                outcome: outcome)
        }
        for (metric, failure) in broken.sorted(by: { $0.key < $1.key }) {
            guard let source = metrics.first(where: { $0.id == metric })?.collect?.source else { continue }
            report.entries.append(
                HistoryReport.Entry(
                    metric: metric, project: "", source: source, requests: [], outcome: .failure(failure)))
        }

        var dryRun: [String] = []
        for metric in metrics {
            guard var series = files[metric.id] else { continue }
            let path = CollectedSeries.path(dataDirectory: settings.dataDirectory, metric: metric.id)
            let entries = zip(jobs, outcomes).filter { $0.0.metric == metric.id }
            let failed = entries.contains { if case .failure = $0.1 { true } else { false } }
            var blocks: [String] = []
            for (index, job) in jobs.enumerated() where job.metric == metric.id {
                guard case .success(let rows) = outcomes[index], !rows.isEmpty else { continue }
                series.rows += rows
                blocks.append(
                    provenance(job, rows: rows, notes: collected[index].notes, date: date, context: context))
            }
            if settings.dryRun {
                dryRun.append(dryRunText(metric: metric.id, path: path, entries: entries))
                continue
            }
            if failed {
                report.untouched.append(path)
                continue
            }
            guard !blocks.isEmpty else { continue }
            do {
                try write(series.text, to: path)
                let sources = CollectedSeries.provenancePath(dataDirectory: settings.dataDirectory, metric: metric.id)
                let before = (try? String(contentsOfFile: sources, encoding: .utf8)) ?? ""
                try write(before + blocks.joined(), to: sources)
                report.written.append(path)
            } catch {
                report.error = "\(path): cannot be written (\(error.localizedDescription))"
                report.exitCode = 3
                return report
            }
        }
        if settings.dryRun { report.text = dryRun.joined(separator: "\n") }
        report.exitCode = report.failures == 0 ? 0 : 4
        return report
    }

    /// What `--dry-run` prints for one metric: each request and the rows it would add.
    static func dryRunText(
        metric: String, path: String, entries: [(Job, Result<[CollectedSeries.Row], CollectFailure>)]
    ) -> String {
        var lines = ["# \(metric) → \(path)"]
        for (job, outcome) in entries {
            lines.append("")
            lines.append("## \(job.project) (\(job.source.rawValue))")
            if job.requests.isEmpty { lines.append("nothing to ask: every complete period is there") }
            for request in job.requests { lines.append(request.shown) }
            switch outcome {
            case .success(let rows):
                lines.append("→ \(rows.count) new row\(rows.count == 1 ? "" : "s")")
                lines += rows.map(\.line)
            case .failure(let failure): lines.append("→ not measured: \(failure.reason)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The provenance of rows just added: source, periods, the date of the run, the endpoint, every
    /// request (the SQL whole), and what the answers held that was left out (`notes`).
    static func provenance(
        _ job: Job, rows: [CollectedSeries.Row], notes: [String] = [], date: Day, context: HistoryContext
    ) -> String {
        let dates = rows.map(\.date)
        let first = dates.min().map(\.description) ?? ""
        let last = dates.max().map(\.description) ?? ""
        var lines = [
            "\(job.metric) for \(job.project): \(rows.count) value\(rows.count == 1 ? "" : "s"), \(first) to \(last), "
                + "collected \(date) by \(job.source.rawValue) from \(job.history.origin(context))"
        ]
        lines += job.requests.map(\.shown)
        lines += notes.map { "note: " + $0 }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// Whether nothing is at `path`, or a plain file that is not a symbolic link (`lstat`).
    static func isPlainFileOrMissing(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT }
        return (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Writes `text` to `path` (atomically), creating `series/` when needed.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// What one job gave: its new rows or why there are none, and what its answers held that was
    /// left out (`CollectHistory.notes`), for the provenance file.
    struct Collected: Sendable {
        var outcome: Result<[CollectedSeries.Row], CollectFailure>
        var notes: [String] = []
    }

    /// Runs the jobs, at most `concurrency` at a time; the outcomes keep the jobs' order.
    static func collect(_ jobs: [Job], client: CollectClient, concurrency: Int) async -> [Collected] {
        var outcomes = [Collected](
            repeating: Collected(outcome: .failure(CollectFailure("not asked"))), count: jobs.count)
        await withTaskGroup(of: (Int, Collected).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask { (index, await rows(job, client: client)) }
            }
            for _ in 0..<min(concurrency, jobs.count) { startNext() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                startNext()
            }
        }
        return outcomes
    }

    /// The new rows of one job: every request's values summed per period, a row for each period from
    /// the start of the series (or the first period with a value) to the end, none for a period the
    /// file has.
    static func rows(_ job: Job, client: CollectClient) async -> Collected {
        var values: [Day: Int64] = [:]
        var notes: [String] = []
        for request in job.requests {
            let answer: CollectAnswer
            switch await client.answer(request) {
            case .failure(let failure): return Collected(outcome: .failure(failure))
            case .success(let received): answer = received
            }
            switch job.history.values(from: answer, request: request) {
            case .failure(let failure): return Collected(outcome: .failure(failure))
            case .success(let read):
                for (day, number) in read {
                    let (sum, overflow) = values[day, default: 0].addingReportingOverflow(number)
                    guard !overflow else {
                        return Collected(outcome: .failure(CollectFailure("the values for \(day) overflow")))
                    }
                    values[day] = sum
                }
            }
            notes += job.history.notes(from: answer, request: request)
        }
        let periods = job.history.period.periods(from: job.from, to: job.end)
        guard let start = job.fillFrom ?? periods.first(where: { (values[$0] ?? 0) > 0 }) else {
            return Collected(outcome: .success([]), notes: notes)
        }
        return Collected(
            outcome: .success(
                periods.filter { $0 >= start && !job.existing.contains($0) }.map { period in
                    CollectedSeries.Row(
                        date: period, metric: job.metric, project: job.project, value: values[period] ?? 0)
                }),
            notes: notes)
    }
}
