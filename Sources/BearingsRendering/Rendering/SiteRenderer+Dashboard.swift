import BearingsAnalysis
import BearingsCharts
import BearingsModel

extension SiteRenderer {
    /// The headline metric: project.md's choice, or the first usage metric with data.
    var headlineSeries: MetricSeries? {
        if let id = dataSet.project.headline, let chosen = series[id] { return chosen }
        return dataSet.metrics.filter { $0.kind == .usage }.compactMap { series[$0.id] }.first { !$0.lines.isEmpty }
    }

    func dashboard() -> PageOutput {
        let root = ""
        var headline: HeadlineChart?
        var figures: HeadlineFigures?
        if let series = headlineSeries {
            let crossovers = dashboardCrossoverSentences(series).map { TextItem(text: $0) }
            let href = "metrics/\(series.metric.id).html"
            // Every project of the category, so a reader sees who is second and who closes in.
            if let (svg, _) = shareChart(series, root: root, id: "headline-share", marked: false, everyProject: true) {
                headline = HeadlineChart(
                    name: series.metric.name, href: href, isShare: true, svgHTML: svg,
                    takeaway: takeaway.share(series, shares: shares[series.metric.id] ?? []),
                    // Why the share is unknown now is said once, by the headline's figures above.
                    denominatorNote: categoryChangesText(series), crossovers: crossovers,
                    tableHTML: shareTable(
                        series, limit: 12, fullHref: (href, "the metric's page"), everyProject: true))
            } else {
                headline = HeadlineChart(
                    name: series.metric.name, href: href, isShare: false,
                    svgHTML: lineChart(series, root: root, id: "headline", marked: false),
                    takeaway: takeaway.values(series), denominatorNote: "",
                    crossovers: crossovers, tableHTML: dataTable(series, root: root, limit: 12))
            }
            figures = headlineFigures(series)
        }
        // The same sentences as `bearings digest`, from the same computation.
        // Without a headline metric there is nothing to compare: no section.
        let whatChanged = headlineSeries.map { _ in
            let digest = digest()
            return WhatChanged(title: digest.title, headline: digest.headline, items: digest.items)
        }
        // The newest few changes of order; trends.html lists them all.
        let passes = passes(root: root)
        let shown = passes.suffix(Self.dashboardPasses)
        let dated = dataSet.decisions.compactMap { decision in decision.date.map { (date: $0, decision: decision) } }
        let newest = dated.sorted { ($0.date, $0.decision.id) > ($1.date, $1.decision.id) }.prefix(5)
        // The longest waiting few; the decisions page lists them all when there are more.
        let due = dueLinks(root: root)
        let page = DashboardPage(
            introHTML: HTML(cmark: dataSet.project.introduction), hasIntro: !dataSet.project.introduction.isEmpty,
            headline: headline, figures: figures, whatChanged: whatChanged, passes: Array(shown),
            passesNote: shown.count < passes.count
                ? "The newest \(shown.count) of \(ValueFormat.grouped(String(passes.count))) dates at which \(dataSet.project.name) passed a competitor, or was passed, in a measure of use (a pass counts when it lasts two periods or reaches the newest)."
                : "Every date at which \(dataSet.project.name) passed a competitor, or was passed, in a measure of use (a pass counts when it lasts two periods or reaches the newest).",
            passesMore: shown.count < passes.count
                ? "All \(ValueFormat.grouped(String(passes.count))) changes of order" : "",
            standing: standingRows(kind: .usage, root: root), community: standingRows(kind: .community, root: root),
            due: Array(due.prefix(Self.dashboardDue)),
            dueOrder: due.count > Self.dashboardDue
                ? ": the \(Self.dashboardDue) longest waiting of \(ValueFormat.grouped(String(due.count))), the longest first."
                : "; the longest waiting first.",
            dueMore: due.count > Self.dashboardDue ? Self.dueMoreWords(due.count - Self.dashboardDue) : "",
            dueMoreRest: due.count - Self.dashboardDue == 1
                ? " is listed on the decisions page." : " are listed on the decisions page.",
            score: betScore(root: root), referenceDate: referenceDate.description,
            newest: newest.map { self.link($0.decision, root: root) },
            principles: dataSet.principles.principles.map { principle in
                let count = dataSet.decisions.filter { $0.principles.contains(principle.id) }.count
                return PrincipleCount(
                    title: principle.title, href: "principles.html#\(principle.id)",
                    count: count == 1 ? "1 decision" : "\(count) decisions")
            })
        return self.page(
            page, title: dataSet.project.name, root: root, section: "index.html", source: dataSet.project.location)
    }

