import Foundation
import BearingsAnalysis
import BearingsCharts
import BearingsModel

/// What several pages draw alike from the analysis report, made once, on first use, by whichever
/// page thread asks first: each metric's lines thinned for drawing, what every decision page shows
/// of a metric, the charts of a window and what the badge and link previews say. These are
/// rendering products, not analysis: made on demand, `serve` can answer for a snapshot page right
/// after a reload without drawing every chart of the site. The closures hold the data, never the
/// renderer.
final class RenderCache: Sendable {
    let chartLines: Once<[String: [ChartLine]]>
    let decisionCharted: Once<[String: [String]]>
    let decisionTables: Once<[String: HTML]>
    let charts = ChartCache()
    let preview = Memo<HeadlinePreview>()
    /// Every project's share of the headline metric (`SiteRenderer.headlineShares`).
    let headlineShares = Memo<[String: [Analysis.SharePoint]]>()

    init(dataSet: DataSet, series: [String: MetricSeries], projectOrder order: [String], names: [String: String]) {
        let projectID = dataSet.project.id
        chartLines = Once {
            series.mapValues { metricSeries in
                metricSeries.lines.map { line in
                    let points = SiteRenderer.chartPoints(line, in: metricSeries)
                    return ChartLine(
                        label: names[line.project] ?? line.project,
                        points: points.count > SiteRenderer.drawnPoints
                            ? Thinning.largestTriangleThreeBuckets(points, threshold: SiteRenderer.drawnPoints)
                            : points,
                        emphasised: line.project == projectID, style: order.firstIndex(of: line.project) ?? 0)
                }
            }
        }
        let charted = Once {
            series.filter { !$0.value.lines.isEmpty }.mapValues {
                SiteRenderer.chartedProjects($0, projectID: projectID)
            }
        }
        decisionCharted = charted
        decisionTables = Once {
            series.filter { !$0.value.lines.isEmpty }.mapValues {
                SiteRenderer.dataTable($0, root: "../", limit: 12, projects: charted.value[$0.metric.id], names: names)
            }
        }
    }
}
