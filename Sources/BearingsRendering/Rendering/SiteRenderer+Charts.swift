import Foundation
import BearingsAnalysis
import BearingsCharts
import BearingsModel

/// The charts pages share: decision markers, events, the line and share charts with their
/// descriptions, and the data tables under them.
extension SiteRenderer {
    /// Markers for the decisions dated within `range` that concern `metric` — they watch it or
    /// expect something of it — linking to their pages from `root`; at most `markerLimit`, the
    /// newest. With `only`, that decision's marker alone, whatever it watches.
    /// `range` is of days as drawn: at the start of their period (`ChartCanvas.periodDay`).
    func markers(root: String, metric: String, range: ClosedRange<Int>?, only: String? = nil) -> [ChartMarker] {
        let cadence = series[metric]?.cadence
        if let only {
            guard var marker = markerByDecision[only],
                range.map({ $0.contains(ChartCanvas.periodDay(marker.day, cadence: cadence)) }) ?? true
            else { return [] }
            marker.href = root + marker.href
            return [marker]
        }
        var chosen: [ChartMarker] = []
        for (marker, decision) in zip(allMarkers, markerDecisions) {
            if let range, !range.contains(ChartCanvas.periodDay(marker.day, cadence: cadence)) { continue }
            guard decision.watch.contains(metric) || decision.expectations.contains(where: { $0.metric == metric })
            else { continue }
            chosen.append(marker)
        }
        return chosen.suffix(Self.markerLimit).map { marker in
            var copy = marker
            copy.href = root + marker.href
            return copy
        }
    }

    /// The first day of a metric's "not settled yet" window: values dated after the reference date
    /// less the lag are not settled (`Analysis.isSettled`), whatever the series' own last date.
    func unsettledFrom(_ metricSeries: MetricSeries) -> Int? {
        guard let lag = metricSeries.metric.lag, lag.amount > 0 else { return nil }
        return lag.before(referenceDate).ordinal + 1
    }

    /// Whether a value of a metric dated `day` is settled on the reference date.
    func isSettled(_ day: Day, _ metric: Metric) -> Bool {
        Analysis.isSettled(day, lag: metric.lag, reference: referenceDate)
    }

    /// The metric's events inside `range` (all when nil), for its charts; `range` is of days as
    /// drawn, at the start of their period.
    func chartEvents(_ metricSeries: MetricSeries, range: ClosedRange<Int>?) -> [ChartEvent] {
        metricSeries.metric.events.compactMap { event in
            guard
                range.map({ $0.contains(ChartCanvas.periodDay(event.date.ordinal, cadence: metricSeries.cadence)) })
                    ?? true
            else { return nil }
            let text = event.project.map { "\(projectName($0)): \(event.text)" } ?? event.text
            return ChartEvent(day: event.date.ordinal, text: text, isBreak: event.isBreak)
        }
    }

    /// A line chart of a metric, every project, with the decisions that concern it marked (none
    /// when `marked` is false, only the decision `only` when given); `from` cuts off earlier points.
    /// Both variants of the chart and the key of its decisions, for a page's `<figure>`.
    func lineChart(
        _ metricSeries: MetricSeries, root: String, id: String, width: Int = 720, height: Int = 320,
        only: String? = nil, from: Int? = nil, projects: [String]? = nil, extraEvents: [ChartEvent] = [],
        marked: Bool = true, thresholds: [ChartThreshold] = []
    ) -> HTML {
        let metric = metricSeries.metric
        // A chart of a window is drawn once for every page that shows it with the same projects:
        // the key names all that the drawing depends on but the markers, which each page adds.
        let cacheKey =
            from.map { "\(metric.id)|\($0)|\(id)|\(width)x\(height)|\((projects ?? []).joined(separator: ","))" }
        func windowLines() -> [ChartLine] {
            var lines = chartLines[metric.id] ?? []
            if let projects {
                // chartLines[metric] is parallel to metricSeries.lines.
                lines = zip(metricSeries.lines, lines).filter { projects.contains($0.0.project) }.map(\.1)
            }
            if let from {
                // A chart around one date is one of many on its page and across the site: fewer points.
                lines = lines.map { line in
                    var copy = line
                    copy.points = line.points.filter { $0.day >= from }
                    if copy.points.count > Self.drawnPointsAroundADate {
                        copy.points = Thinning.largestTriangleThreeBuckets(
                            copy.points, threshold: Self.drawnPointsAroundADate)
                    }
                    return copy
                }.filter { !$0.points.isEmpty }
            }
            return lines
        }
        let lines = cacheKey.map { chartCache.lines($0, make: windowLines) } ?? windowLines()
        let days = lines.flatMap { [$0.points.first?.day, $0.points.last?.day].compactMap { $0 } }.map {
            ChartCanvas.periodDay($0, cadence: metricSeries.cadence)
        }
        let range = days.min().flatMap { low in days.max().map { low...$0 } }
        func drawn(_ event: ChartEvent) -> Bool {
            range?.contains(ChartCanvas.periodDay(event.day, cadence: metricSeries.cadence)) ?? false
        }
        let spec = LineChartSpec(
            title: metric.name, description: chartDescription(metricSeries, projects: projects), lines: lines,
            markers: marked ? markers(root: root, metric: metric.id, range: range, only: only) : [],
            events: chartEvents(metricSeries, range: range) + extraEvents.filter(drawn),
            unit: metric.unit,
            scale: metric.scale == .log ? .log : .linear, unsettledFromDay: unsettledFrom(metricSeries),
            width: width, height: height, idPrefix: id, cadence: metricSeries.cadence, thresholds: thresholds)
        if let cacheKey, extraEvents.isEmpty, thresholds.isEmpty {
            return HTML(svg: LineChart.figure(spec, cache: chartCache, key: cacheKey))
        }
        return HTML(svg: LineChart.figure(spec))
    }