    /// The headline's big numbers for the headline metric: this project's share (or value when
    /// shares do not apply, or the share is unknown), its rank, its change over a year, each with
    /// the words that say what it is and, where it is unknown, why.
    func headlineFigures(_ metricSeries: MetricSeries) -> HeadlineFigures {
        let metric = metricSeries.metric, us = dataSet.project.name
        let sharesApply = shares[metric.id] != nil && metricSeries.lines.count > 1
        guard
            let standing = Analysis.standing(
                metricSeries, of: dataSet.project.id, shares: sharesApply ? shares[metric.id] : nil)
        else {
            return HeadlineFigures(missing: "\(us) has no value in \(metric.name) yet.")
        }
        let latest = standing.latest
        let when = metricSeries.label(latest.date)
        var figures = HeadlineFigures(
            date: latest.date.description, dateLabel: when, unsettled: !isSettled(latest.date, metric),
            stale: standing.isStale
                ? "not measured since \(when); newest data \(metricSeries.label(standing.newest))" : "")
        let value = ValueFormat.full(latest.value, unit: metric.unit)
        let unknownWhy = unknownReason(standing, metricSeries)
        if sharesApply, let share = standing.share {
            figures.main = shareText(share)
            figures.mainLabel = "\(us)'s share, \(value)"
            if let base = standing.shareYearAgo, let change = standing.shareOverYear {
                figures.change = points(change)
                // An irregular metric's base may be more than a year back: its real span is said.
                let span = Analysis.spanWords(from: base.date, to: latest.date, cadence: metricSeries.cadence)
                figures.changeLabel =
                    "change in share over \(span), from \(shareText(base.share)) in \(metricSeries.label(base.date))"
            } else {
                figures.change = "unknown"
                figures.changeLabel = "share change over a year: \(shareYearUnknownReason(standing, metricSeries))"
            }
        } else {
            figures.main = value
            let shareWhy =
                standing.isStale
                ? "unknown: \(unknownWhy)"
                : shareUnknownText(metricSeries, at: latest.date) ?? "unknown: \(unknownWhy)"
            figures.mainLabel =
                sharesApply ? "\(us)'s latest value; its share is \(shareWhy)" : "\(us)'s latest value"
            let cell = yearCell(standing, metricSeries)
            figures.change = cell.value.isEmpty ? "–" : cell.value
            // Said of what it is a change: the value, not the share the heading is about; "over 2 years,
            // since Dec 2021" when the base is not one year back.
            let what = "change in \(us)'s \(metric.unit.map { $0 == "%" ? "value" : $0 } ?? "value") "
            figures.changeLabel =
                what
                + (cell.span.isEmpty
                    ? "over a year" + (cell.base.isEmpty ? "" : ", \(cell.base)")
                    : cell.span + (cell.since.isEmpty ? "" : ", \(cell.since)"))
        }
        if let rank = standing.rank {
            figures.rank = ordinal(rank)
            figures.rankLabel = "of \(standing.ranked) projects measured"
        } else {
            figures.rank = "unknown"
            figures.rankLabel = "rank — \(unknownWhy)"
        }
        // The cards are narrow: no label may end a line inside a date ("2025-07-" / "01"), and a
        // change in points keeps its unit ("+0.6" / "pts").
        for label in [\HeadlineFigures.mainLabel, \.changeLabel, \.rankLabel, \.stale] {
            figures[keyPath: label] = DayFormat.keepingDatesWhole(figures[keyPath: label])
        }
        if figures.change.hasSuffix(" pts") {
            figures.change = figures.change.dropLast(4) + "\u{00A0}pts"
        }
        return figures
    }

