import BearingsKit
import Foundation

/// `bearings collect`: reads the metrics' `collect:` blocks, asks every source (a few requests at a
/// time), and writes `snapshots/<date>-collected.md` with `?` where a value could not be had.
public enum Collector {
    /// One value to ask for.
    struct Job: Sendable {
        var metric: String
        var project: String
        var source: CollectSource
        var request: CollectRequest
    }

    /// Runs a collection; `transport` defaults to `URLSession` with `options.timeout`.
    public static func run(_ options: CollectOptions, transport: (any HTTPTransport)? = nil) async -> CollectReport {
        var report = CollectReport()
        let bases: CollectBases
        let dataSet: DataSet
        switch CollectStart.load(environment: options.environment, dataDirectory: options.dataDirectory) {
        case .failure(let failure):
            report.error = failure.error
            report.diagnostics = failure.diagnostics
            report.exitCode = failure.exitCode
            return report
        case .success(let start):
            (bases, dataSet, report.diagnostics) = (start.bases, start.dataSet, start.diagnostics)
        }
        // Sources with only history (gharchive-*, clickpy-downloads, …) are for `--history`.
        let metrics = dataSet.metrics.filter { $0.collect?.source.measure != nil }
        guard !metrics.isEmpty else {
            let historyOnly = dataSet.metrics.contains { $0.collect != nil }
            report.error =
                historyOnly
                ? "\(options.dataDirectory)/metrics: every 'collect:' source here has only history; collect it with 'bearings collect --history'"
                : "\(options.dataDirectory)/metrics: no metric has a 'collect:' block; add one (see 'bearings collect --help')"
            report.exitCode = 1
            return report
        }
        let scaffold = Scaffold(dataDirectory: options.dataDirectory, now: options.now)
        let date = options.date ?? scaffold.today
        let path = scaffold.collectedSnapshotPath(date: date)
        if !options.dryRun, FileManager.default.fileExists(atPath: path) {
            report.error = "\(path): already exists; Bearings never overwrites a file (rename or delete it first)"
            report.exitCode = 2
            return report
        }

        let projects = columns(dataSet)
        var jobs: [Job] = []
        for metric in metrics {
            guard let spec = metric.collect, let measure = spec.source.measure else { continue }
            for project in projects {
                guard let target = spec.targets.first(where: { $0.project == project }) else { continue }
                jobs.append(
                    Job(
                        metric: metric.id, project: project, source: spec.source,
                        request: measure.request(for: target.argument, bases: bases)))
            }
        }
        if !options.dryRun {
            let clashes = measuredAlready(jobs, on: date, in: dataSet, path: path)
            if !clashes.isEmpty {
                report.diagnostics = (report.diagnostics + clashes).sorted()
                let values = clashes.count == 1 ? "1 of its values is" : "\(clashes.count) of its values are"
                report.error =
                    "\(path): not written; \(values) measured on \(date) already (above), and the data would no longer pass 'check'"
                report.exitCode = 2
                return report
            }
        }
        let client = CollectClient(
            transport: transport ?? URLSessionTransport(timeout: options.timeout),
            policy: RetryPolicy(maxWait: options.maxWait), headers: headers(options), now: options.now,
            sleep: options.sleep)
        let outcomes = await collect(jobs, client: client, concurrency: max(1, options.concurrency))
        report.values = zip(jobs, outcomes).map { job, outcome in
            CollectedSnapshot.Value(
                metric: job.metric, project: job.project, source: job.source,
                url: CollectBases.shown(job.request.url), outcome: outcome)
        }
        let text = CollectedSnapshot.text(
            date: date, metrics: metrics.map(\.id), projects: projects, values: report.values)
        report.text = text
        if !options.dryRun {
            do {
                report.path = try scaffold.newCollectedSnapshot(date: date, text: text)
            } catch {
                report.error = error.description
                report.exitCode = error.exitCode
                return report
            }
        }
        report.exitCode = report.failures == 0 ? 0 : 4
        return report
    }

    /// An error at every value, in a snapshot or a series, that `jobs` would measure again on `date`:
    /// two places measuring one value on one day make the data fail `check` (SPEC §1: two snapshots of
    /// a day must measure disjoint metric/project pairs), whatever the numbers.
    static func measuredAlready(_ jobs: [Job], on date: Day, in dataSet: DataSet, path: String) -> [Diagnostic] {
        var asked: [String: Set<String>] = [:]
        for job in jobs { asked[job.metric, default: []].insert(job.project) }
        var clashes: [Diagnostic] = []
        for observation in dataSet.observations
        where observation.date == date && asked[observation.metric]?.contains(observation.project) == true {
            clashes.append(
                .error(
                    observation.location,
                    "\(observation.metric) for \(observation.project) on \(date) is measured here already, and collect would measure it again in \(path)",
                    hint:
                        "one day's value is measured in one place; collect on another --date, or take this value out first"
                ))
        }
        return clashes.sorted()
    }

    /// The table's columns: this project, its competitors in order, then ids named only in `collect:`
    /// blocks (possible without `competitors:`, with a warning), by id.
    static func columns(_ dataSet: DataSet) -> [String] {
        let declared = [dataSet.project.id] + dataSet.project.competitors.map(\.id)
        let known = Set(declared)
        let others = Set(dataSet.metrics.flatMap { $0.collect?.targets.map(\.project) ?? [] }).subtracting(known)
        return declared + others.sorted()
    }

    /// Headers per service: a `User-Agent` everywhere; the token to GitHub only; ClickHouse's user
    /// (`BEARINGS_CLICKHOUSE_USER`, else the public `play`) and password to the two ClickHouse endpoints only.
    static func headers(_ options: CollectOptions) -> [CollectService: [String: String]] {
        var result: [CollectService: [String: String]] = [:]
        for service in CollectService.allCases {
            var fields = ["User-Agent": "bearings/\(options.version)", "Accept": "application/json"]
            if service == .github {
                fields["Accept"] = "application/vnd.github+json"
                if let token = options.environment["GITHUB_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines),
                    !token.isEmpty
                {
                    fields["Authorization"] = "Bearer \(token)"
                }
            }
            if service.isClickHouse {
                let environment = options.environment
                let user = environment["BEARINGS_CLICKHOUSE_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "play"
                fields["X-ClickHouse-User"] = user
                if let password = environment["BEARINGS_CLICKHOUSE_PASSWORD"], !password.isEmpty {
                    fields["X-ClickHouse-Key"] = password
                }
            }
            result[service] = fields
        }
        return result
    }

    /// Runs the jobs, at most `concurrency` at a time; the outcomes keep the jobs' order.
    static func collect(_ jobs: [Job], client: CollectClient, concurrency: Int) async -> [Result<Int64, CollectFailure>]
    {
        var outcomes = [Result<Int64, CollectFailure>](
            repeating: .failure(CollectFailure("not asked")), count: jobs.count)
        await withTaskGroup(of: (Int, Result<Int64, CollectFailure>).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask { (index, await client.value(job.request, source: job.source)) }
            }
            for _ in 0..<min(concurrency, jobs.count) { startNext() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                startNext()
            }
        }
        return outcomes
    }
}
