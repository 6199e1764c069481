import BearingsModel

/// Pure functions over the data set: shares, changes, crossovers, bet reviews, traceability.
/// Missing values stay missing: never zero, never interpolated.
public enum Analysis {
    /// Whether a share of the total makes sense for a metric: usage or community counts, not percentages.
    public static func shareApplies(_ metric: Metric) -> Bool {
        (metric.kind == .usage || metric.kind == .community) && !metric.isPercentage
    }

    /// One date of a share series.
    public struct SharePoint: Sendable, Equatable {
        /// The date.
        public var date: Day
        /// The project's value ÷ the sum over every project in the category that period; nil when
        /// it is unknown: the project or another member was not measured, or the sum is not positive.
        public var share: Double?
        /// The members of the category at that date (the denominator), in project order: every
        /// project measured on or before it since the last break.
        public var projectsMeasured: [String]
        /// The members with no value in that period, which make the share unknown.
        public var notMeasured: [String]
    }

    /// A project's share of the total at every date any project was measured. A project belongs to
    /// the category from its first value on (since the last break); where any member has no value
    /// in the date's period, the share is unknown (nil), never computed over the members left.
    public static func share(_ series: MetricSeries, of project: String) -> [SharePoint] {
        shares(series, of: [project])[project] ?? []
    }

