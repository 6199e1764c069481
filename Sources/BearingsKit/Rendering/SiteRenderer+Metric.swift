extension SiteRenderer {
    func metricPage(_ metric: Metric) -> String {
        let root = "../"
        let metricSeries = series[metric.id] ?? MetricSeries(metric: metric, lines: [], dates: [])
        var context: [String: Any] = [
            "name": metric.name, "kind": metric.kind.rawValue, "isVanity": metric.kind == .vanity,
            "unit": metric.unit ?? "",
            "lag": metric.lag.map { $0.amount == 0 ? "none: it reports use as it happens" : $0.description } ?? "",
            "scale": metric.scale.rawValue,
            "higherIsBetter": metric.higherIsBetter, "sourceHref": metric.source.flatMap(safeURL) ?? "",
            "source": metric.source.map { metric.source.flatMap(safeURL) == nil ? $0 : Self.linkLabel($0) } ?? "",
            "descriptionHTML": HTML(cmark: metric.description),
            "hasData": !metricSeries.lines.isEmpty,
            "cadence": metricSeries.cadence.map {
                metric.cadence == nil ? "\($0.rawValue) (inferred from the dates)" : $0.rawValue
            } ?? (metricSeries.dates.count > 1 ? "irregular" : ""),
            "events": metric.events.map { event -> [String: Any] in
                [
                    "date": event.date.description, "dateLabel": metricSeries.label(event.date),
                    "text": event.project.map { "\(projectName($0)): \(event.text)" } ?? event.text,
                    "isBreak": event.isBreak,
                ]
            },
            "crossovers": crossoverSentences(metricSeries).map { ["text": $0] },
        ]
        if !metricSeries.lines.isEmpty {
            context["svgHTML"] = lineChart(metricSeries, root: root, id: "metric-\(metric.id)")
            context["tableHTML"] = dataTable(metricSeries, root: root)
            if let (svg, changes) = shareChart(metricSeries, root: root, id: "share-\(metric.id)") {
                let shares = self.shares[metric.id] ?? []
                context["share"] = [
                    "svgHTML": svg,
                    "denominatorNote": changes.isEmpty
                        ? ""
                        : "A project joins the category on \(changes.map { metricSeries.label($0) }.joined(separator: ", ")): the share's denominator changes there.",
                    "rows": shares.reversed().prefix(40).map { point -> [String: Any] in
                        [
                            "date": point.date.description, "dateLabel": metricSeries.label(point.date),
                            "share": point.share.map { shareText($0) } ?? "unknown",
                            "projects": point.projectsMeasured.filter { !point.notMeasured.contains($0) }.map(
                                projectName
                            ).joined(separator: ", "),
                            "notMeasured": point.notMeasured.map(projectName).joined(separator: ", "),
                        ]
                    },
                ]
            }
        }
        context["watchedBy"] = dataSet.decisions.filter { $0.watch.contains(metric.id) }.map {
            decisionLink($0, root: root)
        }
        return page("metric", title: metric.name, root: root, section: "trends.html", source: metric.location, context)
    }
}
