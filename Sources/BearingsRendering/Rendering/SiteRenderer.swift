import Foundation
import BearingsAnalysis
import BearingsCharts
import BearingsModel
import BearingsParsing

/// Renders every page of SPEC §4 into a site plan. Shared pieces live here; each page kind has a
/// file of its own (`SiteRenderer+<Page>.swift`).
package struct SiteRenderer: Sendable {
    let dataSet: DataSet
    let templates: TemplateSet
    /// What the analysis stage worked out: series, shares, verdicts, gap counts.
    let report: Analysis.Report
    /// Each metric's series.
    var series: [String: MetricSeries] { report.series }
    /// The day "due for review" is judged against.
    var referenceDate: Day { report.referenceDate }
    /// Newest data date, shown as "data as of".
    let dataAsOf: Day?
    /// The build time, only when SOURCE_DATE_EPOCH is set.
    let buildTime: Int?
    /// Absolute site URL for the feed and sitemap.
    let baseURL: String?
    /// Output path of every snapshot, by snapshot id.
    let snapshotPaths: [String: String]
    /// Display order and palette index of projects.
    let projectOrder: [String]
    /// The data folder as given, and the name it is shown under in data files.
    let dataDirectory: String
    let dataFolderName: String
    /// Decisions by id, and who supersedes or links to whom: looked up once, not per page.
    let decisionsByID: [String: Decision]
    let supersededBy: [String: [Decision]]
    let linkedFrom: [String: [Decision]]
    /// Files beside imported records, by their path in the site (`decisions/…`).
    package let attachmentFiles: [String: [UInt8]]
    let principleTitles: [String: String]
    /// Markers for every dated decision, relative to the site root, in date order.
    let allMarkers: [ChartMarker]
    /// Which decision each marker is for, parallel to `allMarkers`.
    let markerDecisions: [Decision]
    /// Each metric's lines, thinned once for drawing: every chart of a metric starts from these.
    var chartLines: [String: [ChartLine]] { cache.chartLines.value }
    /// This project's share of each metric where shares apply.
    var shares: [String: [Analysis.SharePoint]] { report.shares }
    /// Every project's share of the headline metric, by project id, for the dashboard's share
    /// chart and its table: worked out once, by the rule of `shares`. Empty without a headline
    /// metric or where shares do not apply to it.
    var headlineShares: [String: [Analysis.SharePoint]] {
        cache.headlineShares.value {
            guard let headline = headlineSeries, Analysis.shareApplies(headline.metric) else { return [:] }
            return Analysis.shares(headline)
        }
    }
    /// What every decision page shows of a metric, the same on each: the projects charted and the data table.
    var decisionCharted: [String: [String]] { cache.decisionCharted.value }
    var decisionTables: [String: HTML] { cache.decisionTables.value }
    /// Each decision's expectations judged, by decision id; decisions without any are absent.
    var betVerdicts: [String: [ExpectationVerdict]] { report.betVerdicts }
    /// How many periods each metric's lines miss in all, for its charts' descriptions.
    var gapCounts: [String: Int] { report.gapCounts }
    /// Charts of a window shared by several pages, drawn once (see `ChartCache`).
    var chartCache: ChartCache { cache.charts }
    /// What the badge and every page's link preview say of the headline, worked out once.
    var headlinePreview: HeadlinePreview { cache.preview.value { makeHeadlinePreview() } }
    /// Display names of the projects, by id.
    let projectNames: [String: String]
    /// Metrics by id.
    let metricsByID: [String: Metric]
    /// What several pages draw alike, made once on first use (see `RenderCache`).
    private let cache: RenderCache
    /// Each dated decision's marker, by decision id.
    let markerByDecision: [String: ChartMarker]
    /// What "edit this page" links start with, ending in '/'; nil for none (see `editLink`).
    let editBase: String?

    package init(
        dataSet: DataSet, report: Analysis.Report, templates: TemplateSet, sourceDateEpoch: Int?, baseURL: String?,
        dataDirectory: String
    ) {
        self.dataSet = dataSet
        self.report = report
        self.dataDirectory = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
        dataFolderName = URL(fileURLWithPath: self.dataDirectory).standardizedFileURL.lastPathComponent
        self.templates = templates
        let edit =
            dataSet.project.editURL
            ?? dataSet.project.repository.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/edit/main/" }
        editBase = edit.flatMap {
            guard URLText.isWebURL($0) else { return nil }
            return ($0.hasSuffix("/") ? $0 : $0 + "/").addingPercentEncoding(
                withAllowedCharacters: URLText.urlCharacters)
        }
        dataAsOf = dataSet.newestDate
        buildTime = sourceDateEpoch
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        projectOrder = dataSet.projectIDs
        var paths: [String: String] = [:]
        let byDate = Dictionary(grouping: dataSet.snapshots, by: \.date)
        for snapshot in dataSet.snapshots {
            let shared = (byDate[snapshot.date]?.count ?? 0) > 1
            paths[snapshot.id] = "snapshots/\(snapshot.date)\(shared ? "-" + Slug.make(snapshot.id) : "").html"
        }
        snapshotPaths = paths
        decisionsByID = Dictionary(dataSet.decisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        supersededBy = Dictionary(
            grouping: dataSet.decisions.filter { $0.supersededBy != nil }, by: { $0.supersededBy ?? "" })
        var links: [String: [Decision]] = [:]
        for decision in dataSet.decisions {
            for target in Set(decision.statusLinks.map(\.target)).sorted() {
                links[target, default: []].append(decision)
            }
        }
        linkedFrom = links
        // A file never replaces a page: `decisions/x.html` beside the records stays out of the site.
        let pages = Set(dataSet.decisions.map { "decisions/\($0.id).html" })
        attachmentFiles = Dictionary(
            dataSet.decisionAttachments.map { ("decisions/" + $0.path, $0.bytes) }.filter { !pages.contains($0.0) },
            uniquingKeysWith: { first, _ in first })
        principleTitles = Dictionary(
            dataSet.principles.principles.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let dated = dataSet.decisions.filter { $0.date != nil }
        markerDecisions = dated
        allMarkers = dated.compactMap { decision in
            guard let date = decision.date else { return nil }
            let label = decision.number.map(String.init) ?? String(decision.id.prefix(6))
            let number = decision.number.map(Self.paddedNumber) ?? decision.id
            return ChartMarker(
                day: date.ordinal, label: label, title: "\(number) \(decision.title) (\(date))",
                href: Self.decisionHref(decision.id), name: decision.title)
        }
        markerByDecision = Dictionary(
            zip(markerDecisions, allMarkers).map { ($0.id, $1) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(projectOrder.map { ($0, dataSet.projectName($0)) }, uniquingKeysWith: { a, _ in a })
        projectNames = names
        metricsByID = Dictionary(dataSet.metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cache = RenderCache(dataSet: dataSet, series: report.series, projectOrder: projectOrder, names: names)
    }

    /// A line's points for drawing, with a gap (a point without a value) wherever a period is
    /// missing or a break splits the series: a line is never drawn across either.
    static func chartPoints(_ line: MetricSeries.Line, in series: MetricSeries) -> [ChartPoint] {
        var points: [ChartPoint] = []
        points.reserveCapacity(line.points.count)
        var previous: SeriesPoint?
        for point in line.points {
            if let previous, !series.isNext(previous.date, point.date) {
                points.append(ChartPoint(day: min(previous.date.ordinal + 1, point.date.ordinal), value: nil))
            }
            points.append(ChartPoint(day: point.date.ordinal, value: point.value))
            previous = point
        }
        return points
    }

    /// The most points a line keeps for drawing: about one per horizontal pixel of a chart.
    static let drawnPoints = 600
    /// The most points a line keeps on a chart around a decision's date.
    static let drawnPointsAroundADate = 160
    /// The most decision markers a chart shows: the newest of those that concern its metric.
    static let markerLimit = 40

    /// The files that can be made in pieces, by path: the same bytes as their `jobs()` entries,
    /// handed on about a megabyte at a time (tens of megabytes each on a large site).
    func streamedJobs() -> [String: @Sendable ((String) -> Void) -> Void] {
        ["data/series.csv": { seriesCSV($0) }, "data/site.json": { siteJSON($0) }]
    }

    /// Every file of the site with the work that renders it, and every path in byte order. The
    /// two data files are the largest jobs and come first, so they do not end a parallel build alone.
    func jobs() -> (paths: [String], jobs: [(String, @Sendable () -> String)]) {
        var jobs: [(String, @Sendable () -> String)] = [
            ("data/series.csv", { seriesCSV() }), ("data/site.json", { siteJSON() }), ("index.html", dashboard),
            ("trends.html", trends), ("decisions.html", decisionsPage), ("principles.html", principlesPage),
            ("snapshots.html", snapshotsPage), ("404.html", notFoundPage), ("feed.xml", feed),
            ("badge.svg", badgeSVG),
        ]
        for metric in dataSet.metrics { jobs.append(("metrics/\(metric.id).html", { metricPage(metric) })) }
        for decision in dataSet.decisions { jobs.append(("decisions/\(decision.id).html", { decisionPage(decision) })) }
        for (index, snapshot) in dataSet.snapshots.enumerated() {
            let path = snapshotPaths[snapshot.id] ?? "snapshots/\(snapshot.id).html"
            jobs.append((path, { snapshotPage(snapshot, index: index) }))
        }
        let pages = Set(jobs.map(\.0)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if baseURL != nil { jobs.append(("sitemap.xml", { sitemap(pages) })) }
        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) { jobs.append((path, { text })) }
        let taken = Set(jobs.map(\.0))
        let attachments = attachmentFiles.keys.filter { !taken.contains($0) }
        let paths = Set(jobs.map(\.0) + attachments).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (paths, jobs)
    }

    // MARK: - Layout

    static let navigation: [(label: String, path: String)] = [
        ("Dashboard", "index.html"), ("Trends", "trends.html"), ("Decisions", "decisions.html"),
        ("Principles", "principles.html"), ("Snapshots", "snapshots.html"),
    ]

    /// Renders a page inside the shared layout. `path` is the page's path in the site, for its link
    /// preview's `og:url`; nil means `<template>.html` (the 404 page has none).
    func page<Page: CompiledPage>(
        _ page: Page, title: String, root: String, section: String, source: SourceLocation? = nil, path: String? = nil
    ) -> String where Page.Layout == PageLayout {
        templates.render(
            page,
            layout: layout(Page.template, title: title, root: root, section: section, source: source, path: path))
    }

    /// What the layout shows around the page `template`; `path` is as `page` takes it.
    func layout(
        _ template: String, title: String, root: String, section: String, source: SourceLocation?, path: String?
    ) -> PageLayout {
        let preview = previewValues(path: template == "404" ? nil : path ?? "\(template).html")
        return PageLayout(
            title: title, pageTitle: title == dataSet.project.name ? title : "\(title) · \(dataSet.project.name)",
            previewDescription: preview.description, pageURL: preview.pageURL, badgeURL: preview.badgeURL,
            editURL: source.map(editLink) ?? "", root: root, projectName: dataSet.project.name,
            tagline: dataSet.project.tagline ?? "", projectURL: dataSet.project.url.flatMap(safeURL) ?? "",
            dataAsOf: dataAsOf?.description ?? "", builtAt: buildTime.map(isoTimestamp) ?? "",
            nav: Self.navigation.map {
                NavigationItem(label: $0.label, href: root + $0.path, current: $0.path == section)
            })
    }

    // MARK: - Shared helpers

    /// A source path as it appears in data files: relative to the data folder's parent
    /// (`data/snapshots/x.md`), whatever path the data folder was given by, so output does not
    /// depend on the current directory.
    func sourcePath(_ location: SourceLocation) -> String {
        guard location.path.hasPrefix(dataDirectory + "/") else { return location.path }
        // By bytes: dropping characters walks the text, and this runs for every data point.
        return dataFolderName + String(Substring(location.path.utf8.dropFirst(dataDirectory.utf8.count)))
    }

    func projectName(_ id: String) -> String { dataSet.projectName(id) }

    func styleIndex(_ project: String) -> Int { projectOrder.firstIndex(of: project) ?? 0 }

    func metric(_ id: String) -> Metric? { metricsByID[id] }

    /// The number shown before a decision's title; nothing for a record without one (its file
    /// name would repeat the title).
    func decisionLabel(_ decision: Decision) -> String {
        decision.number.map(Self.paddedNumber) ?? ""
    }

    /// A link to a decision, as the `decision-item` partial shows it.
    func link(_ decision: Decision, root: String) -> DecisionLink {
        DecisionLink(
            href: root + Self.decisionHref(decision.id), title: decision.title, label: decisionLabel(decision),
            date: decision.date?.description ?? "", undated: decision.date == nil,
            status: decision.status?.rawValue ?? "unknown", statusText: decision.statusText ?? "no status",
            kind: decision.kind?.rawValue ?? "",
            bet: betVerdict(decision).map { BetLink(verdict: $0.rawValue, words: "bet \($0.words)") })
    }

    /// The decisions due for review on the reference date (SPEC §1, "Due"), longest-waiting first,
    /// each with the day it has been waiting since.
    var dueDecisions: [(decision: Decision, since: Day)] {
        var lags: [String: Lag] = [:]
        for metric in dataSet.metrics { lags[metric.id] = metric.lag }
        return Analysis.dueForReview(dataSet.decisions, verdicts: betVerdicts, lags: lags, reference: referenceDate)
    }

    /// A decision's bet verdict from its expectations; nil when it has none.
    func betVerdict(_ decision: Decision) -> ExpectationVerdict.Verdict? {
        betVerdicts[decision.id].flatMap(Analysis.betVerdict)
    }

    func decision(_ id: String) -> Decision? { decisionsByID[id] }

    /// A decision page's address from the site's root: the file name percent-encoded, since an
    /// imported record's name may hold `#`, `?` or spaces (`0024-use-#-as-indicator.md`).
    static func decisionHref(_ id: String) -> String {
        "decisions/\(URLText.encodedPathPart(id) ?? id).html"
    }

    /// A decision's number as `%04d` writes it ("0042"), without going through `String(format:)`.
    static func paddedNumber(_ number: Int) -> String {
        guard number >= 0 else { return String(format: "%04d", number) }
        let digits = String(number)
        return digits.utf8.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.utf8.count) + digits
    }

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

    /// A relative change as "+12.3%".
    func percent(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f%%", abs(value * 100))
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + text
    }

    /// A change from `base` to `latest` in words: the relative change ("+12.3%"), or from a small
    /// base (`Analysis.isSmallBase`) the two values, "3 → 263 papers".
    func changeWords(from base: Double, to latest: Double, relative: Double?, _ metric: Metric) -> String {
        guard Analysis.isSmallBase(base, latest: latest, isPercentage: metric.isPercentage) else {
            return percent(relative)
        }
        let from = ValueFormat.full(base, unit: metric.unit == "%" ? "%" : nil)
        return "\(from) → \(ValueFormat.full(latest, unit: metric.unit))"
    }

    /// An expectation in a reader's words, with names instead of ids: "Papers at NeurIPS: share
    /// >= 50%", "Monthly downloads: passes Gadget".
    func expectationSummary(_ expectation: Expectation) -> String {
        let metric = series[expectation.metric]?.metric.name ?? expectation.metric
        if case .passes(let other) = expectation.condition {
            return "\(metric): passes \(projectName(other))"
        }
        return "\(metric): \(expectation.summary)"
    }

    /// A signed absolute change in the metric's unit.
    func signed(_ value: Double?, unit: String?) -> String {
        guard let value else { return "–" }
        let text = ValueFormat.full(abs(value), unit: unit)
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + text
    }

    /// A share as "49.7%", "0.16%": at least two significant digits (`ValueFormat.share`).
    func shareText(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return ValueFormat.share(value)
    }

    /// A change of share in percentage points.
    func points(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.1f", abs(value * 100))
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + text + " pts"
    }

    func isoTimestamp(_ seconds: Int) -> String {
        let day = Day(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
        let rest = seconds - day.ordinal * 86400
        return String(format: "%@T%02d:%02d:%02dZ", day.description, rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// The "edit this page" link for the page made from the file at `location`: `edit_url` (or
    /// `repository` + `/edit/main/`) followed by the file's path as `sourcePath` gives it, each part
    /// percent-encoded. Empty when neither key is an http(s) URL, or when the path is absolute or
    /// climbs out with `..` (a `--decisions` folder outside the current one): its place in the
    /// repository is not known.
    func editLink(_ location: SourceLocation) -> String {
        guard let base = editBase else { return "" }
        let parts = sourcePath(location).split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, !parts.contains("..") else { return "" }
        let path = parts.filter { $0 != "." && !$0.isEmpty }
            .map { URLText.encodedPathPart($0) ?? "" }
        return base + path.joined(separator: "/")
    }

    /// `text` when it is an http(s) or mailto URL, with every character a URL may not hold as it is
    /// (space, quotes, `<`, `>`, non-ASCII…) percent-encoded, so the link is a valid URL; else nil.
    func safeURL(_ text: String) -> String? {
        guard URLText.isWebURL(text) || text.lowercased().hasPrefix("mailto:") else { return nil }
        return text.addingPercentEncoding(withAllowedCharacters: URLText.urlCharacters)
    }

    /// The words a long source URL is shown as: a GitHub file at a commit as
    /// "github.com/owner/repo: path/to/file at 3ef0c7d", a commit as "github.com/owner/repo,
    /// commit 3ef0c7d"; any other URL longer than 60 characters as its host, "…" and its last path
    /// part. Short URLs are shown as they are. The link itself always goes to the whole URL.
    static func linkLabel(_ url: String) -> String {
        guard url.count > 60, let parsed = URL(string: url), let host = parsed.host else { return url }
        let site = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let parts = parsed.path.split(separator: "/").map(String.init)
        func short(_ sha: String) -> String {
            sha.count == 40 && sha.allSatisfy(\.isHexDigit) ? String(sha.prefix(7)) : sha
        }
        if site == "github.com", parts.count >= 4 {
            let repo = "\(site)/\(parts[0])/\(parts[1])"
            switch parts[2] {
            case "blob",
                "tree" where parts.count >= 5:
                return "\(repo): \(parts[4...].joined(separator: "/")) at \(short(parts[3]))"
            case "commit": return "\(repo), commit \(short(parts[3]))"
            default: break
            }
        }
        guard let last = parts.last else { return site }
        return parts.count == 1 ? "\(site)/\(last)" : "\(site)/…/\(last)"
    }

    /// Words for crossovers: "PyTorch passed TensorFlow in Nov 2019.", with "(not settled yet)"
    /// when that value may still change.
    func crossoverSentences(_ metricSeries: MetricSeries) -> [String] {
        let (crossovers, ties) = Analysis.crossovers(metricSeries, project: dataSet.project.id)
        var sentences = crossovers.map { crossover -> String in
            let us = dataSet.project.name, them = projectName(crossover.competitor)
            let when = dateWords(crossover.date, metricSeries)
            let settled = isSettled(crossover.date, metricSeries.metric) ? "" : " (not settled yet)"
            return crossover.weLead
                ? "\(us) passed \(them) \(when)\(settled)." : "\(them) passed \(us) \(when)\(settled)."
        }
        if !ties.isEmpty {
            let list = ties.map { "\(projectName($0.1)) \(dateWords($0.0, metricSeries))" }.joined(separator: ", ")
            sentences.append("Tied with \(list) (a tie is not counted as a pass).")
        }
        return sentences
    }
}

extension SiteRenderer {
    /// "on 2019-05-01", "in Nov 2019", "in 2019 Q4", "in 2019": a date at its metric's cadence.
    func dateWords(_ day: Day, _ metricSeries: MetricSeries) -> String {
        switch metricSeries.cadence {
        case nil where metricSeries.datedByMonth: return "in \(metricSeries.label(day))"
        case nil, .day?, .week?: return "on \(day)"
        default: return "in \(metricSeries.label(day))"
        }
    }
}
