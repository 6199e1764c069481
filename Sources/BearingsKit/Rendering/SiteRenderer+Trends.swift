extension SiteRenderer {
    func trends() -> String {
        let root = ""
        func cards(_ kinds: [Metric.Kind]) -> [[String: Any]] {
            kinds.flatMap { kind in
                dataSet.metrics.filter { $0.kind == kind }.map { metric -> [String: Any] in
                    let metricSeries = series[metric.id] ?? MetricSeries(metric: metric, lines: [], dates: [])
                    return [
                        "name": metric.name, "href": "metrics/\(metric.id).html", "kind": metric.kind.rawValue,
                        "svgHTML": lineChart(
                            metricSeries, root: root, id: "trend-\(metric.id)", width: 480, height: 260, marked: false),
                        "tableHTML": dataTable(metricSeries, root: root, limit: 8),
                        "takeaway": metricSeries.lines.isEmpty ? "" : takeaway.values(metricSeries),
                        "lag": metric.lag.map { $0.amount == 0 ? "" : "lags \($0)" } ?? "",
                    ]
                }
            }
        }
        let context: [String: Any] = [
            "use": cards([.usage, .community, .quality]),
            "vanity": cards([.vanity]),
            "passes": passes(root: root), "projectName": dataSet.project.name,
        ]
        return page("trends", title: "Trends", root: root, section: "trends.html", context)
    }
}
