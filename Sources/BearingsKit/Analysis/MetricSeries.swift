/// One point of a series, with where it was written.
public struct SeriesPoint: Sendable, Equatable {
    /// The day of the measurement.
    public var date: Day
    /// The value.
    public var value: Double
    /// The file, line and column it came from.
    public var location: SourceLocation
}

/// Every project's points for one metric, sorted by date.
public struct MetricSeries: Sendable, Equatable {
    /// The metric.
    public var metric: Metric
    /// Per project, in the data set's project order; only projects with at least one point.
    public var lines: [Line]
    /// Every date at which any project was measured, ascending.
    public var dates: [Day]

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
        for observation in dataSet.observations {
            if observation.metric != runMetric || observation.project != runProject {
                close()
                runMetric = observation.metric
                runProject = observation.project
            }
            run.append(SeriesPoint(date: observation.date, value: observation.value, location: observation.location))
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

extension Array {
    /// The index of the last element dated on or before `day`, in an array sorted by date; a binary
    /// search, since bet reviews ask this of every watched metric of every decision.
    func lastIndex(onOrBefore day: Day, date: (Element) -> Day) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if date(self[middle]) <= day { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}
