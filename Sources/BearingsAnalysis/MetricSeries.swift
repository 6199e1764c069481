import BearingsModel

/// One point of a series, with the observation it was read from.
///
/// 16 bytes: every observation of a large site is a point too. Where it was written is not kept
/// here but looked up through `observation` (`ObservationStore.location(at:)`).
public struct SeriesPoint: Sendable, Equatable {
    /// The value.
    public var value: Double
    /// The day of the measurement.
    public var date: Day
    /// The position of its observation in the data set's sorted list (`DataSet.observations`).
    public var observation: Int32

    /// Creates a point.
    public init(date: Day, value: Double, observation: Int32) {
        self.date = date
        self.value = value
        self.observation = observation
    }
}

/// Every project's points for one metric, sorted by date.
public struct MetricSeries: Sendable, Equatable {
    /// The metric.
    public var metric: Metric
    /// Per project, in the data set's project order; only projects with at least one point.
    public var lines: [Line]
    /// Every date at which any project was measured, ascending.
    public var dates: [Day]
    /// The metric's cadence: declared, or inferred from its dates; nil when it is measured
    /// irregularly, so that no period can be missing.
    public var cadence: Cadence?
    /// The days of the metric's `break: true` events, ascending: the series is split at each, and
    /// nothing is compared across one.
    public var breaks: [Day]

    /// Creates a series; the cadence is the metric's own or, without one, inferred from the lines.
    public init(metric: Metric, lines: [Line], dates: [Day]) {
        self.metric = metric
        self.lines = lines
        self.dates = dates
        cadence = metric.cadence ?? Cadence.inferred(from: lines.map { $0.points.map(\.date) })
        breaks = metric.events.filter(\.isBreak).map(\.date)
        datedByMonth = !dates.isEmpty && dates.allSatisfy { $0.day == 1 }
    }

    /// Whether every date is the first of a month: an irregular metric's dates are then shown as
    /// months ("Nov 2019"), the precision they were written with.
    public var datedByMonth: Bool

    /// One project's points.
    public struct Line: Sendable, Equatable {
        /// Project id.
        public var project: String
        /// Points sorted by date.
        public var points: [SeriesPoint]

        /// The value on a day, if measured.
        public func value(on day: Day) -> Double? {
            var low = 0, high = points.count - 1
            while low <= high {
                let middle = (low + high) / 2
                if points[middle].date == day { return points[middle].value }
                if points[middle].date < day { low = middle + 1 } else { high = middle - 1 }
            }
            return nil
        }

        /// The last point on or before a day.
        public func last(onOrBefore day: Day) -> SeriesPoint? {
            points.lastIndex(onOrBefore: day, date: \.date).map { points[$0] }
        }
    }

    /// The line of a project.
    public func line(_ project: String) -> Line? { lines.first(where: { $0.project == project }) }

    /// The newest date with a value.
    public var newestDate: Day? { dates.last }

    /// Which part of the series a day falls in: the number of breaks on or before it.
    public func segment(_ day: Day) -> Int {
        breaks.lastIndex(onOrBefore: day, date: { $0 }).map { $0 + 1 } ?? 0
    }

    /// The number of the period holding `day` at the metric's cadence; the day itself when the
    /// metric is irregular.
    public func period(_ day: Day) -> Int { cadence?.period(day) ?? day.ordinal }

    /// The first day of a period number.
    public func start(ofPeriod period: Int) -> Day { cadence?.start(ofPeriod: period) ?? Day(ordinal: period) }

    /// A date as the metric's cadence shows it: "2019", "2019 Q4", "Nov 2019", or the ISO date
    /// (the month, for an irregular metric dated on firsts of months).
    public func label(_ day: Day) -> String {
        cadence?.label(day) ?? (datedByMonth ? Cadence.month.label(day) : day.description)
    }