    /// Why a share or rank now is unknown: "Gizmo not measured since Sep 2020".
    func unknownReason(_ standing: Analysis.Standing, _ metricSeries: MetricSeries) -> String {
        if standing.isStale {
            return "\(dataSet.project.name) not measured since \(metricSeries.label(standing.latest.date))"
        }
        let period = metricSeries.period(standing.latest.date)
        let names = standing.notMeasured.map { id -> String in
            let last = metricSeries.line(id)?.last(onOrBefore: standing.latest.date)
            // Measured before this period only: since when it has not been.
            if let last, metricSeries.period(last.date) < period - 1 {
                return "\(projectName(id)) not measured since \(metricSeries.label(last.date))"
            }
            return "\(projectName(id)) not measured in \(metricSeries.label(standing.latest.date))"
        }
        return names.joined(separator: "; ")
    }

    /// Why the share a year back is unknown: not measured then, or across a break.
    func shareYearUnknownReason(_ standing: Analysis.Standing, _ metricSeries: MetricSeries) -> String {
        if let base = standing.shareYearAgo {
            let missing = base.notMeasured.map(projectName).joined(separator: ", ")
            return "\(missing.isEmpty ? "the share" : missing) not measured in \(metricSeries.label(base.date))"
        }
        if let split = metricSeries.breaks.last(where: { $0 <= standing.latest.date }),
            split.ordinal > standing.latest.date.ordinal - 366
        {
            return "not compared across the break of \(metricSeries.label(split))"
        }
        return "no share a year before \(metricSeries.label(standing.latest.date))"
    }

    /// 1 as "1st", 2 as "2nd", 11 as "11th".
    func ordinal(_ number: Int) -> String { Ordinal.numeral(number) }

    /// The change over a year of a standing's latest value, with its base (`changeCell`).
    func yearCell(_ standing: Analysis.Standing, _ metricSeries: MetricSeries) -> ChangeCell {
        let latest = standing.latest
        return changeCell(
            standing.change.overYearRelative, base: standing.change.yearAgo,
            hasEarlier: (metricSeries.line(dataSet.project.id)?.points.count ?? 0) > 1,
            basePeriod: metricSeries.period(latest.date) - (metricSeries.cadence?.periodsPerYear ?? 0),
            latest: latest, metricSeries)
    }

    /// One row per metric of `kind`: where this project stands on it. Latest value and its date
    /// ("not measured since …" when a newer period has data for others only), share and rank in
    /// that period ("unknown" with why), the change over a year with its base, and a sparkline in
    /// this project's colour.
    func standingRows(kind: Metric.Kind, root: String) -> [StandingRow] {
        let us = dataSet.project.id
        // The headline's period: a row older than it by more than one period of its own cadence is stale.
        let headlineDay = headlineSeries.flatMap { headline in
            (headline.line(us)?.points.last?.date ?? headline.newestDate).map {
                headline.cadence == nil ? $0 : headline.start(ofPeriod: headline.period($0))
            }
        }
        let rows = dataSet.metrics.filter { $0.kind == kind }.compactMap { metric -> StandingRow? in
            guard let metricSeries = series[metric.id], !metricSeries.lines.isEmpty else { return nil }
            let sharesApply = shares[metric.id] != nil && metricSeries.lines.count > 1
            var row = StandingRow(
                name: metric.name, href: "\(root)metrics/\(metric.id).html",
                lag: metric.lag.map { $0.amount == 0 ? "" : "lags \($0)" } ?? "")
            guard
                let standing = Analysis.standing(
                    metricSeries, of: us, shares: sharesApply ? shares[metric.id] : nil),
                let line = metricSeries.line(us)
            else {
                row.missing = true
                return row
            }
            let latest = standing.latest
            let why = unknownReason(standing, metricSeries)
            row.latest = ValueFormat.full(latest.value, unit: metric.unit)
            row.date = latest.date.description
            row.dateLabel = metricSeries.label(latest.date)
            row.stale = standing.isStale
            row.outdated =
                headlineDay.map { Self.isOutdated(latest.date, metricSeries.cadence, headline: $0) } ?? false
            row.unsettled = !isSettled(latest.date, metric)
            if sharesApply {
                row.share = standing.share.map { shareText($0) } ?? "unknown"
                row.shareWhy = standing.share == nil ? why : ""
            } else {
                row.share = "–"
                row.shareWhy = metricSeries.lines.count > 1 ? "not a count" : "no competitor measured"
            }
            if let rank = standing.rank {
                row.rank = "\(ordinal(rank)) of \(standing.ranked)"
            } else {
                row.rank = "unknown"
                row.rankWhy = why
            }
            row.overYear = yearCell(standing, metricSeries)
            row.sparkHTML = HTML(
                svg: Sparkline.svg(
                    points: sparklinePoints(line, in: metricSeries), label: "\(projectName(us)): \(metric.name)",
                    unit: metric.unit, style: styleIndex(us), dateText: { dateWords(Day(ordinal: $0), metricSeries) }))
            return row
        }
        // Current rows first, stale ones after them, each in the metrics' order.
        return rows.filter { !$0.outdated } + rows.filter(\.outdated)
    }