    /// This project's share of a metric over time, or nil when shares do not apply; `from` cuts
    /// off earlier dates, `only` marks that decision alone, `thresholds` draws expected shares.
    /// With `everyProject`, one line per project of the metric (this project's emphasised), each
    /// named at its end with its last known share ("TensorFlow 12.1%"), as the dashboard draws it.
    func shareChart(
        _ metricSeries: MetricSeries, root: String, id: String, marked: Bool = true, from: Int? = nil,
        only: String? = nil, thresholds: [ChartThreshold] = [], extraEvents: [ChartEvent] = [],
        everyProject: Bool = false
    ) -> (HTML, [Day])? {
        guard let allShares = shares[metricSeries.metric.id], metricSeries.lines.count > 1 else { return nil }
        func cut(_ list: [Analysis.SharePoint]) -> [Analysis.SharePoint] {
            from.map { from in list.filter { $0.date.ordinal >= from } } ?? list
        }
        let shares = cut(allShares)
        guard !shares.isEmpty else { return nil }
        let changes = Analysis.denominatorChanges(shares)
        let us = dataSet.project.id
        // Each line drawn, with its shares: ours alone, or every project's in project order.
        let drawn: [(project: String, shares: [Analysis.SharePoint])] =
            everyProject
            ? {
                let every = self.everyShare(metricSeries)
                return metricSeries.lines.map { ($0.project, cut(every[$0.project] ?? [])) }
            }() : [(us, shares)]
        let lines = drawn.map { project, shares -> ChartLine in
            var points: [ChartPoint] = []
            points.reserveCapacity(shares.count)
            for (index, point) in shares.enumerated() {
                // A break splits the share line too.
                if index > 0, metricSeries.segment(shares[index - 1].date) != metricSeries.segment(point.date) {
                    points.append(ChartPoint(day: point.date.ordinal, value: nil))
                }
                points.append(ChartPoint(day: point.date.ordinal, value: point.share))
            }
            if points.count > Self.drawnPoints {
                points = Thinning.largestTriangleThreeBuckets(points, threshold: Self.drawnPoints)
            }
            guard everyProject else {
                return ChartLine(
                    label: "\(dataSet.project.name) share", points: points, emphasised: true, style: styleIndex(us))
            }
            return ChartLine(
                label: projectName(project), points: points, emphasised: project == us, style: styleIndex(project),
                endValue: shares.last { $0.share != nil }.map { shareText($0.share) })
        }
        let range = (shares.first?.date.ordinal).flatMap { low in shares.last.map { low...$0.date.ordinal } }.map {
            ChartCanvas.periodDay(
                $0.lowerBound, cadence: metricSeries.cadence)...ChartCanvas.periodDay(
                    $0.upperBound, cadence: metricSeries.cadence)
        }
        func drawnEvent(_ event: ChartEvent) -> Bool {
            range?.contains(ChartCanvas.periodDay(event.day, cadence: metricSeries.cadence)) ?? false
        }
        let span =
            "from \(shares.first.map { metricSeries.label($0.date) } ?? "") to \(shares.last.map { metricSeries.label($0.date) } ?? "")"
        let title: String
        let description: String
        if everyProject {
            title = "Each project's share of \(metricSeries.metric.name)"
            description =
                "Each project's value divided by the sum over every project in the category in each period (a project belongs to it from its first value on), \(span), one line per project, \(dataSet.project.name)'s emphasised: \(listText(drawn.map { projectName($0.project) }))."
                + lastSharesText(drawn, in: metricSeries) + everyUnknownSharesText(drawn, in: metricSeries)
        } else {
            let unknown = shares.filter { $0.share == nil }.count
            title = "\(dataSet.project.name)'s share of \(metricSeries.metric.name)"
            description =
                "\(dataSet.project.name)'s value divided by the sum over every project in the category in each period (a project belongs to it from its first value on), \(span)."
                + (unknown == 0 ? "" : " \(unknownSharesText(shares))")
        }
        let spec = ShareChartSpec(
            title: title, description: description, lines: lines,
            markers: marked ? markers(root: root, metric: metricSeries.metric.id, range: range, only: only) : [],
            events: chartEvents(metricSeries, range: range) + extraEvents.filter(drawnEvent),
            denominatorChanges: changes.map(\.ordinal), unsettledFromDay: unsettledFrom(metricSeries), width: 720,
            height: 260, idPrefix: id, cadence: metricSeries.cadence, thresholds: thresholds)
        return (HTML(svg: ShareChart.figure(spec)), changes)
    }

