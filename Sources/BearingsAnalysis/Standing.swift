import BearingsModel

extension Analysis {
    /// Where a project stands on one metric: its newest value, its share and rank in that value's
    /// period, and their changes over a year. Every number that cannot be known is nil, with why.
    public struct Standing: Sendable, Equatable {
        /// The project's newest value.
        public var latest: SeriesPoint
        /// The metric's newest date (any project): when it is in a later period than `latest`, the
        /// project is no longer measured and its share and rank now are unknown.
        public var newest: Day
        /// The latest value and its changes (`Analysis.change`).
        public var change: Change
        /// The share in the latest period; nil when unknown or shares do not apply.
        public var share: Double?
        /// The share a year before the latest period, when known and in the same segment.
        public var shareYearAgo: SharePoint?
        /// 1 for the best value in the latest period; nil when unknown.
        public var rank: Int?
        /// How many projects are ranked: every member of the category in that period.
        public var ranked: Int
        /// Members of the category with no value in the latest period: why share and rank are unknown.
        public var notMeasured: [String]
        /// Whether the project's newest value is older than the metric's newest period.
        public var isStale: Bool

        /// The share's change over a year (fraction points); nil when either end is unknown.
        public var shareOverYear: Double? {
            guard let share, let base = shareYearAgo?.share else { return nil }
            return share - base
        }
    }

    /// Where `project` stands on `series` at its newest value; nil when it has no value. `shares`
    /// is `Analysis.share(series, of: project)`, or nil where shares do not apply. A project whose
    /// newest value is older than the metric's newest period has no share or rank now (stale).
    public static func standing(_ series: MetricSeries, of project: String, shares: [SharePoint]?) -> Standing? {
        guard let line = series.line(project), let change = change(line, in: series), let newest = series.newestDate
        else { return nil }
        let latest = change.latest
        let period = series.period(latest.date), segment = series.segment(latest.date)
        let isStale = series.period(newest) > period || series.segment(newest) != segment
        var result = Standing(
            latest: latest, newest: newest, change: change, share: nil, shareYearAgo: nil, rank: nil, ranked: 0,
            notMeasured: [], isStale: isStale)
        let (rank, members, missing) = rankInPeriod(series, of: project, value: latest.value, at: latest.date)
        result.ranked = members
        result.notMeasured = missing
        if !isStale {
            result.rank = rank
            result.share = shares.flatMap { share(on: latest.date, in: $0)?.share }
        }
        if let shares {
            result.shareYearAgo = shareYearBefore(latest.date, in: series, shares: shares)
        }
        return result
    }

    /// The rank (1 is best) of `value`, dated `day`, among the projects in the category in that
    /// period: nil when a member has no value in it. Returns also how many members there are and
    /// which of them were not measured.
    public static func rankInPeriod(_ series: MetricSeries, of project: String, value: Double, at day: Day) -> (
        rank: Int?, members: Int, notMeasured: [String]
    ) {
        let better: Double = series.metric.higherIsBetter ? 1 : -1
        var ahead = 0, members = 1, missing: [String] = []
        for other in series.category(inPeriod: series.period(day), segment: series.segment(day))
        where other.project != project {
            members += 1
            guard let theirs = other.point else {
                missing.append(other.project)
                continue
            }
            if (theirs.value - value) * better > 0 { ahead += 1 }
        }
        return (missing.isEmpty ? ahead + 1 : nil, members, missing)
    }

    /// The share point a year before `day`: the same period a year back at the metric's cadence,
    /// or (irregular) the newest share at least 365 days earlier; none across a break.
    static func shareYearBefore(_ day: Day, in series: MetricSeries, shares: [SharePoint]) -> SharePoint? {
        let segment = series.segment(day)
        let target: SharePoint?
        if let cadence = series.cadence {
            let period = cadence.period(day) - cadence.periodsPerYear
            target = shares.last { series.period($0.date) == period }
        } else {
            target = shares.last { $0.date.ordinal <= day.ordinal - 365 }
        }
        guard let target, series.segment(target.date) == segment else { return nil }
        return target
    }
}
