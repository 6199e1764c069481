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
            if let (svg, changes) = shareChart(headline, root: root, id: "headline-share", marked: false) {
                chart["svgHTML"] = svg
                chart["isShare"] = true
                chart["denominatorNote"] =
                    changes.isEmpty
                    ? ""
                    : "A project joins the category on \(changes.map { headline.label($0) }.joined(separator: ", ")): the share's denominator changes there."
            } else {
                chart["svgHTML"] = lineChart(headline, root: root, id: "headline", marked: false)
            }
            chart["lineSVGHTML"] = lineChart(headline, root: root, id: "headline-line", marked: false)
            context["headline"] = chart
        }
        context["passes"] = passes(root: root)
        context["usage"] = latestTable(kind: .usage, root: root)
        context["community"] = latestTable(kind: .community, root: root)
        let due = Analysis.dueForReview(dataSet.decisions, reference: referenceDate)
        context["due"] = due.map { decision -> [String: Any] in
            var link = decisionLink(decision, root: root)
            let when = Analysis.dueDate(decision, reference: referenceDate)
            link["review"] =
                decision.review.flatMap { $0 == when ? "review \($0)" : nil } ?? when.map { "by \($0)" } ?? ""
            return link
        }
        context["score"] = betScore(root: root)
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

    /// A line's points thinned for a 120-pixel sparkline, with its gaps.
    func sparklinePoints(_ line: MetricSeries.Line, in metricSeries: MetricSeries) -> [ChartPoint] {
        let points = Self.chartPoints(line, in: metricSeries)
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
                            "date": crossover.date.description, "dateLabel": metricSeries.label(crossover.date),
                            "metric": metric.name, "href": "\(root)metrics/\(metric.id).html",
                            "text": crossover.weLead ? "\(us) passed \(them)" : "\(them) passed \(us)",
                            "weLead": crossover.weLead, "unsettled": !isSettled(crossover.date, metric),
                        ]
                    ))
            }
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Latest value, change since one period back and over a year, per metric and project. A value
    /// older than the metric's newest period says since when it has not been measured; a change
    /// whose base was not measured says so; a yearly metric shows one change, not the same twice.
    func latestTable(kind: Metric.Kind, root: String) -> [[String: Any]] {
        dataSet.metrics.filter { $0.kind == kind }.compactMap { metric -> [String: Any]? in
            guard let metricSeries = series[metric.id], !metricSeries.lines.isEmpty else { return nil }
            let newestPeriod = metricSeries.newestDate.map(metricSeries.period)
            let yearly = metricSeries.cadence == .year
            let rows = metricSeries.lines.compactMap { line -> [String: Any]? in
                guard let change = Analysis.change(line, in: metricSeries) else { return nil }
                let latest = change.latest
                let stale = newestPeriod.map { metricSeries.period(latest.date) < $0 } ?? false
                let hasEarlier = line.points.count > 1
                return [
                    "project": projectName(line.project), "isUs": line.project == dataSet.project.id,
                    "latest": ValueFormat.full(latest.value, unit: metric.unit),
                    "date": latest.date.description, "dateLabel": metricSeries.label(latest.date),
                    "stale": stale,
                    "sincePrevious": changeCell(
                        change.sincePreviousRelative, base: change.previous, hasEarlier: hasEarlier,
                        basePeriod: metricSeries.period(latest.date) - 1, latest: latest.date, metricSeries),
                    "overYear": changeCell(
                        change.overYearRelative, base: change.yearAgo, hasEarlier: hasEarlier,
                        basePeriod: metricSeries.period(latest.date) - (metricSeries.cadence?.periodsPerYear ?? 0),
                        latest: latest.date, metricSeries),
                    "sparkHTML": HTML(
                        svg: Sparkline.svg(
                            points: sparklinePoints(line, in: metricSeries),
                            label: "\(projectName(line.project)): \(metric.name)")),
                ]
            }
            return [
                "name": metric.name, "href": "\(root)metrics/\(metric.id).html", "rows": rows,
                "lag": metric.lag.map { $0.amount == 0 ? "" : "lags \($0)" } ?? "", "hasPrevious": !yearly,
            ]
        }
    }

    /// A change and what it is measured from: "+12.3%" with "since Nov 2018"; "unknown" with why
    /// when the base period was not measured; "–" when there is nothing earlier at all.
    func changeCell(
        _ relative: Double?, base: SeriesPoint?, hasEarlier: Bool, basePeriod: Int, latest: Day,
        _ metricSeries: MetricSeries
    ) -> [String: Any] {
        if let base {
            return ["value": percent(relative), "base": "since \(metricSeries.label(base.date))"]
        }
        guard hasEarlier, metricSeries.cadence != nil else { return ["value": "–", "base": ""] }
        let baseDay = metricSeries.start(ofPeriod: basePeriod)
        if metricSeries.segment(baseDay) != metricSeries.segment(latest),
            let split = metricSeries.breaks.last(where: { $0 <= latest })
        {
            return ["value": "–", "base": "not compared across the break of \(metricSeries.label(split))"]
        }
        return [
            "value": "unknown", "base": "\(metricSeries.label(metricSeries.start(ofPeriod: basePeriod))) not measured",
        ]
    }

    /// The bets' score: how many bets are met, missed, too early, without data, withdrawn, each
    /// linking to its list on the decisions page; empty when no decision has expectations.
    func betScore(root: String) -> [[String: Any]] {
        let verdicts = dataSet.decisions.compactMap(betVerdict)
        return ExpectationVerdict.Verdict.allCases.compactMap { verdict in
            let count = verdicts.filter { $0 == verdict }.count
            guard count > 0 else { return nil }
            return [
                "count": count, "words": verdict.words, "verdict": verdict.rawValue,
                "href": "\(root)decisions.html#bets-\(verdict.rawValue)",
            ]
        }
    }
}