    /// Every project's share of a metric, by project id: the headline's worked out once
    /// (`headlineShares`), any other's worked out here.
    func everyShare(_ metricSeries: MetricSeries) -> [String: [Analysis.SharePoint]] {
        metricSeries.metric.id == headlineSeries?.metric.id ? headlineShares : Analysis.shares(metricSeries)
    }

    /// Each line's last known share, as its end label says it, with its date: " Last known shares:
    /// PyTorch 64.3% and TensorFlow 12.1% (2025 Q3); Gizmo 14.1% (Sep 2020)." Lines ending on the
    /// same date share it. Empty when no share is known.
    func lastSharesText(
        _ drawn: [(project: String, shares: [Analysis.SharePoint])], in metricSeries: MetricSeries
    ) -> String {
        var groups: [(date: Day, texts: [String])] = []
        for (project, shares) in drawn {
            guard let last = shares.last(where: { $0.share != nil }) else { continue }
            let text = "\(projectName(project)) \(shareText(last.share))"
            if let index = groups.firstIndex(where: { $0.date == last.date }) {
                groups[index].texts.append(text)
            } else {
                groups.append((last.date, [text]))
            }
        }
        guard !groups.isEmpty else { return "" }
        let parts = groups.sorted { $0.date > $1.date }.map { "\(listText($0.texts)) (\(metricSeries.label($0.date)))" }
        return " Last known shares: \(parts.joined(separator: "; "))."
    }

    /// Why the lines of a chart of every project's share have gaps, true of each line: where a
    /// project of the category was not measured every share is unknown, said once for the lines
    /// with as many such dates; a line that starts after the chart's first date starts at its
    /// project's first value. Empty when every share is known.
    func everyUnknownSharesText(
        _ drawn: [(project: String, shares: [Analysis.SharePoint])], in metricSeries: MetricSeries
    ) -> String {
        var gapGroups: [(count: Int, names: [String])] = []
        var starts: [String] = []
        for (project, shares) in drawn {
            let unknown = shares.filter { $0.share == nil }
            let before = unknown.filter { !$0.projectsMeasured.contains(project) }
            let gaps = unknown.count - before.count
            if gaps > 0 {
                if let index = gapGroups.firstIndex(where: { $0.count == gaps }) {
                    gapGroups[index].names.append(projectName(project))
                } else {
                    gapGroups.append((gaps, [projectName(project)]))
                }
            }
            if !before.isEmpty, let first = shares.first(where: { $0.projectsMeasured.contains(project) }) {
                starts.append("\(projectName(project)) in \(metricSeries.label(first.date))")
            } else if !before.isEmpty {
                starts.append("\(projectName(project)) has none in this range")
            }
        }
        var text = ""
        for group in gapGroups {
            let subject =
                group.names.count == 1 ? "\(group.names[0])'s share is" : "The shares of \(listText(group.names)) are"
            let lines = group.names.count == 1 ? "its line has a gap" : "their lines have gaps"
            text +=
                " \(subject) unknown on \(counted(group.count, "date", "dates")) where a project in the category was not measured; \(lines) there."
        }
        if !starts.isEmpty {
            text += " A line starts at its project's first value: \(starts.joined(separator: "; "))."
        }
        return text
    }

