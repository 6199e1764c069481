/// One dated set of measurements (snapshots/<any>.md).
public struct Snapshot: Sendable, Equatable {
    /// File name without `.md`.
    public var id: String
    /// The first `# ` heading, or the date when there is none.
    public var title: String
    /// The day the measures were taken.
    public var date: Day
    /// Where the numbers come from.
    public var source: String?
    /// Column ids of the measurement table, in order.
    public var projects: [String]
    /// Where each column's header cell is, parallel to `projects`.
    public var projectLocations: [SourceLocation]
    /// Metric ids of the measurement table, in order.
    public var metrics: [String]
    /// Where each metric row starts, parallel to `metrics`.
    public var metricLocations: [SourceLocation]
    /// Every measured cell, in table order. Once the data set is validated, these are positions
    /// in its sorted list (`DataSet.observations`) rather than a second copy of each value.
    public var observations: ObservationList
    /// Everything in the file except the measurement table and the title.
    public var notes: MarkdownDocument
    /// Where the file starts.
    public var location: SourceLocation

    /// Creates a snapshot.
    public init(
        id: String, title: String, date: Day, source: String? = nil, projects: [String] = [],
        projectLocations: [SourceLocation] = [], metrics: [String] = [], metricLocations: [SourceLocation] = [],
        observations: [Observation] = [],
        notes: MarkdownDocument = MarkdownDocument(), location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.projects = projects
        self.projectLocations = projectLocations
        self.metrics = metrics
        self.metricLocations = metricLocations
        self.observations = ObservationList(observations)
        self.notes = notes
        self.location = location
    }
}

/// One measured value: a metric for a project on a day, with where it was written.
///
/// The 32-bit date comes last, after the location's two 32-bit numbers, so that nothing is padded
/// (88 bytes each; a large site holds about a million).
public struct Observation: Sendable, Equatable {
    /// Metric id.
    public var metric: String
    /// Project (column) id.
    public var project: String
    /// The cell's text as written.
    public var text: String
    /// The number, percentages as written (49.7% is 49.7).
    public var value: Double
    /// Where the cell is.
    public var location: SourceLocation
    /// The day of the measurement.
    public var date: Day

    /// Creates an observation.
    public init(date: Day, metric: String, project: String, value: Double, text: String, location: SourceLocation) {
        self.date = date
        self.metric = metric
        self.project = project
        self.value = value
        self.text = text
        self.location = location
    }
}

/// Observations in an order of their own: either an array of them, or positions in a list held
/// elsewhere (a snapshot's cells, in table order, within the data set's sorted list), which then
/// is shared rather than copied.
public struct ObservationList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The observations, when they are not positions in a list held elsewhere.
    private let own: ObservationStore
    /// The list `positions` point into; empty when the observations are `own`.
    private let list: ObservationStore
    /// Which of `list`, in order; nil when the observations are `own`.
    private let positions: [Int32]?

    /// The observations of an array, in its order.
    public init(_ observations: [Observation]) {
        self.init(store: ObservationStore(observations))
    }

    /// The observations of a store, in its order.
    package init(store: ObservationStore) {
        own = store
        list = ObservationStore()
        positions = nil
    }

    /// The store holding these observations in this order, when they are not positions in a list
    /// held elsewhere: what validation copies into the data set's store a column at a time.
    package var store: ObservationStore? { positions == nil ? own : nil }

    /// The observations of an array literal.
    public init(arrayLiteral elements: Observation...) { self.init(elements) }

    /// The observations at `positions` of `list` (each a valid index), in that order.
    package init(positions: [Int32], in list: ObservationStore) {
        own = ObservationStore()
        self.list = list
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? own.count }
    public subscript(index: Int) -> Observation {
        guard let positions else { return own[index] }
        return list[Int(positions[index])]
    }

    public static func == (lhs: ObservationList, rhs: ObservationList) -> Bool { lhs.elementsEqual(rhs) }
}
