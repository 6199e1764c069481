import BearingsKit
import Foundation

/// What `bearings collect` was asked to do, with the clock, the sleep and the environment passed in so
/// tests pin them.
public struct CollectOptions: Sendable {
    /// The data folder.
    public var dataDirectory: String
    /// The snapshot's date; nil for today in UTC by `now`.
    public var date: Day?
    /// Print the snapshot instead of writing it.
    public var dryRun: Bool
    /// Seconds each exchange may take, body and redirects included (`--timeout`).
    public var timeout: Double
    /// The longest wait for a rate limit or `Retry-After` (`--max-wait`), in seconds.
    public var maxWait: Double
    /// How many requests are in flight at once.
    public var concurrency: Int
    /// The environment: `BEARINGS_*_API` and `GITHUB_TOKEN`.
    public var environment: [String: String]
    /// Bearings's version, for the `User-Agent`.
    public var version: String
    /// The clock.
    public var now: @Sendable () -> Date
    /// Waits this many seconds (tests make it instant).
    public var sleep: @Sendable (Double) async -> Void

    /// Creates options; the defaults are the command line's.
    public init(
        dataDirectory: String = "data", date: Day? = nil, dryRun: Bool = false, timeout: Double = 30,
        maxWait: Double = 60, concurrency: Int = 4, environment: [String: String] = [:], version: String,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async -> Void = { seconds in
            // Clamped, so no wait a caller passes traps: at most a day and a second, nan as 0.
            try? await Task.sleep(nanoseconds: UInt64(min(max(0, seconds), RetryPolicy.longestWait) * 1_000_000_000))
        }
    ) {
        self.dataDirectory = dataDirectory
        self.date = date
        self.dryRun = dryRun
        self.timeout = timeout
        self.maxWait = maxWait
        self.concurrency = concurrency
        self.environment = environment
        self.version = version
        self.now = now
        self.sleep = sleep
    }
}

/// What `bearings collect` did: for the command to print and turn into an exit status.
public struct CollectReport: Sendable {
    /// Problems in the data (configuration errors and warnings), sorted.
    public var diagnostics: [Diagnostic] = []
    /// A problem that is not in a file (a bad `BEARINGS_*_API`, an unreadable folder, a file that exists).
    public var error: String?
    /// Every value asked for, in the snapshot's order.
    public var values: [CollectedSnapshot.Value] = []
    /// The snapshot's text, once collected.
    public var text: String?
    /// Where it was written; nil for `--dry-run` or when nothing was written.
    public var path: String?
    /// 0 every value collected, 4 some failed, 1 configuration errors, 2 the file exists, 3 I/O.
    public var exitCode: Int32 = 0

    /// How many values could not be had.
    public var failures: Int { values.filter { if case .failure = $0.outcome { true } else { false } }.count }
}