    /// Whether a value dated `day` is older than the headline's period (which starts on `headline`)
    /// by more than one period of its own cadence: a yearly value of 2023 beside a 2025 Q3 headline,
    /// a monthly one of Sep 2018. Irregular metrics: more than 366 days older.
    static func isOutdated(_ day: Day, _ cadence: Cadence?, headline: Day) -> Bool {
        guard let cadence else { return headline.ordinal - day.ordinal > 366 }
        return cadence.period(headline) - cadence.period(day) > 1
    }

    /// A line's points thinned for a 120-pixel sparkline, with its gaps.
    func sparklinePoints(_ line: MetricSeries.Line, in metricSeries: MetricSeries) -> [ChartPoint] {
        let points = Self.chartPoints(line, in: metricSeries)
        return points.count > 60 ? Thinning.largestTriangleThreeBuckets(points, threshold: 60) : points
    }

    /// How many of the newest changes of order the dashboard lists; trends.html lists them all.
    static let dashboardPasses = 5

    /// How many of the decisions due for review the dashboard lists, the longest waiting first;
    /// with more, the decisions page lists them all (`decisions.html#due`).
    static let dashboardDue = 10

    /// The link text after the dashboard's bounded "Due for review" list: "1,995 more decisions
    /// due for review".
    static func dueMoreWords(_ more: Int) -> String {
        "\(ValueFormat.grouped(String(more))) more \(more == 1 ? "decision" : "decisions") due for review"
    }

    /// The decisions due for review (`dueDecisions`, the longest waiting first), each with since
    /// when and why it waits: "waiting since 2016-01-01, its review date".
    func dueLinks(root: String) -> [DecisionLink] {
        dueDecisions.map { decision, since in
            var link = self.link(decision, root: root)
            let why: String
            if decision.review == since {
                why = "its review date"
            } else {
                // The expectation whose verdict became final on that day.
                let final = (betVerdicts[decision.id] ?? []).first {
                    Analysis.finalDay($0, lag: series[$0.expectation.metric]?.metric.lag) == since
                }
                why = final.map { "an expectation \($0.verdict.words)" } ?? "its bet judged"
            }
            link.review = "waiting since \(since), \(why)"
            return link
        }
    }

    /// How many of the headline's newest crossovers, and of its newest ties, the dashboard says;
    /// the metric's page says them all.
    static let dashboardCrossovers = 5