    /// A line's newest point in period number `period`, when it lies in `segment`.
    public func point(_ line: Line, inPeriod period: Int, segment: Int) -> SeriesPoint? {
        let end = start(ofPeriod: period + 1).addingDays(-1)
        guard let index = line.points.lastIndex(onOrBefore: end, date: \.date) else { return nil }
        let point = line.points[index]
        guard self.period(point.date) == period, self.segment(point.date) == segment else { return nil }
        return point
    }

    /// The category in period number `period` of `segment`: every project measured in it or
    /// before it since the last break (a project belongs from its first value on), in line order,
    /// each with its newest value in that period, or nil when it was not measured then. The one
    /// rule behind shares and ranks.
    public func category(inPeriod period: Int, segment: Int) -> [(project: String, point: SeriesPoint?)] {
        let end = start(ofPeriod: period + 1).addingDays(-1)
        return lines.compactMap { line in
            guard let index = line.points.lastIndex(onOrBefore: end, date: \.date),
                self.segment(line.points[index].date) == segment
            else { return nil }
            let point = line.points[index]
            return (line.project, self.period(point.date) == period ? point : nil)
        }
    }

    /// Whether a line may be drawn from one value to the next: no period is missing between them
    /// (an irregular metric misses none) and no break lies between them.
    package func isNext(_ earlier: Day, _ later: Day) -> Bool {
        (cadence == nil || period(later) - period(earlier) <= 1) && segment(earlier) == segment(later)
    }

    /// How many periods a line misses between its first and last value: `gaps(line).count`,
    /// without listing them.
    public func gapCount(_ line: Line) -> Int {
        guard cadence != nil else { return 0 }
        return zip(line.points, line.points.dropFirst()).reduce(0) { count, pair in
            count + max(0, period(pair.1.date) - period(pair.0.date) - 1)
        }
    }

    /// The periods a line misses between its first and last value (their first days); none when
    /// the metric is irregular.
    public func gaps(_ line: Line) -> [Day] {
        guard cadence != nil else { return [] }
        var result: [Day] = []
        for (earlier, later) in zip(line.points, line.points.dropFirst()) {
            let from = period(earlier.date), to = period(later.date)
            guard to - from > 1 else { continue }
            for missing in (from + 1)..<to { result.append(start(ofPeriod: missing)) }
        }
        return result
    }
}

extension Analysis {
    /// Series for every metric, keyed by metric id; metrics without data have no lines.
    public static func series(_ dataSet: DataSet) -> [String: MetricSeries] {
        // Observations come sorted by metric, project and date, so each line is a run of them; runs
        // are collected without a dictionary lookup per observation.
        var points: [String: [String: [SeriesPoint]]] = [:]
        var run: [SeriesPoint] = []
        var runMetric = "", runProject = ""
        func close() {
            if !run.isEmpty { points[runMetric, default: [:]][runProject, default: []] += run }
            run = []
        }
        // A list of more than 2^31 observations could not be held in memory; positions fit in 32 bits.
        for (position, observation) in dataSet.observations.enumerated() {
            if observation.metric != runMetric || observation.project != runProject {
                close()
                runMetric = observation.metric
                runProject = observation.project
            }
            run.append(
                SeriesPoint(
                    date: observation.date, value: observation.value,
                    observation: Int32(truncatingIfNeeded: position)))
        }
        close()
        let order = dataSet.projectIDs
        var result: [String: MetricSeries] = [:]
        for metric in dataSet.metrics {
            let byProject = points[metric.id] ?? [:]
            let lines = order.compactMap { project -> MetricSeries.Line? in
                guard let list = byProject[project], !list.isEmpty else { return nil }
                let inOrder = zip(list, list.dropFirst()).allSatisfy { $0.date <= $1.date }
                return MetricSeries.Line(project: project, points: inOrder ? list : list.sorted { $0.date < $1.date })
            }
            let dates = Set(lines.flatMap { $0.points.map(\.date) }).sorted()
            result[metric.id] = MetricSeries(metric: metric, lines: lines, dates: dates)
        }
        return result
    }
}
