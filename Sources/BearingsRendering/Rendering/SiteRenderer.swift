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
    /// This project's crossovers and ties in a metric's series, as the analysis report worked them
    /// out (none for a series it does not know).
    func crossings(_ metricSeries: MetricSeries) -> Analysis.Crossings {
        report.crossovers[metricSeries.metric.id] ?? Analysis.Crossings(crossovers: [], ties: [])
    }
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
    func streamedJobs() -> [String: @Sendable (([UInt8]) -> Void) -> Void] {
        ["data/series.csv": { seriesCSV($0) }, "data/site.json": { siteJSON($0) }, "feed.xml": { feed($0) }]
    }

    /// The work that renders one file: it appends the file's bytes to the buffer it is given.
    typealias Job = @Sendable (inout ByteBuffer) -> Void

    /// Every file of the site with the work that renders it, and every path in byte order. The
    /// two data files are the largest jobs and come first, so they do not end a parallel build alone.
    func jobs() -> (paths: [String], jobs: [(String, Job)]) {
        var jobs: [(String, Job)] = [
            ("data/series.csv", { $0.append(seriesCSV()) }), ("data/site.json", { $0.append(siteJSON()) }),
            ("index.html", { dashboard().write(&$0) }), ("trends.html", { trends().write(&$0) }),
            ("decisions.html", { decisionsPage().write(&$0) }), ("principles.html", { principlesPage().write(&$0) }),
            ("snapshots.html", { snapshotsPage().write(&$0) }), ("404.html", { notFoundPage().write(&$0) }),
            ("feed.xml", { $0.append(String(decoding: Self.collected(feed), as: UTF8.self)) }),
            ("badge.svg", { $0.append(badgeSVG()) }),
        ]
        // The page jobs hold one reference to the renderer and a position each: a closure that used
        // `self` and the page's value would copy the renderer and the decision or snapshot into
        // each of them (11 MB for the benchmark's 10,012 files).
        let shared = SharedRenderer(self)
        for (index, metric) in dataSet.metrics.enumerated() {
            jobs.append(
                ("metrics/\(metric.id).html", { shared.renderer.metricPage(shared.metrics[index]).write(&$0) }))
        }
        for (index, decision) in dataSet.decisions.enumerated() {
            jobs.append(
                ("decisions/\(decision.id).html", { shared.renderer.decisionPage(shared.decisions[index]).write(&$0) }))
        }
        for (index, snapshot) in dataSet.snapshots.enumerated() {
            let path = snapshotPaths[snapshot.id] ?? "snapshots/\(snapshot.id).html"
            jobs.append((path, { shared.renderer.snapshotPage(shared.snapshots[index], index: index).write(&$0) }))
        }
        let pages = Set(jobs.map(\.0)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if baseURL != nil { jobs.append(("sitemap.xml", { $0.append(sitemap(pages)) })) }
        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
            jobs.append((path, { $0.append(text) }))
        }
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

    /// A page inside the shared layout, written into the caller's buffer. `path` is the page's path
    /// in the site, for its link preview's `og:url`; nil means `<template>.html` (the 404 page has none).
    func page<Page: CompiledPage>(
        _ page: Page, title: String, root: String, section: String, source: SourceLocation? = nil, path: String? = nil
    ) -> PageOutput where Page.Layout == PageLayout {
        let layout = layout(Page.template, title: title, root: root, section: section, source: source, path: path)
        let templates = templates
        return PageOutput { templates.render(page, layout: layout, into: &$0) }
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
        let (crossovers, ties) = (crossings(metricSeries).crossovers, crossings(metricSeries).ties)
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

/// The renderer behind one reference, for the many page jobs of `SiteRenderer.jobs()` to share.
private final class SharedRenderer: Sendable {
    let renderer: SiteRenderer
    let metrics: [Metric]
    let decisions: [Decision]
    let snapshots: [Snapshot]

    init(_ renderer: SiteRenderer) {
        self.renderer = renderer
        metrics = renderer.dataSet.metrics
        decisions = renderer.dataSet.decisions
        snapshots = renderer.dataSet.snapshots
    }
}
