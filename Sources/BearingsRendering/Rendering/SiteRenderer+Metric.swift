import BearingsAnalysis
import BearingsModel

extension SiteRenderer {
    func metricPage(_ metric: Metric) -> PageOutput {
        let root = "../"
        let metricSeries = series[metric.id] ?? MetricSeries(metric: metric, lines: [], dates: [])
        let hasData = !metricSeries.lines.isEmpty
        let share = hasData ? shareChart(metricSeries, root: root, id: "share-\(metric.id)") : nil
        let page = MetricPage(
            name: metric.name, kind: metric.kind.rawValue, isVanity: metric.kind == .vanity, unit: metric.unit ?? "",
            lag: metric.lag.map { $0.amount == 0 ? "none: it reports use as it happens" : $0.description } ?? "",
            scale: metric.scale.rawValue, higherIsBetter: metric.higherIsBetter,
            sourceHref: metric.source.flatMap(safeURL) ?? "",
            source: metric.source.map { metric.source.flatMap(safeURL) == nil ? $0 : Self.linkLabel($0) } ?? "",
            collected: collectedText(metric), descriptionHTML: HTML(cmark: metric.description), hasData: hasData,
            cadence: metricSeries.cadence.map {
                metric.cadence == nil ? "\($0.rawValue) (inferred from the dates)" : $0.rawValue
            } ?? (metricSeries.dates.count > 1 ? "irregular" : ""),
            events: metric.events.map { event in
                EventItem(
                    date: event.date.description, dateLabel: metricSeries.label(event.date),
                    text: event.project.map { "\(projectName($0)): \(event.text)" } ?? event.text,
                    isBreak: event.isBreak)
            },
            crossovers: crossoverSentences(metricSeries).map { TextItem(text: $0) },
            svgHTML: hasData ? lineChart(metricSeries, root: root, id: "metric-\(metric.id)") : "",
            takeaway: hasData ? takeaway.values(metricSeries) : "",
            tableHTML: hasData ? dataTable(metricSeries, root: root, limit: Self.metricTableRows) : "",
            share: share.map { svg, _ in
                ShareSection(
                    svgHTML: svg, denominatorNote: shareNote(metricSeries),
                    takeaway: takeaway.share(metricSeries, shares: shares[metric.id] ?? []),
                    tableHTML: shareTable(
                        metricSeries, limit: Self.metricTableRows, fullHref: ("\(root)data/site.json", "site.json")))
            },
            watchedBy: dataSet.decisions.filter { $0.watch.contains(metric.id) }.map { self.link($0, root: root) })
        return self.page(
            page, title: metric.name, root: root, section: "trends.html", source: metric.location,
            path: "metrics/\(metric.id).html")
    }

    /// A metric page's tables show this many dates, newest first: every date of 33 years of a
    /// monthly metric, so gaps and the last known share appear; longer ones say how many are left out.
    static let metricTableRows = 400

    /// The note under a share chart: since when the newest share is unknown and why, with the last
    /// share known (`shareUnknownText`), then who joined the category when.
    func shareNote(_ metricSeries: MetricSeries) -> String {
        var sentences: [String] = []
        if let newest = metricSeries.newestDate, let why = shareUnknownText(metricSeries, at: newest) {
            sentences.append("\(dataSet.project.name)'s share is \(why).")
        }
        let changesText = categoryChangesText(metricSeries)
        if !changesText.isEmpty { sentences.append(changesText) }
        return sentences.joined(separator: " ")
    }

    /// The metric page's "Collected" line: which `collect:` source measures it, from which service,
    /// what it asks for each project, and where each run's requests are kept (every value keeps its
    /// provenance): "by bearings collect --history with gharchive-contributors (GH Archive's
    /// github_events table on ClickHouse): Widget acme/widget, Gadget other/gadget; each run's
    /// endpoint and queries are in series/collected-contributors.sources.txt".
    func collectedText(_ metric: Metric) -> String {
        guard let spec = metric.collect else { return "" }
        let asked = spec.targets.map { "\(projectName($0.project)) \($0.argument)" }.joined(separator: ", ")
        let source = "\(spec.source.rawValue) (\(spec.source.service)): \(asked)"
        let sidecar = "series/collected-\(metric.id).sources.txt"
        switch (spec.source.measure != nil, spec.source.history != nil) {
        case (true, false):
            return
                "by bearings collect with \(source); the URL asked for each value is listed under its snapshot's table"
        case (true, true):
            return "by bearings collect and bearings collect --history with \(source); the URL asked for each "
                + "value is listed under its snapshot's table, and each history run's requests are in \(sidecar)"
        default:
            return "by bearings collect --history with \(source); each run's endpoint and queries are in \(sidecar)"
        }
    }
}
