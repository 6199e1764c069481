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

        if !principleIDs.isEmpty {
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
        }

        // Snapshot rows must name known metrics; two snapshots of one day must not measure the same pair.
        // Keyed by a struct of the strings already held (no key text is built per value), pointing
        // into `observations` rather than copying the observation.
        struct Point: Hashable {
            var day: Int
            var metric: String
            var project: String
        }
        var measuredBy: [Point: Int] = [:]
        var observations = ObservationStore()
        let total = dataSet.snapshots.reduce(seriesObservations.count) { $0 + $1.observations.count }
        observations.reserveCapacity(total)
        // A snapshot measures each metric and project once (its parser sees to that), so only days
        // with two snapshots, or with series values too, can hold a pair twice: only those are
        // looked up, and a data folder of one snapshot a day hashes nothing here.
        var snapshotsOnDay: [Int: Int] = [:]
        for snapshot in dataSet.snapshots { snapshotsOnDay[snapshot.date.ordinal, default: 0] += 1 }
        var seriesDays = Set<Int>()
        for observation in seriesObservations { seriesDays.insert(observation.date.ordinal) }
        // Snapshots whose every value is in `observations`, from `start` on in table order: they
        // point into the sorted list at the end instead of keeping a copy, and give theirs up now.
        var whole: [(snapshot: Int, start: Int, count: Int)] = []
        let canPoint = total <= Int(Int32.max)
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
                        hint: Suggestion.hintFor(metric, among: metricIDs, kind: "metric"))
                )
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

        // Column headers, series rows and `collect:` blocks must name declared projects (SPEC §1).
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
        diagnostics += undeclaredProjects(projectReferences, project: project)

        // Series values: known metrics, and no conflict with another value for the same point.
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

        // Sorted by metric, project, day and place, a column at a time.
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
}
