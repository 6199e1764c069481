extension SiteRenderer {
    /// The headline metric: project.md's choice, or the first usage metric with data.
    var headlineSeries: MetricSeries? {
        if let id = dataSet.project.headline, let chosen = series[id] { return chosen }
        return dataSet.metrics.filter { $0.kind == .usage }.compactMap { series[$0.id] }.first { !$0.lines.isEmpty }
    }

    func dashboard() -> String {
        let root = ""
        var context: [String: Any] = ["introHTML": HTML(cmark: dataSet.project.introduction)]
        if let headline = headlineSeries {
            var chart: [String: Any] = [
                "name": headline.metric.name, "href": "metrics/\(headline.metric.id).html",
                "tableHTML": dataTable(headline, root: root, limit: 12),
                "crossovers": crossoverSentences(headline).map { ["text": $0] },
            ]
            if let (svg, changes) = shareChart(headline, root: root, id: "headline-share") {
                chart["svgHTML"] = svg
                chart["isShare"] = true
                chart["denominatorNote"] =
                    changes.isEmpty
                    ? ""
                    : "The set of projects measured changes on \(changes.map(\.description).joined(separator: ", ")): the share's denominator changes there."
            } else {
                chart["svgHTML"] = lineChart(headline, root: root, id: "headline")
            }
            chart["lineSVGHTML"] = lineChart(headline, root: root, id: "headline-line")
            context["headline"] = chart
        }
        context["passes"] = passes(root: root)
        context["usage"] = latestTable(kind: .usage, root: root)
        context["community"] = latestTable(kind: .community, root: root)
        let due = Analysis.dueForReview(dataSet.decisions, reference: referenceDate)
        context["due"] = due.map { decision -> [String: Any] in
            var link = decisionLink(decision, root: root)
            link["review"] = decision.review?.description ?? ""
            return link
        }
        context["referenceDate"] = referenceDate.description
        let dated = dataSet.decisions.compactMap { decision in decision.date.map { (date: $0, decision: decision) } }
        let newest = dated.sorted { ($0.date, $0.decision.id) > ($1.date, $1.decision.id) }.prefix(5)
        context["newest"] = newest.map { decisionLink($0.decision, root: root) }
        context["principles"] = dataSet.principles.principles.map { principle -> [String: Any] in
            [
                "title": principle.title, "href": "principles.html#\(principle.id)",
                "count": dataSet.decisions.filter { $0.principles.contains(principle.id) }.count,
            ]
        }
        return page(
            "index", title: dataSet.project.name, root: root, section: "index.html", source: dataSet.project.location,
            context)
    }

    /// A line's points thinned for a 120-pixel sparkline.
    func sparklinePoints(_ line: MetricSeries.Line) -> [ChartPoint] {
        let points = line.points.map { ChartPoint(day: $0.date.ordinal, value: $0.value) }
        return points.count > 60 ? Thinning.largestTriangleThreeBuckets(points, threshold: 60) : points
    }

    /// Every change of order against a competitor in any usage metric, oldest first: the story at a glance.
    func passes(root: String) -> [[String: Any]] {
        var rows: [(Day, String, [String: Any])] = []
        for metric in dataSet.metrics where metric.kind == .usage {
            guard let metricSeries = series[metric.id] else { continue }
            for crossover in Analysis.crossovers(metricSeries, project: dataSet.project.id).crossovers {
                let us = dataSet.project.name, them = projectName(crossover.competitor)
                rows.append(
                    (
                        crossover.date, metric.id,
                        [
                            "date": crossover.date.description, "metric": metric.name,
                            "href": "\(root)metrics/\(metric.id).html",
                            "text": crossover.weLead ? "\(us) passed \(them)" : "\(them) passed \(us)",
                            "weLead": crossover.weLead,
                        ]
                    ))
            }
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Latest value, change since the previous point and over a year, per metric and project.
    func latestTable(kind: Metric.Kind, root: String) -> [[String: Any]] {
        dataSet.metrics.filter { $0.kind == kind }.compactMap { metric -> [String: Any]? in
            guard let metricSeries = series[metric.id], !metricSeries.lines.isEmpty else { return nil }
            let rows = metricSeries.lines.compactMap { line -> [String: Any]? in
                guard let change = Analysis.change(line) else { return nil }
                return [
                    "project": projectName(line.project), "isUs": line.project == dataSet.project.id,
                    "latest": ValueFormat.full(change.latest.value, unit: metric.unit),
                    "date": change.latest.date.description,
                    "sincePrevious": percent(change.sincePreviousRelative),
                    "overYear": percent(change.overYearRelative),
                    "sparkHTML": HTML(
                        svg: Sparkline.svg(
                            points: sparklinePoints(line), label: "\(projectName(line.project)): \(metric.name)")),
                ]
            }
            return [
                "name": metric.name, "href": "\(root)metrics/\(metric.id).html", "rows": rows,
                "lag": metric.lag.map { $0.amount == 0 ? "" : "lags \($0)" } ?? "",
            ]
        }
    }
}
