import BearingsAnalysis
import BearingsModel

extension SiteRenderer {
    func trends() -> PageOutput {
        let root = ""
        func cards(_ kinds: [Metric.Kind]) -> [TrendCard] {
            kinds.flatMap { kind in
                dataSet.metrics.filter { $0.kind == kind }.map { metric in
                    let metricSeries = series[metric.id] ?? MetricSeries(metric: metric, lines: [], dates: [])
                    return TrendCard(
                        name: metric.name, href: "metrics/\(metric.id).html", kind: metric.kind.rawValue,
                        svgHTML: lineChart(
                            metricSeries, root: root, id: "trend-\(metric.id)", width: 480, height: 260, marked: false),
                        tableHTML: dataTable(metricSeries, root: root, limit: 8),
                        takeaway: metricSeries.lines.isEmpty ? "" : takeaway.values(metricSeries),
                        lag: metric.lag.map { $0.amount == 0 ? "" : "lags \($0)" } ?? "")
                }
            }
        }
        let page = TrendsPage(
            use: cards([.usage, .community, .quality]), vanity: cards([.vanity]), passes: passes(root: root))
        return self.page(page, title: "Trends", root: root, section: "trends.html")
    }
}