    /// The headline's crossovers in the words of `crossoverSentences`, but only the newest
    /// `dashboardCrossovers`, in date order, after a sentence that says how many earlier ones the
    /// metric's page lists; ties the same way. On noisy weekly data a headline has thousands, and
    /// the dashboard's size (27 MB of HTML on issue #29's corpus) followed the data's noise. With
    /// no more than the bound, the sentences are `crossoverSentences`' own.
    func dashboardCrossoverSentences(_ metricSeries: MetricSeries) -> [String] {
        let (crossovers, ties) = (crossings(metricSeries).crossovers, crossings(metricSeries).ties)
        let limit = Self.dashboardCrossovers
        let us = dataSet.project.name
        var sentences: [String] = []
        if crossovers.count > limit {
            let earlier = crossovers.count - limit
            sentences.append(
                "\(ValueFormat.grouped(String(earlier))) earlier \(earlier == 1 ? "change" : "changes") of order \(earlier == 1 ? "is" : "are") listed on the metric's page."
            )
        }
        for crossover in crossovers.suffix(limit) {
            let them = projectName(crossover.competitor)
            let when = dateWords(crossover.date, metricSeries)
            let settled = isSettled(crossover.date, metricSeries.metric) ? "" : " (not settled yet)"
            sentences.append(
                crossover.weLead
                    ? "\(us) passed \(them) \(when)\(settled)." : "\(them) passed \(us) \(when)\(settled).")
        }
        if !ties.isEmpty {
            let list = ties.suffix(limit).map { "\(projectName($0.1)) \(dateWords($0.0, metricSeries))" }
                .joined(separator: ", ")
            let earlier = ties.count - min(ties.count, limit)
            let more =
                earlier == 0
                ? ""
                : "; \(ValueFormat.grouped(String(earlier))) earlier \(earlier == 1 ? "tie is" : "ties are") on the metric's page"
            sentences.append("Tied with \(list) (a tie is not counted as a pass\(more)).")
        }
        return sentences
    }

    /// Every change of order against a competitor in any usage metric, oldest first: the story at a glance.
    func passes(root: String) -> [PassRow] {
        var rows: [(Day, String, PassRow)] = []
        for metric in dataSet.metrics where metric.kind == .usage {
            guard let metricSeries = series[metric.id] else { continue }
            for crossover in crossings(metricSeries).crossovers {
                let us = dataSet.project.name, them = projectName(crossover.competitor)
                rows.append(
                    (
                        crossover.date, metric.id,
                        PassRow(
                            date: crossover.date.description, dateLabel: metricSeries.label(crossover.date),
                            metric: metric.name, href: "\(root)metrics/\(metric.id).html",
                            text: crossover.weLead ? "\(us) passed \(them)" : "\(them) passed \(us)",
                            weLead: crossover.weLead, unsettled: !isSettled(crossover.date, metric))
                    ))
            }
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// A change and what it is measured from: "+12.3%" with "since Nov 2018"; from a small base
    /// (`Analysis.isSmallBase`) the two values, "3 → 263 papers"; a base that is not one year back
    /// (an irregular metric) says its real span, "over 2 years, since 2023" (`span` and `since`
    /// hold the two parts); "unknown" with why when the base period was not measured; "–" when
    /// there is nothing earlier at all.
    func changeCell(
        _ relative: Double?, base: SeriesPoint?, hasEarlier: Bool, basePeriod: Int, latest: SeriesPoint,
        _ metricSeries: MetricSeries
    ) -> ChangeCell {
        if let base {
            let span = "over " + Analysis.spanWords(from: base.date, to: latest.date, cadence: metricSeries.cadence)
            let since = "since \(metricSeries.label(base.date))"
            return ChangeCell(
                value: changeWords(from: base.value, to: latest.value, relative: relative, metricSeries.metric),
                base: span == "over a year" ? since : "\(span), \(since)", span: span, since: since)
        }
        let latest = latest.date
        guard hasEarlier, metricSeries.cadence != nil else { return ChangeCell(value: "–") }
        let baseDay = metricSeries.start(ofPeriod: basePeriod)
        if metricSeries.segment(baseDay) != metricSeries.segment(latest),
            let split = metricSeries.breaks.last(where: { $0 <= latest })
        {
            return ChangeCell(value: "–", base: "not compared across the break of \(metricSeries.label(split))")
        }
        return ChangeCell(
            value: "unknown", base: "\(metricSeries.label(metricSeries.start(ofPeriod: basePeriod))) not measured")
    }

    /// The bets' score: how many bets are met, missed, too early, without data, withdrawn, each
    /// linking to its list on the decisions page; empty when no decision has expectations.
    func betScore(root: String) -> [ScoreItem] {
        let verdicts = dataSet.decisions.compactMap(betVerdict)
        return ExpectationVerdict.Verdict.allCases.compactMap { verdict in
            let count = verdicts.filter { $0 == verdict }.count
            guard count > 0 else { return nil }
            return ScoreItem(
                count: count, words: verdict.words, verdict: verdict.rawValue,
                href: "\(root)decisions.html#bets-\(verdict.rawValue)")
        }
    }
}
