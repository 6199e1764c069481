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
    /// Every measured cell.
    public var observations: [Observation]
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
        self.observations = observations
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