    /// Why a share line has gaps: "The share is unknown on 3 dates: 2 before PyTorch's first value,
    /// 1 where a project in the category was not measured; the line has gaps there."
    func unknownSharesText(_ shares: [Analysis.SharePoint]) -> String {
        let unknown = shares.filter { $0.share == nil }
        let before = unknown.filter { !$0.projectsMeasured.contains(dataSet.project.id) }.count
        let gaps = unknown.count - before
        let plural = unknown.count == 1 ? "" : "s"
        let ours = "before \(dataSet.project.name)'s first value"
        let gap = "where a project in the category was not measured"
        let why =
            before == 0
            ? ", \(gap)" : gaps == 0 ? ", \(ours)" : ": \(before) \(ours), \(gaps) \(gap)"
        return "The share is unknown on \(unknown.count) date\(plural)\(why); the line has gaps there."
    }

    /// What a metric's chart draws, in words; with `projects`, those alone are named.
    func chartDescription(_ metricSeries: MetricSeries, projects drawn: [String]? = nil) -> String {
        let metric = metricSeries.metric
        guard let first = metricSeries.dates.first, let last = metricSeries.dates.last else {
            return "\(metric.name): no data yet."
        }
        let projects = metricSeries.lines.filter { drawn?.contains($0.project) ?? true }
            .map { projectName($0.project) }.joined(separator: ", ")
        let gaps = gapCounts[metric.id] ?? 0
        return
            "\(metric.name) for \(projects), \(metricSeries.label(first)) to \(metricSeries.label(last)), \(counted(metricSeries.dates.count, "date", "dates"))."
            + (gaps == 0
                ? ""
                : " \(gaps) \(metricSeries.cadence.map(\.rawValue) ?? "period")\(gaps == 1 ? " was" : "s were") not measured; the lines have gaps there.")
    }

    /// The data table after a metric's chart: dates down, projects across; long series show their
    /// newest rows and point at series.csv. Built in Swift rather than through a template: pages
    /// carry many of these, and they were the template engine's hottest loop.
    func dataTable(_ metricSeries: MetricSeries, root: String, limit: Int = 40, projects: [String]? = nil) -> HTML {
        Self.dataTable(metricSeries, root: root, limit: limit, projects: projects, names: projectNames)
    }

    static func dataTable(
        _ metricSeries: MetricSeries, root: String, limit: Int, projects: [String]?, names: [String: String]
    ) -> HTML {
        let metric = metricSeries.metric
        let lines = projects.map { ids in metricSeries.lines.filter { ids.contains($0.project) } } ?? metricSeries.lines
        let dates = metricSeries.dates
        let shown = dates.count > limit ? Array(dates.suffix(limit)) : dates
        let caption = "\(metric.name)\(metric.unit.map { " (\($0))" } ?? "")"
        var out: HTML =
            "<details class=\"data-table\">\n<summary>Data table</summary>\n<div class=\"table-scroll\">\n<table>\n<caption>\(caption)"
        if dates.count > limit {
            out =
                "\(out) — the newest \(shown.count) of \(dates.count) dates; the \(dates.count - shown.count) older \(dates.count - shown.count == 1 ? "one is" : "ones are") in <a href=\"\(root)data/series.csv\">series.csv</a>"
        }
        var text = out.rawValue + "</caption>\n<thead><tr><th scope=\"col\">Date</th>"
        for line in lines {
            text += "<th scope=\"col\" class=\"num\">\(HTML.escape(names[line.project] ?? line.project))</th>"
        }
        text += "</tr></thead>\n<tbody>\n"
        for date in shown.reversed() {
            text +=
                "<tr><th scope=\"row\"><time datetime=\"\(date)\">\(HTML.escape(metricSeries.label(date)))</time></th>"
            for line in lines {
                let value: String
                if let measured = line.value(on: date) {
                    value = ValueFormat.full(measured, unit: metric.unit)
                } else if let first = line.points.first?.date, first < date,
                    metricSeries.point(line, inPeriod: metricSeries.period(date), segment: metricSeries.segment(date))
                        == nil
                {
                    // Measured before, not in this period: a gap, or no longer measured.
                    value = "not measured"
                } else {
                    value = "–"
                }
                text += "<td class=\"num\">\(HTML.escape(value))</td>"
            }
            text += "</tr>\n"
        }
        text += "</tbody>\n</table>\n</div>\n</details>\n"
        return HTML(trusted: text)
    }
}