    /// The share of each of `projects` at every date any project was measured, by the rule of
    /// `share(_:of:)`, worked out in one pass over the dates: each date's category and total are
    /// found once for all of them. Every project of the series when `projects` is nil. Before a
    /// project's first value (since the last break) its share is nil: it is not yet in the category.
    public static func shares(_ series: MetricSeries, of projects: [String]? = nil) -> [String: [SharePoint]] {
        let projects = projects ?? series.lines.map(\.project)
        var result: [[SharePoint]] = Array(repeating: [], count: projects.count)
        for index in result.indices { result[index].reserveCapacity(series.dates.count) }
        let wanted = Dictionary(projects.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [Double?] = Array(repeating: nil, count: projects.count)
        var lastPeriod: Int?
        for date in series.dates {
            let period = series.period(date), segment = series.segment(date)
            // Within one period the values taken are the same, so the shares are too.
            if period == lastPeriod, let previous = result.first?.last, series.segment(previous.date) == segment {
                for index in result.indices {
                    guard var repeated = result[index].last else { continue }
                    repeated.date = date
                    result[index].append(repeated)
                }
                continue
            }
            lastPeriod = period
            var total = 0.0, members: [String] = [], missing: [String] = []
            for index in values.indices { values[index] = nil }
            for member in series.category(inPeriod: period, segment: segment) {
                members.append(member.project)
                guard let point = member.point else {
                    missing.append(member.project)
                    continue
                }
                total += point.value
                // One project (ours, for every metric): a comparison, not a lookup.
                if projects.count == 1 {
                    if member.project == projects[0] { values[0] = point.value }
                } else if let index = wanted[member.project] {
                    values[index] = point.value
                }
            }
            // The same projects from one period to the next, mostly: the previous point's lists are
            // kept instead (arrays share their storage), so a long daily series holds one list for
            // a run of periods rather than one a day.
            if let previous = result.first?.last {
                if previous.projectsMeasured == members { members = previous.projectsMeasured }
                if previous.notMeasured == missing { missing = previous.notMeasured }
            }
            for index in projects.indices {
                var share: Double?
                if missing.isEmpty, let value = values[index], value >= 0, total > 0 { share = value / total }
                result[index].append(
                    SharePoint(date: date, share: share, projectsMeasured: members, notMeasured: missing))
            }
        }
        return Dictionary(zip(projects, result), uniquingKeysWith: { first, _ in first })
    }

    /// The entry of `shares` dated exactly `day`, if any (`shares` sorted by date).
    public static func share(on day: Day, in shares: [SharePoint]) -> SharePoint? {
        guard let index = shares.lastIndex(onOrBefore: day, date: \.date), shares[index].date == day else { return nil }
        return shares[index]
    }

    /// Dates at which a project joins the category (the share's denominator grows), after the first date.
    public static func denominatorChanges(_ points: [SharePoint]) -> [Day] {
        zip(points, points.dropFirst()).compactMap { previous, current in
            previous.projectsMeasured == current.projectsMeasured ? nil : current.date
        }
    }

    /// Whether a value dated `day` is settled: its date plus the metric's lag is on or before the
    /// reference date. The one rule for shading, crossovers and bet reviews.
    public static func isSettled(_ day: Day, lag: Lag?, reference: Day) -> Bool {
        (lag?.after(day) ?? day) <= reference
    }

    /// The latest value and its changes.
    public struct Change: Sendable, Equatable {
        /// The newest point.
        public var latest: SeriesPoint
        /// The value one period before the latest (the previous point when the metric is irregular), if measured.
        public var previous: SeriesPoint?
        /// The value in the same period a year before the latest (irregular: the newest at least
        /// 365 days before it), if measured.
        public var yearAgo: SeriesPoint?

        /// latest − previous.
        public var sincePrevious: Double? { previous.map { latest.value - $0.value } }
        /// (latest − previous) ÷ |previous|; nil when previous is 0.
        public var sincePreviousRelative: Double? { relative(previous) }
        /// latest − year-ago value.
        public var overYear: Double? { yearAgo.map { latest.value - $0.value } }
        /// (latest − year-ago) ÷ |year-ago|; nil when it is 0.
        public var overYearRelative: Double? { relative(yearAgo) }

        private func relative(_ base: SeriesPoint?) -> Double? {
            guard let base, base.value != 0 else { return nil }
            return (latest.value - base.value) / abs(base.value)
        }
    }

    /// A base below this many units, for a metric whose values are counts (not percentages) and a
    /// whole number, is small: "+150%" from 2 papers says less than "2 → 5 papers".
    public static let smallBaseCount = 20.0
    /// A base smaller than this fraction of the newest value is small: a change of more than
    /// twentyfold ("+8666.7%" from 3 to 263 papers, or a typo in the first value) is written as
    /// "3 → 263 papers".
    public static let smallBaseFraction = 0.05

    /// Whether a relative change from `base` to `latest` is better written as the two values than
    /// as a percentage: the base is under 5% of the newest value (in magnitude), or, for a count
    /// (`isPercentage` false), a whole number under 20; a base of 0 is always small.
    public static func isSmallBase(_ base: Double, latest: Double, isPercentage: Bool) -> Bool {
        let magnitude = abs(base)
        if magnitude < smallBaseFraction * abs(latest) || base == 0 { return true }
        return !isPercentage && magnitude < smallBaseCount && base == base.rounded()
    }

    /// The time between a base and the value compared with it, in words: "a year" for one year
    /// back at a cadence; otherwise the real span, rounded to whole months ("2 years", "18 months")
    /// or, below two months, days ("40 days"). `cadence` given means `from` is one year of it
    /// before `to`.
    public static func spanWords(from: Day, to: Day, cadence: Cadence?) -> String {
        if cadence != nil { return "a year" }
        let days = to.ordinal - from.ordinal
        let months = Int((Double(days) / 30.436875).rounded())
        if months < 2 { return days == 1 ? "a day" : "\(days) days" }
        if months % 12 == 0 { return months == 12 ? "a year" : "\(months / 12) years" }
        return "\(months) months"
    }

    /// Latest value, change since one period back and over a year, for one line of `series`; a
    /// base in a missing period or across a break is nil.
    public static func change(_ line: MetricSeries.Line, in series: MetricSeries) -> Change? {
        guard let latest = line.points.last else { return nil }
        let segment = series.segment(latest.date)
        guard let cadence = series.cadence else {
            let earlier = line.points.dropLast().filter { series.segment($0.date) == segment }
            let cutoff = latest.date.ordinal - 365
            return Change(
                latest: latest, previous: earlier.last, yearAgo: earlier.last(where: { $0.date.ordinal <= cutoff }))
        }
        let period = cadence.period(latest.date)
        return Change(
            latest: latest, previous: series.point(line, inPeriod: period - 1, segment: segment),
            yearAgo: series.point(line, inPeriod: period - cadence.periodsPerYear, segment: segment))
    }

    /// A date at which the order of two projects changed.
    public struct Crossover: Sendable, Equatable {
        /// The first date of the new order.
        public var date: Day
        /// The competitor.
        public var competitor: String
        /// True when this project passed the competitor, false when the competitor passed it.
        public var weLead: Bool
    }

    /// Every date at which the order of this project and a competitor changed for good, comparing
    /// values of the same period; a break starts afresh. "Passing" follows the metric's
    /// `higher_is_better`. A pass counts only when the passer stays ahead for at least two
    /// compared periods (the period of the pass and the next one both are measured in), or when it
    /// is the newest comparison there is: a one-period back-and-forth on noisy data is no pass.
    /// Equal values are a tie only when both are non-zero (0 against 0 is two projects not yet
    /// used); a tie is not a pass and keeps the old order, and so does a pass that did not last.
    public static func crossovers(_ series: MetricSeries, project: String) -> (
        crossovers: [Crossover], ties: [(Day, String)]
    ) {
        guard let ours = series.line(project) else { return ([], []) }
        var crossovers: [Crossover] = []
        var ties: [(Day, String)] = []
        let better: Double = series.metric.higherIsBetter ? 1 : -1
        for other in series.lines where other.project != project {
            // The signs of the comparisons of one segment, in date order: 1 when we lead, -1 when
            // they do, 0 for a tie or two zeros.
            var compared: [(date: Day, sign: Int)] = []
            var segment = series.segment(ours.points.first?.date ?? Day(ordinal: 0))
            func close() {
                var order = 0
                for (index, comparison) in compared.enumerated() where comparison.sign != 0 {
                    guard order != 0 else {
                        order = comparison.sign
                        continue
                    }
                    guard comparison.sign != order else { continue }
                    let next = compared.index(after: index)
                    guard next == compared.endIndex || compared[next].sign == comparison.sign else { continue }
                    order = comparison.sign
                    crossovers.append(Crossover(date: comparison.date, competitor: other.project, weLead: order > 0))
                }
                compared.removeAll(keepingCapacity: true)
            }
            for point in ours.points {
                let pointSegment = series.segment(point.date)
                if pointSegment != segment {
                    close()
                    segment = pointSegment
                }
                guard let theirs = series.point(other, inPeriod: series.period(point.date), segment: segment)?.value
                else { continue }
                let difference = (point.value - theirs) * better
                let sign = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
                if sign == 0, point.value != 0 || theirs != 0 { ties.append((point.date, other.project)) }
                compared.append((point.date, sign))
            }
            close()
        }
        crossovers.sort { ($0.date, $0.competitor) < ($1.date, $1.competitor) }
        ties.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return (crossovers, ties)
    }
}
