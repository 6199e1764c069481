import BearingsModel

/// Cross-reference checks over everything loaded, and the final ordering of the data set.
enum Validator {
    /// Checks references, duplicates and conflicts; fills `dataSet.observations`; sorts everything.
    /// `seriesProjects` are where the series files name each project (`SeriesParser.File.projects`).
    static func validate(
        _ dataSet: inout DataSet, seriesObservations: [Observation], seriesProjects: [ProjectReference] = [],
        importedRoot: String? = nil
    ) -> [Diagnostic] {
        var diagnostics = DecisionReferences.resolve(&dataSet.decisions)
        let metricIDs = Set(dataSet.metrics.map(\.id))
        diagnostics += referenceDiagnostics(dataSet, metricIDs: metricIDs)
        diagnostics += principleDiagnostics(dataSet, importedRoot: importedRoot)
        var merge = ObservationMerge(dataSet, seriesObservations: seriesObservations)
        diagnostics += merge.addSnapshots(&dataSet, metricIDs: metricIDs)
        diagnostics += projectReferenceDiagnostics(dataSet, seriesProjects: seriesProjects)
        diagnostics += merge.addSeries(seriesObservations, metricIDs: metricIDs)
        merge.finish(&dataSet)
        var breaks: [String: [Day]] = [:]
        for metric in dataSet.metrics {
            let days = metric.events.filter(\.isBreak).map(\.date).sorted()
            if !days.isEmpty { breaks[metric.id] = days }
        }
        diagnostics += suspiciousValues(dataSet.observations, breaks: breaks)
        dataSet.snapshots.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        dataSet.decisions.sort {
            let left = $0.date?.ordinal ?? Int.max, right = $1.date?.ordinal ?? Int.max
            return (left, $0.id) < (right, $1.id)
        }
        diagnostics += expectationDiagnostics(dataSet)
        return diagnostics
    }

    /// The headline names a known metric that is not a vanity metric; decisions name known
    /// principles and metrics, and do not supersede themselves.
    static func referenceDiagnostics(_ dataSet: DataSet, metricIDs: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let principleIDs = Set(dataSet.principles.principles.map(\.id))
        let project = dataSet.project
        if let headline = project.headline {
            let location = project.keyLocations["headline"] ?? project.location
            if let metric = dataSet.metrics.first(where: { $0.id == headline }) {
                if metric.kind == .vanity {
                    diagnostics.append(
                        .error(
                            location, "the headline metric '\(headline)' is a vanity metric",
                            hint: "choose a usage metric: vanity metrics measure attention, not use"))
                }
            } else {
                diagnostics.append(
                    .error(
                        location, "unknown metric '\(headline)' as headline",
                        hint: Suggestion.hintFor(headline, among: metricIDs, kind: "metric")))
            }
        }

        for decision in dataSet.decisions {
            for principle in decision.principles where !principleIDs.contains(principle) {
                diagnostics.append(
                    .error(
                        decision.fieldLocations["principles/\(principle)"] ?? decision.location,
                        "unknown principle '\(principle)'",
                        hint: Suggestion.hintFor(principle, among: principleIDs, kind: "principle")))
            }
            for metric in decision.watch where !metricIDs.contains(metric) {
                diagnostics.append(
                    .error(
                        decision.fieldLocations["watch/\(metric)"] ?? decision.location, "unknown metric '\(metric)'",
                        hint: Suggestion.hintFor(metric, among: metricIDs, kind: "metric")))
            }
            if decision.supersededBy == decision.id {
                diagnostics.append(
                    .error(
                        decision.fieldLocations["superseded_by"] ?? decision.location,
                        "a decision cannot supersede itself"))
            }
        }
        return diagnostics
    }

    /// When principles are declared: every principle is served by a decision, and every decision
    /// serves one (imported records, written for other tools, get one line for the folder).
    static func principleDiagnostics(_ dataSet: DataSet, importedRoot: String?) -> [Diagnostic] {
        guard !dataSet.principles.principles.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let served = Set(dataSet.decisions.flatMap(\.principles))
        for principle in dataSet.principles.principles where !served.contains(principle.id) {
            diagnostics.append(
                .warning(
                    principle.location, "no decision serves the principle '\(principle.id)'",
                    hint: "list it under 'principles:' in the decisions that serve it"))
        }
        for decision in dataSet.decisions where decision.principles.isEmpty && !decision.isImported {
            diagnostics.append(
                .warning(
                    decision.location, "the decision serves no principle",
                    hint: "add 'principles: [id, …]' with ids from principles.md"))
        }
        // Records written for other tools name no principles: one line for the folder, not one each.
        let imported = dataSet.decisions.filter(\.isImported)
        let unserving = imported.filter(\.principles.isEmpty)
        if let first = unserving.first {
            diagnostics.append(
                .warning(
                    SourceLocation(path: importedRoot ?? first.location.path),
                    "\(unserving.count) of \(imported.count) imported decisions serve no principle",
                    hint: "add 'principles: [id, …]' to a record's front matter to link it to principles.md"))
        }
        return diagnostics
    }

    /// Column headers, series rows and `collect:` blocks must name declared projects (SPEC §1).
    static func projectReferenceDiagnostics(_ dataSet: DataSet, seriesProjects: [ProjectReference]) -> [Diagnostic] {
        var projectReferences = seriesProjects
        for metric in dataSet.metrics {
            for target in metric.collect?.targets ?? [] {
                projectReferences.append(ProjectReference(id: target.project, location: target.location))
            }
        }
        for snapshot in dataSet.snapshots {
            for (id, location) in zip(snapshot.projects, snapshot.projectLocations) {
                projectReferences.append(ProjectReference(id: id, location: location))
            }
        }
        return undeclaredProjects(projectReferences, project: dataSet.project)
    }
}

