import BearingsModel

extension Validator {
    /// What `check` says of expectations: an unknown metric or project and a missing judging date
    /// are errors, a share of percentages is an error, and a bet on a vanity metric is a warning.
    static func expectationDiagnostics(_ dataSet: DataSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let metrics = Dictionary(dataSet.metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let metricIDs = Set(metrics.keys)
        let projectIDs = Set(dataSet.projectIDs)
        for decision in dataSet.decisions {
            for expectation in decision.expectations {
                if expectation.by == nil, decision.review == nil {
                    diagnostics.append(
                        .error(
                            expectation.location,
                            "the expectation on '\(expectation.metric)' has no 'by' date, and the decision no review date",
                            hint: "add 'by: YYYY-MM-DD' to the expectation, or 'review: YYYY-MM-DD' to the decision"))
                }
                guard let metric = metrics[expectation.metric] else {
                    diagnostics.append(
                        .error(
                            expectation.metricLocation, "unknown metric '\(expectation.metric)' in an expectation",
                            hint: Suggestion.hintFor(expectation.metric, among: metricIDs, kind: "metric")))
                    continue
                }
                if metric.kind == .vanity {
                    diagnostics.append(
                        .warning(
                            expectation.metricLocation,
                            "the expectation is on '\(metric.id)', a vanity metric: it measures attention, not use",
                            hint: "judge the bet on a usage metric"))
                }
                switch expectation.condition {
                case .share where metric.isPercentage:
                    diagnostics.append(
                        .error(
                            expectation.conditionLocation,
                            "'\(metric.id)' is measured in percent, so it has no share of a total",
                            hint: "use 'value: \">= 50%\"' for a percentage"))
                case .passes(let other) where other == dataSet.project.id:
                    diagnostics.append(
                        .error(
                            expectation.conditionLocation, "a project cannot pass itself",
                            hint: "name a competitor, e.g. '\(dataSet.project.competitors.first?.id ?? "tensorflow")'"))
                case .passes(let other) where !projectIDs.contains(other):
                    diagnostics.append(
                        .error(
                            expectation.conditionLocation, "unknown project '\(other)' in an expectation",
                            hint: Suggestion.hintFor(
                                other, among: projectIDs.subtracting([dataSet.project.id]), kind: "project")))
                default: break
                }
            }
        }
        return diagnostics
    }
}
