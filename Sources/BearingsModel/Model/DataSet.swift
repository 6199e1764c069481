/// Everything read from a data folder, validated.
public struct DataSet: Sendable, Equatable {
    /// project.md.
    public var project: Project
    /// principles.md; empty when absent.
    public var principles: PrinciplesFile
    /// metrics/*.md, sorted by id.
    public var metrics: [Metric]
    /// decisions, sorted by date (undated last), then id.
    public var decisions: [Decision]
    /// snapshots, sorted by date then id.
    public var snapshots: [Snapshot]
    /// Every observation from snapshots and series, sorted by metric, project, date; held column
    /// by column (an array literal or `ObservationStore(_:)` of an array makes one).
    public var observations: ObservationStore
    /// Files beside imported decision records that they link to, sorted by path.
    public var decisionAttachments: [DecisionAttachment] = []

    /// Creates a data set.
    public init(
        project: Project, principles: PrinciplesFile = PrinciplesFile(), metrics: [Metric] = [],
        decisions: [Decision] = [], snapshots: [Snapshot] = [], observations: [Observation] = []
    ) {
        self.project = project
        self.principles = principles
        self.metrics = metrics
        self.decisions = decisions
        self.snapshots = snapshots
        self.observations = ObservationStore(observations)
    }

    /// Column ids in display order: this project, the declared competitors, then new ones by id.
    public var projectIDs: [String] {
        let ids = [project.id] + project.competitors.map(\.id)
        let seen = Set(ids)
        // From the store's table of project ids: a few dozen, where there are a million observations.
        let others = Set(observations.measuredProjectIDs.filter { !seen.contains($0) })
        return ids + others.sorted()
    }

    /// The display name of a column id.
    public func projectName(_ id: String) -> String {
        if id == project.id { return project.name }
        return project.competitors.first(where: { $0.id == id })?.name ?? id
    }

    /// The newest snapshot or series date.
    public var newestDate: Day? { observations.newestDay }
}