/// Gathers the snapshots' and series files' values into the data set's one store, sorted: known
/// metrics only, no point measured twice (two snapshots of one day) and none given two values (a
/// snapshot and a series row). Points are keyed by a struct of the strings already held (no key
/// text is built per value), pointing into `observations` rather than copying the observation.
struct ObservationMerge {
    struct Point: Hashable {
        var day: Int
        var metric: String
        var project: String
    }

    private var measuredBy: [Point: Int] = [:]
    private var observations = ObservationStore()
    /// A snapshot measures each metric and project once (its parser sees to that), so only days
    /// with two snapshots, or with series values too, can hold a pair twice: only those are
    /// looked up, and a data folder of one snapshot a day hashes nothing here.
    private var snapshotsOnDay: [Int: Int] = [:]
    private var seriesDays = Set<Int>()
    /// Snapshots whose every value is in `observations`, from `start` on in table order: they
    /// point into the sorted list at the end instead of keeping a copy, and give theirs up now.
    private var whole: [(snapshot: Int, start: Int, count: Int)] = []
    private let canPoint: Bool

    init(_ dataSet: DataSet, seriesObservations: [Observation]) {
        let total = dataSet.snapshots.reduce(seriesObservations.count) { $0 + $1.observations.count }
        observations.reserveCapacity(total)
        for snapshot in dataSet.snapshots { snapshotsOnDay[snapshot.date.ordinal, default: 0] += 1 }
        for observation in seriesObservations { seriesDays.insert(observation.date.ordinal) }
        canPoint = total <= Int(Int32.max)
    }

    /// Snapshot rows must name known metrics; two snapshots of one day must not measure the same pair.
    mutating func addSnapshots(_ dataSet: inout DataSet, metricIDs: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byPath = dataSet.snapshots.indices.sorted {
            dataSet.snapshots[$0].location.path < dataSet.snapshots[$1].location.path
        }
        for snapshotIndex in byPath {
            let snapshot = dataSet.snapshots[snapshotIndex]
            let start = observations.count
            defer {
                if canPoint, observations.count - start == snapshot.observations.count {
                    whole.append((snapshotIndex, start, snapshot.observations.count))
                    dataSet.snapshots[snapshotIndex].observations = []
                }
            }
            var unknownRows = Set<String>()
            for (metric, location) in zip(snapshot.metrics, snapshot.metricLocations) where !metricIDs.contains(metric)
            {
                unknownRows.insert(metric)
                diagnostics.append(
                    .error(
                        location, "unknown metric '\(metric)'",
                        hint: Suggestion.hintFor(metric, among: metricIDs, kind: "metric")))
            }
            let day = snapshot.date.ordinal
            guard (snapshotsOnDay[day] ?? 0) > 1 || seriesDays.contains(day) else {
                if unknownRows.isEmpty, let store = snapshot.observations.store {
                    observations.append(contentsOf: store)
                    continue
                }
                for observation in snapshot.observations
                where unknownRows.isEmpty || !unknownRows.contains(observation.metric) {
                    observations.append(observation)
                }
                continue
            }
            for observation in snapshot.observations where !unknownRows.contains(observation.metric) {
                let key = Point(day: observation.date.ordinal, metric: observation.metric, project: observation.project)
                if let index = measuredBy[key] {
                    let first = observations[index]
                    diagnostics.append(
                        .error(
                            observation.location,
                            "\(observation.metric) for \(observation.project) on \(observation.date) is also measured at \(first.location)",
                            hint: "two snapshots of the same day must measure different metrics or projects; merge them"
                        ))
                    continue
                }
                measuredBy[key] = observations.count
                observations.append(observation)
            }
        }
        return diagnostics
    }

    /// Series values: known metrics, and no conflict with another value for the same point.
    mutating func addSeries(_ seriesObservations: [Observation], metricIDs: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reportedUnknown = Set<String>()
        for observation in seriesObservations {
            guard metricIDs.contains(observation.metric) else {
                if reportedUnknown.insert("\(observation.location.path)|\(observation.metric)").inserted {
                    diagnostics.append(
                        .error(
                            observation.location, "unknown metric '\(observation.metric)'",
                            hint: Suggestion.hintFor(observation.metric, among: metricIDs, kind: "metric")))
                }
                continue
            }
            let key = Point(day: observation.date.ordinal, metric: observation.metric, project: observation.project)
            if let index = measuredBy[key] {
                let first = observations[index]
                if first.value != observation.value {
                    diagnostics.append(
                        .error(
                            observation.location,
                            "\(observation.metric) for \(observation.project) on \(observation.date) is \(observation.text) here but \(first.text) at \(first.location)",
                            hint: "a point may be given twice only with the same value; correct one of them"))
                }
                continue
            }
            measuredBy[key] = observations.count
            observations.append(observation)
        }
        measuredBy = [:]
        return diagnostics
    }

    /// Sorts the gathered values by metric, project, day and place, a column at a time, into
    /// `dataSet.observations`, and points each whole snapshot at its values there.
    mutating func finish(_ dataSet: inout DataSet) {
        var order = observations.sortedOrder()
        var positionOf = [Int32](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { positionOf[index] = Int32(truncatingIfNeeded: position) }
        observations.reorder(by: order)
        order = []
        dataSet.observations = observations
        observations = []
        for (snapshotIndex, start, count) in whole {
            dataSet.snapshots[snapshotIndex].observations = ObservationList(
                positions: Array(positionOf[start..<(start + count)]), in: dataSet.observations)
        }
        positionOf = []
        whole = []
    }
}
