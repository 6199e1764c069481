import BearingsModel

/// The periods a history source counts in: calendar months, or years (OpenAlex's publication years).
public enum HistoryPeriod: String, Sendable {
    /// Calendar months, dated on their first day.
    case month
    /// Calendar years, dated on 1 January.
    case year

    /// The first day of the period `day` falls in.
    public func start(of day: Day) -> Day {
        switch self {
        case .month: Day(year: day.year, month: day.month, day: 1) ?? day
        case .year: Day(year: day.year, month: 1, day: 1) ?? day
        }
    }

    /// The first day of the period after the one starting at `start`.
    public func next(_ start: Day) -> Day {
        switch self {
        case .month: start.addingMonths(1)
        case .year: start.addingMonths(12)
        }
    }

    /// The first days of the periods from the one holding `from` up to, not including, the one starting
    /// at `to`.
    public func periods(from: Day, to: Day) -> [Day] {
        var result: [Day] = []
        var period = start(of: from)
        while period < to {
            result.append(period)
            period = next(period)
        }
        return result
    }
}

/// One request of a history source: a GET, or a POST with a body (ClickHouse's SQL).
public struct HistoryRequest: Sendable, Equatable {
    /// The service, for its headers (User-Agent; ClickHouse's credentials) and the retry rules.
    public var service: CollectService
    /// The full URL, already percent-encoded.
    public var url: String
    /// The body of a POST; nil for a GET.
    public var body: [UInt8]?

    /// Creates a request.
    public init(service: CollectService, url: String, body: [UInt8]? = nil) {
        self.service = service
        self.url = url
        self.body = body
    }

    /// "GET url", or "POST url" and the body on the lines under it: what `--dry-run` prints and the
    /// provenance file keeps.
    public var shown: String {
        guard let body else { return "GET " + CollectBases.shown(url) }
        return "POST " + CollectBases.shown(url) + "\n" + String(decoding: body, as: UTF8.self)
    }
}

/// What every history source is told besides its argument.
public struct HistoryContext: Sendable {
    /// The services' base URLs.
    public var bases: CollectBases
    /// Seconds a request may take (`--timeout`): ClickHouse's `max_execution_time`, so the server stops
    /// working when Bearings stops waiting.
    public var timeout: Double

    /// Creates a context.
    public init(bases: CollectBases, timeout: Double) {
        self.bases = bases
        self.timeout = timeout
    }
}

/// A source with history: the requests for a range of periods, and the value of each period read from
/// the answers. Pure, so it is tested on recorded answers and a local ClickHouse.
public protocol CollectHistory: Sendable {
    /// The periods it counts in.
    var period: HistoryPeriod { get }
    /// The first day it has numbers for: where "as far back as the source goes" starts.
    var earliest: Day { get }
    /// Where the numbers come from, in a few words with the endpoint: "GH Archive (github_events) at …".
    func origin(_ context: HistoryContext) -> String
    /// The requests for the periods starting at `from` (a period's first day) up to, not including, `to`.
    func requests(for argument: String, from: Day, to: Day, context: HistoryContext) -> [HistoryRequest]
    /// The value per period (keyed by the period's first day) in `answer`, a successful answer to
    /// `request`; periods it does not name had none (zero).
    func values(from answer: CollectAnswer, request: HistoryRequest) -> Result<[Day: Int64], CollectFailure>
    /// What `answer` held that `values(from:request:)` leaves out on purpose, one short sentence each,
    /// for the provenance file (OpenAlex's `unknown` year); empty for most sources.
    func notes(from answer: CollectAnswer, request: HistoryRequest) -> [String]
}

extension CollectHistory {
    /// Nothing is left out.
    public func notes(from answer: CollectAnswer, request: HistoryRequest) -> [String] { [] }
}

extension CollectSource {
    /// The source's history; nil when it gives only today's value.
    public var history: (any CollectHistory)? {
        switch self {
        case .gharchiveStars: GHArchiveHistory(count: .stars)
        case .gharchiveForks: GHArchiveHistory(count: .forks)
        case .gharchiveContributors: GHArchiveHistory(count: .contributors)
        case .gharchiveIssues: GHArchiveHistory(count: .issues)
        case .clickpyDownloads: ClickPyHistory()
        case .npmDownloads: NpmRangeHistory()
        case .openalexWorksPerYear: OpenAlexWorksPerYear()
        default: nil
        }
    }
}
