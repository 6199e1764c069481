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
        /// The project's value ÷ the sum over all projects measured that day.
        public var share: Double
        /// The projects measured that day (the denominator), in project order.
        public var projectsMeasured: [String]
    }

    /// A project's share of the total per date; dates where it was not measured or the total is 0 are left out.
    public static func share(_ series: MetricSeries, of project: String) -> [SharePoint] {
        guard let line = series.line(project) else { return [] }
        var result: [SharePoint] = []
        for point in line.points {
            var total = 0.0
            var measured: [String] = []
            for other in series.lines {
                if let value = other.value(on: point.date) {
                    total += value
                    measured.append(other.project)
                }
            }
            guard total > 0, point.value >= 0 else { continue }
            result.append(SharePoint(date: point.date, share: point.value / total, projectsMeasured: measured))
        }
        return result
    }

    /// Dates at which the set of projects in the denominator differs from the previous date's.
    public static func denominatorChanges(_ points: [SharePoint]) -> [Day] {
        zip(points, points.dropFirst()).compactMap { previous, current in
            previous.projectsMeasured == current.projectsMeasured ? nil : current.date
        }
    }

    /// The latest value and its changes.
    public struct Change: Sendable, Equatable {
        /// The newest point.
        public var latest: SeriesPoint
        /// The point before it, if any.
        public var previous: SeriesPoint?
        /// The newest point at least 365 days before the latest, if any.
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

    /// Latest value, change since the previous point and over a year, for one line.
    public static func change(_ line: MetricSeries.Line) -> Change? {
        guard let latest = line.points.last else { return nil }
        let previous = line.points.count > 1 ? line.points[line.points.count - 2] : nil
        let cutoff = latest.date.ordinal - 365
        let yearAgo = line.points.last(where: { $0.date.ordinal <= cutoff })
        return Change(latest: latest, previous: previous, yearAgo: yearAgo)
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

    /// Every date at which the order of this project and a competitor changed, back-and-forth included.
    /// "Passing" follows the metric's `higher_is_better`; a tie is not a pass and keeps the old order.
    public static func crossovers(_ series: MetricSeries, project: String) -> (
        crossovers: [Crossover], ties: [(Day, String)]
    ) {
        guard let ours = series.line(project) else { return ([], []) }
        var crossovers: [Crossover] = []
        var ties: [(Day, String)] = []
        let better: Double = series.metric.higherIsBetter ? 1 : -1
        for other in series.lines where other.project != project {
            var lastSign = 0
            for point in ours.points {
                guard let theirs = other.value(on: point.date) else { continue }
                let difference = (point.value - theirs) * better
                let sign = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
                if sign == 0 {
                    ties.append((point.date, other.project))
                    continue
                }
                if lastSign != 0, sign != lastSign {
                    crossovers.append(Crossover(date: point.date, competitor: other.project, weLead: sign > 0))
                }
                lastSign = sign
            }
        }
        crossovers.sort { ($0.date, $0.competitor) < ($1.date, $1.competitor) }
        ties.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return (crossovers, ties)
    }
}
