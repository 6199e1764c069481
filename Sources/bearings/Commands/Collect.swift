import ArgumentParser
import BearingsCollect
import BearingsKit
import Foundation

/// `bearings collect`: measure the metrics that have a `collect:` block and write them as a snapshot.
struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure every metric with a 'collect:' block and write snapshots/<date>-collected.md.",
        discussion: """
            Sources: github-stars, github-forks, github-watchers, github-open-issues, github-contributors \
            and github-code-search (projects: owner/repo, or a code search query), pypi-downloads, \
            npm-downloads, crates-downloads (a package name) and openalex-works (a search query). \
            The snapshot has one row per collected metric, '?' where a value could not be had, and under \
            the table the URL asked for every value and why any failed. It never overwrites a file. \
            BEARINGS_GITHUB_API, BEARINGS_PYPISTATS_API, BEARINGS_NPM_API, BEARINGS_CRATES_API and \
            BEARINGS_OPENALEX_API override the services' base URLs; GITHUB_TOKEN, when set, is sent to \
            GitHub only, and never on a redirect to another scheme, host or port. 429 and 5xx answers \
            are tried again (3 tries, honouring Retry-After); GitHub's rate limit is waited for up to \
            --max-wait. --timeout covers each whole exchange, body and redirects included; an answer \
            over 8 MiB (decoded) and a sixth redirect fail the value. A date on which another file \
            already measures one of the values is refused (exit 2). \
            Exit status: 0 every value collected, 4 some failed (the file has '?' for them), 1 the \
            configuration has errors, 2 the file exists already or bad usage, 3 an I/O failure.

            With --history: every metric whose source has history (gharchive-stars, gharchive-forks, \
            gharchive-contributors, gharchive-issues and clickpy-downloads on ClickHouse, \
            npm-downloads, openalex-works-per-year) gets one value per complete month (year for \
            OpenAlex) from --since (default: as far back as the source goes) up to the last period that \
            ended before --date, added to series/collected-<metric id>.csv; a later run adds only the \
            periods it lacks, and where each value comes from goes to series/collected-<metric \
            id>.sources.txt. BEARINGS_GHARCHIVE_URL and BEARINGS_CLICKPY_URL name the ClickHouse \
            endpoints (default: the public ones, user play); BEARINGS_CLICKHOUSE_USER and \
            BEARINGS_CLICKHOUSE_PASSWORD, when set, go to those two only. A metric with a value that \
            failed is left untouched (exit 4); --dry-run prints the queries and the rows.
            """)

    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
    var data: String = "data"

    @Option(
        name: .long,
        help: ArgumentHelp("The snapshot's date (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(name: .long, help: "Print the snapshot (with --history: the queries and rows) instead of writing it.")
    var dryRun = false

    @Flag(name: .long, help: "Collect the history: one value per complete period, into series/collected-<id>.csv.")
    var history = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --history, the first month to ask for (default: as far back as the source goes).",
            valueName: "YYYY-MM"))
    var since: String?

    @Option(
        name: .long, help: ArgumentHelp("Seconds each request may take, body and redirects included.", valueName: "s"))
    var timeout: Double = 30

    @Option(
        name: .long,
        help: ArgumentHelp("The longest wait, in seconds, for a rate limit or a Retry-After.", valueName: "s"))
    var maxWait: Double = 60

    @Option(name: .long, help: ArgumentHelp("How to print problems: text, github or json.", valueName: "format"))
    var format: DiagnosticFormat = .text

    func validate() throws {
        try DateOption.validate(date)
        if let since {
            guard history else { throw ValidationError("--since goes with --history") }
            guard Self.month(since) != nil else {
                throw ValidationError("--since must be a month as YYYY-MM, not '\(since)'")
            }
        }
        if !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if !(maxWait >= 0 && maxWait <= 86_400) {
            throw ValidationError("--max-wait must be between 0 and 86400 seconds")
        }
    }

    func run() async throws {
        let options = CollectOptions(
            dataDirectory: data, date: date.flatMap { Day(iso: $0) }, dryRun: dryRun, timeout: timeout,
            maxWait: maxWait, environment: ProcessInfo.processInfo.environment,
            version: Bearings.configuration.version)
        if history {
            let report = await HistoryCollector.run(
                HistoryOptions(collect: options, since: since.flatMap(Self.month)))
            CollectHistoryPrinter(format: format).print(report, dryRun: dryRun)
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        let report = await Collector.run(options)
        CollectPrinter(format: format).print(report, dryRun: dryRun)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// The first day of a month written YYYY-MM, between 1970 and 2099.
    static func month(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1970...2099).contains(year)
        else { return nil }
        return Day(year: year, month: month, day: 1)
    }
}
