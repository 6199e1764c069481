import BearingsAnalysis
import BearingsCharts
import BearingsLoading
import BearingsModel
import BearingsParsing

extension SiteRenderer {
    func decisionsPage() -> PageOutput {
        let root = ""
        var years: [(String, [Decision])] = []
        for decision in dataSet.decisions.reversed() {
            let year = decision.date.map { String($0.year) } ?? "Undated"
            if years.last?.0 == year {
                years[years.count - 1].1.append(decision)
            } else {
                years.append((year, [decision]))
            }
        }
        // All of them here when the dashboard lists only the longest waiting few.
        let due = dueLinks(root: root)
        let page = DecisionsPage(
            years: years.map { year, decisions in
                DecisionYear(
                    year: year,
                    decisions: decisions.map { decision in
                        let link = self.link(decision, root: root)
                        return TimelineDecision(
                            href: link.href, title: link.title, label: link.label, date: link.date,
                            undated: link.undated, status: link.status, statusText: link.statusText, kind: link.kind,
                            bet: link.bet,
                            supersededBy: decision.supersededBy.flatMap(self.decision).map {
                                self.link($0, root: root)
                            },
                            principles: decision.principles.enumerated().map { index, id in
                                PrincipleLink(
                                    title: principleTitles[id] ?? id, href: "principles.html#\(id)",
                                    separator: index + 1 < decision.principles.count ? ", " : "")
                            })
                    })
            },
            count: dataSet.decisions.count,
            countWords: dataSet.decisions.count == 1
                ? "1 decision" : "\(ValueFormat.grouped(String(dataSet.decisions.count))) decisions",
            bets: ExpectationVerdict.Verdict.allCases.compactMap { verdict -> BetGroup? in
                let decisions = dataSet.decisions.reversed().filter { betVerdict($0) == verdict }
                guard !decisions.isEmpty else { return nil }
                return BetGroup(
                    verdict: verdict.rawValue, words: verdict.words.prefix(1).uppercased() + verdict.words.dropFirst(),
                    decisions: decisions.map { self.link($0, root: root) })
            },
            due: due.count > Self.dashboardDue ? due : [],
            dueNote:
                "\(ValueFormat.grouped(String(due.count))) proposed or accepted decisions whose review date is on or before \(referenceDate), or one of whose expectations is met or missed, and that were not reviewed since; the longest waiting first."
        )
        return self.page(page, title: "Decisions", root: root, section: "decisions.html")
    }

    func decisionPage(_ decision: Decision) -> PageOutput {
        let root = "../"
        let link = self.link(decision, root: root)
        let dueSince = Analysis.dueSince(
            decision, verdicts: betVerdicts[decision.id] ?? [],
            lags: decision.expectations.reduce(into: [:]) { $0[$1.metric] = series[$1.metric]?.metric.lag },
            reference: referenceDate)
        // A decision that was superseded is followed only up to its successor's date.
        let successorDate = decision.status == .superseded ? decision.supersededBy.flatMap(self.decision)?.date : nil
        let verdicts = betVerdicts[decision.id] ?? []
        // The evidence: the watched metrics, and those of the expectations.
        var evidence = decision
        evidence.watch = DecisionParser.unique(decision.watch + decision.expectations.map(\.metric))
        let review = Analysis.review(
            evidence, project: dataSet.project.id, series: series, shares: shares, reference: referenceDate,
            until: successorDate)
        let page = DecisionPage(
            href: link.href, label: link.label, date: link.date, undated: link.undated, status: link.status,
            statusText: link.statusText, kind: link.kind,
            bet: verdicts.isEmpty ? nil : betContext(decision, verdicts, root: root),
            bodyHTML: decisionBody(decision), review: decision.review?.description ?? "",
            reviewed: decision.reviewed?.description ?? "", reviewDue: dueSince != nil,
            // A decision due for a final verdict, with no review date: since when.
            dueSince: dueSince.map { "waiting since \($0), when the verdict of an expectation became final" } ?? "",
            principles: decision.principles.map { id in
                PrincipleLink(title: principleTitles[id] ?? id, href: "\(root)principles.html#\(id)", separator: "")
            },
            supersededBy: decision.supersededBy.flatMap(self.decision).map { self.link($0, root: root) },
            supersedes: (supersededBy[decision.id] ?? []).map { self.link($0, root: root) },
            statusLinks: relationLinks(decision).map { relation, target in
                var link = self.link(target, root: root)
                link.relation = relation
                return link
            },
            deciders: decision.deciders.joined(separator: ", "), tags: decision.tags.map { TagItem(tag: $0) },
            reviewUntil: successorDate?.description ?? "",
            watched: review.map {
                watchedMetrics(decision, $0, verdicts: verdicts, root: root, until: successorDate)
            } ?? [])
        return self.page(
            page, title: decision.title, root: root, section: "decisions.html", source: decision.location,
            path: Self.decisionHref(decision.id))
    }

    /// The metrics a decision page reviews, then and now, each with its charts around the decision.
    func watchedMetrics(
        _ decision: Decision, _ review: BetReview, verdicts: [ExpectationVerdict], root: String,
        until successorDate: Day?
    ) -> [WatchedMetric] {
        review.watched.compactMap { watched -> WatchedMetric? in
            guard let metricSeries = series[watched.metric] else { return nil }
            let metric = metricSeries.metric
            let sharesApply = self.shares[metric.id] != nil && metricSeries.lines.count > 1
            func shareCell(_ share: Double?, _ point: SeriesPoint?) -> String {
                guard sharesApply, point != nil else { return "–" }
                return share.map { shareText($0) } ?? "unknown"
            }
            var svgHTML: HTML = ""
            var shareSvgHTML: HTML = ""
            var tableHTML: HTML = ""
            var takeawayText = ""
            var shareTakeaway = ""
            let shareNowWhy =
                sharesApply && watched.now != nil && watched.shareNow == nil
                ? watched.now.flatMap { shareUnknownText(metricSeries, at: $0.date) }.map {
                    $0.hasPrefix("unknown ") ? String($0.dropFirst("unknown ".count)) : $0
                } ?? "" : ""
            if !metricSeries.lines.isEmpty {
                // Charted around the decision: from the January two years before it to the
                // newest data. Decisions of one year share the window, and so its drawing.
                let from = decision.date.flatMap { Day(year: $0.year - 2, month: 1, day: 1)?.ordinal }
                // Each expectation on the metric marks its date; a value or share it expects is a
                // rule on the chart of that value or share.
                let onMetric = verdicts.filter { $0.expectation.metric == metric.id }
                func isShare(_ verdict: ExpectationVerdict) -> Bool {
                    if case .share = verdict.expectation.condition { return true } else { return false }
                }
                func byDate(_ verdict: ExpectationVerdict) -> ChartEvent? {
                    verdict.by.map {
                        ChartEvent(
                            day: $0.ordinal, text: "expected by \($0): \(expectationWords(verdict.expectation))")
                    }
                }
                // A share expectation is drawn on the share chart, the others on the value chart.
                let byDates = onMetric.filter { !isShare($0) }.compactMap(byDate)
                let shareByDates = onMetric.filter(isShare).compactMap(byDate)
                // One rule per expected value: the same words with two dates are one rule
                // ("by 2020-03-31, 2020-10-31"), never two labels on top of each other.
                func thresholds(_ verdicts: [ExpectationVerdict]) -> [ChartThreshold] {
                    var rules: [(value: Double, words: String, dates: [String], symbol: String)] = []
                    for verdict in verdicts {
                        let target: Double
                        let symbol: String
                        switch verdict.expectation.condition {
                        case .value(let comparison, let value):
                            target = value
                            symbol = "\(comparison.rawValue) \(ValueFormat.full(value, unit: metric.unit))"
                        case .share(let comparison, let value):
                            target = value
                            symbol = "\(comparison.rawValue) \(trimmedPercent(value * 100))"
                        default: continue
                        }
                        let words = expectationWords(verdict.expectation)
                        let date = verdict.by.map(\.description)
                        if let index = rules.firstIndex(where: { $0.value == target && $0.words == words }) {
                            if let date, !rules[index].dates.contains(date) { rules[index].dates.append(date) }
                        } else {
                            rules.append((target, words, date.map { [$0] } ?? [], symbol))
                        }
                    }
                    return rules.map { rule in
                        let by = rule.dates.isEmpty ? "" : " by \(rule.dates.joined(separator: ", "))"
                        return ChartThreshold(
                            value: rule.value, text: "expected: \(rule.words)\(by)",
                            shortText:
                                "expected \(rule.symbol.replacingOccurrences(of: ">=", with: "≥").replacingOccurrences(of: "<=", with: "≤"))"
                        )
                    }
                }
                let valueThresholds = thresholds(
                    onMetric.filter {
                        if case .value = $0.expectation.condition { return true } else { return false }
                    })
                let shareThresholds = thresholds(onMetric.filter(isShare))
                let named = onMetric.compactMap { verdict -> String? in
                    if case .passes(let other) = verdict.expectation.condition { return other } else { return nil }
                }
                let projects =
                    named.isEmpty
                    ? decisionCharted[metric.id]
                    : Self.chartedProjects(metricSeries, projectID: dataSet.project.id, named: named)
                var chart = lineChart(
                    metricSeries, root: root, id: "watch-\(metric.id)", only: decision.id, from: from,
                    projects: projects, extraEvents: byDates, thresholds: valueThresholds
                ).rawValue
                chart += markerNote(decision, metricSeries, from: from, projects: projects)
                svgHTML = HTML(svg: chart)
                if let decided = decision.date {
                    takeawayText = takeaway.sinceDecision(watched, metricSeries, decided: decided, until: successorDate)
                }
                if !shareThresholds.isEmpty, sharesApply,
                    var share = shareChart(
                        metricSeries, root: root, id: "watch-share-\(metric.id)", from: from, only: decision.id,
                        thresholds: shareThresholds, extraEvents: shareByDates)?.0.rawValue
                {
                    share += markerNote(decision, metricSeries, from: from, projects: nil)
                    shareSvgHTML = HTML(svg: share)
                    if let decided = decision.date {
                        shareTakeaway = takeaway.shareSinceDecision(
                            watched, metricSeries, decided: decided, until: successorDate, unknownWhy: shareNowWhy)
                    }
                }
                tableHTML =
                    named.isEmpty
                    ? decisionTables[metric.id] ?? ""
                    : dataTable(metricSeries, root: root, limit: 12, projects: projects)
            }
            return WatchedMetric(
                name: metric.name, href: "\(root)metrics/\(metric.id).html",
                then: watched.then.map { ValueFormat.full($0.value, unit: metric.unit) } ?? "not measured",
                thenDate: watched.then.map { metricSeries.label($0.date) } ?? "",
                now: watched.now.map { ValueFormat.full($0.value, unit: metric.unit) }
                    ?? (watched.unsettled == nil ? "no value since the decision" : "none settled yet"),
                nowDate: watched.now.map { metricSeries.label($0.date) } ?? "",
                pending: watched.unsettled.map {
                    "\(metricSeries.label($0.date)): \(ValueFormat.full($0.value, unit: metric.unit)) — not settled yet"
                } ?? "",
                shareNowWhy: shareNowWhy,
                shareThen: shareCell(watched.shareThen, watched.then),
                shareNow: shareCell(watched.shareNow, watched.now),
                shareChange: watched.acrossBreak
                    ? "not compared across a break"
                    : watched.then != nil && watched.now != nil && sharesApply
                        && (watched.shareThen == nil || watched.shareNow == nil)
                        ? "unknown" : points(watched.shareChange),
                hasShare: watched.shareThen != nil || watched.shareNow != nil, tooEarly: watched.tooEarly,
                lag: metric.lag?.description ?? "0", svgHTML: svgHTML, takeaway: takeawayText,
                shareSvgHTML: shareSvgHTML, shareTakeaway: shareTakeaway, tableHTML: tableHTML)
        }
    }

    /// The relations a decision page lists besides supersession: those written in its status, as
    /// written ("Amended by", "Clarifies", "Related to"), then those other records write about it,
    /// turned round ("Amends" there is "Amended by" here); none twice, none that "Supersedes" shows.
    func relationLinks(_ decision: Decision) -> [(String, Decision)] {
        func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
        func isSupersedes(_ relation: String) -> Bool { ["supersedes", "supercedes"].contains(relation.lowercased()) }
        var result: [(String, Decision)] = []
        var seen = Set<String>()
        for link in decision.statusLinks {
            guard let target = self.decision(link.target) else { continue }
            if isSupersedes(link.relation), target.supersededBy == decision.id { continue }
            if seen.insert("\(link.relation.lowercased())|\(target.id)").inserted {
                result.append((capitalised(link.relation), target))
            }
        }
        for other in linkedFrom[decision.id] ?? [] {
            for link in other.statusLinks where link.target == decision.id {
                let relation = StatusText.reverse(link.relation)
                if StatusText.isSuccessorRelation(relation), decision.supersededBy == other.id { continue }
                if seen.insert("\(relation.lowercased())|\(other.id)").inserted { result.append((relation, other)) }
            }
        }
        return result
    }

    /// The decision's body, with links to other decision records (`0015-x.md`, `./0015-x.md`) turned
    /// into links to their pages, since the site has `.html` pages where the records had `.md` files.
    func decisionBody(_ decision: Decision) -> HTML {
        var urls = Set<String>()
        func collect(_ node: MarkdownNode) {
            if case .link(let url, _) = node.kind { urls.insert(url) }
            node.children.forEach(collect)
        }
        decision.body.blocks.forEach { collect($0.node) }
        var html = decision.body.html
        for url in urls.sorted() {
            // A record beside this one: `0015-x.md`, `./0015-x.md`, by id without `.md` (log4brains),
            // or Zola's `@/…/0015-x.md`, which Zola resolves from its content folder.
            let path = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
            let sameFolder = !path.contains("/") || path.hasPrefix("./") && !path.dropFirst(2).contains("/")
            let isRecordLink =
                path.hasSuffix(".md") || (decision.isImported && !path.contains(".") && !path.contains(":"))
            guard isRecordLink, sameFolder || url.hasPrefix("@/"), let id = StatusText.decisionID(fromLink: url),
                decisionsByID[id] != nil
            else {
                if !(path.hasSuffix(".md") || path.contains(".md#")) { urls.remove(url) }
                continue
            }
            let anchor = url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
            let page = String(Self.decisionHref(id).dropFirst("decisions/".count))
            html = html.replacingOccurrences(
                of: "href=\"\(HTML.escape(url))\"", with: "href=\"\(HTML.escape(page + anchor))\"")
            urls.remove(url)
        }
        if !decision.folder.isEmpty {
            // A record in a subfolder has its page beside the others: its images and files, copied
            // into the same subfolder of the site, are found from there.
            var local = Set<String>()
            func collectLocal(_ node: MarkdownNode) {
                switch node.kind {
                case .link(let url, _), .image(let url, _):
                    if DataLoader.localPath(url) != nil, !urls.contains(url) { local.insert(url) }
                default: break
                }
                node.children.forEach(collectLocal)
            }
            decision.body.blocks.forEach { collectLocal($0.node) }
            for url in local.sorted() {
                let moved = HTML.escape(decision.folder + "/" + (url.hasPrefix("./") ? String(url.dropFirst(2)) : url))
                for attribute in ["href", "src"] {
                    html = html.replacingOccurrences(
                        of: "\(attribute)=\"\(HTML.escape(url))\"", with: "\(attribute)=\"\(moved)\"")
                }
            }
        }
        return HTML(cmarkOutput: html)
    }

    /// The projects a decision page charts for a metric: this one, every project `named` by the
    /// decision's expectations, then the competitors whose latest values are nearest to this
    /// one's (the largest, when this project has none), `decisionChartLines` in all or as many
    /// as are named, in the series' order.
    static func chartedProjects(_ metricSeries: MetricSeries, projectID: String, named: [String] = []) -> [String] {
        let ours = metricSeries.lines.first { $0.project == projectID }?.points.last?.value
        var chosen = Set(metricSeries.lines.map(\.project).filter { $0 == projectID || named.contains($0) })
        let others = metricSeries.lines.filter { !chosen.contains($0.project) }.enumerated().sorted {
            let left = $0.element.points.last?.value, right = $1.element.points.last?.value
            func distance(_ value: Double?) -> Double {
                guard let value else { return .infinity }
                return ours.map { abs(value - $0) } ?? -value
            }
            let l = distance(left), r = distance(right)
            return l != r ? l < r : $0.offset < $1.offset
        }
        for line in others where chosen.count < Self.decisionChartLines { chosen.insert(line.element.project) }
        return metricSeries.lines.map(\.project).filter { chosen.contains($0) }
    }

    /// An expectation in a few words, with names, never ids: "share at least 50%", "at least
    /// 1,000 papers", "rank at most 2", "ahead of TensorFlow", "change at least +20%".
    func expectationWords(_ expectation: Expectation) -> String {
        let unit = series[expectation.metric]?.metric.unit
        switch expectation.condition {
        case .share(let comparison, let target): return "share \(comparison.words) \(trimmedPercent(target * 100))"
        case .value(let comparison, let target): return "\(comparison.words) \(ValueFormat.full(target, unit: unit))"
        case .rank(let comparison, let target): return "rank \(comparison.words) \(target)"
        case .passes(let other): return "ahead of \(projectName(other))"
        case .change(let comparison, let target):
            return "change \(comparison.words) \(target >= 0 ? "+" : "−")\(trimmedPercent(abs(target) * 100))"
        }
    }

    /// Why a decision's chart cannot show its marker, as a caption: the decision is dated before
    /// the first or after the newest period the chart draws. Empty when the marker is drawn.
    func markerNote(_ decision: Decision, _ metricSeries: MetricSeries, from: Int?, projects: [String]?) -> String {
        guard let date = decision.date else { return "" }
        // Each line's points are sorted by date: its first point from `from` on is found by a
        // binary search and its last is its last, where reading every point of every line for
        // every decision chart was a fifth of a large build (docs/performance.md).
        var first: Day?
        var last: Day?
        for line in metricSeries.lines where projects?.contains(line.project) ?? true {
            let start =
                from.map { from in
                    (line.points.lastIndex(onOrBefore: from - 1, date: \.date.ordinal) ?? -1) + 1
                } ?? 0
            guard start < line.points.count, let end = line.points.last?.date else { continue }
            let begin = line.points[start].date
            first = first.map { min($0, begin) } ?? begin
            last = last.map { max($0, end) } ?? end
        }
        guard let first, let last else { return "" }
        let period = metricSeries.period(date)
        let where_: String
        if period > metricSeries.period(last) {
            where_ = "after the newest value (\(metricSeries.label(last)))"
        } else if period < metricSeries.period(first) {
            where_ = "before the first value (\(metricSeries.label(first)))"
        } else {
            return ""
        }
        return
            "<figcaption class=\"chart-note\">This decision, dated \(HTML.escape(date.description)), is \(HTML.escape(where_)), so the chart cannot mark it.</figcaption>"
    }

    /// A decision page charts this project and its closest competitors, not every project.
    static let decisionChartLines = 5

    func principlesPage() -> PageOutput {
        let root = ""
        let page = PrinciplesPage(
            introHTML: HTML(cmark: dataSet.principles.introduction),
            principles: dataSet.principles.principles.map { principle in
                PrincipleSection(
                    id: principle.id, title: principle.title, statementHTML: HTML(cmark: principle.statement),
                    decisions: dataSet.decisions.filter { $0.principles.contains(principle.id) }.map {
                        self.link($0, root: root)
                    })
            },
            unserved: Analysis.traceability(dataSet).decisionsWithoutPrinciples.compactMap(decision).map {
                self.link($0, root: root)
            })
        return self.page(
            page, title: "Principles", root: root, section: "principles.html", source: dataSet.principles.location)
    }

    /// The bet of a decision page: its verdict, and each expectation in words with its verdict,
    /// the number it was judged on, that number's date and the file it comes from.
    func betContext(_ decision: Decision, _ verdicts: [ExpectationVerdict], root: String) -> DecisionBet {
        let us = dataSet.project.name
        let overall = Analysis.betVerdict(verdicts) ?? .noData
        return DecisionBet(
            verdict: overall.rawValue, words: overall.words,
            expectations: verdicts.map { verdict -> ExpectationRow in
                let expectation = verdict.expectation
                let metricSeries = series[expectation.metric]
                let metric = metricSeries?.metric
                let name = metric?.name ?? expectation.metric
                let unit = metric?.unit
                let by = verdict.by.map { "by \(longDate($0))" } ?? "with no date to judge it at"
                let text: String
                switch expectation.condition {
                case .share(let comparison, let target):
                    text = "\(us)'s share of \(name) \(comparison.words) \(trimmedPercent(target * 100)) \(by)"
                case .value(let comparison, let target):
                    text = "\(name): \(us) \(comparison.words) \(ValueFormat.full(target, unit: unit)) \(by)"
                case .rank(let comparison, let target):
                    text = "\(us)'s rank in \(name) \(comparison.words) \(target) (1 is first) \(by)"
                case .passes(let other):
                    text = "\(us) ahead of \(projectName(other)) in \(name) \(by)"
                case .change(let comparison, let target):
                    text =
                        "\(name): \(us)'s change since the decision \(comparison.words) \(target >= 0 ? "+" : "−")\(trimmedPercent(abs(target) * 100)) \(by)"
                }
                var judged = ""
                if let point = verdict.judged, let metricSeries, let value = verdict.value {
                    let when = metricSeries.label(point.date)
                    switch expectation.condition {
                    case .share: judged = "\(shareText(value)) in \(when)"
                    case .value: judged = "\(ValueFormat.full(value, unit: unit)) in \(when)"
                    case .rank: judged = "rank \(Int(value)) in \(when)"
                    case .passes(let other):
                        judged =
                            "\(ValueFormat.full(point.value, unit: unit)) against \(projectName(other))'s \(verdict.other.map { ValueFormat.full($0.value, unit: unit) } ?? "–") in \(when)"
                    case .change:
                        if let base = verdict.base,
                            Analysis.isSmallBase(
                                base.value, latest: point.value, isPercentage: metricSeries.metric.isPercentage)
                        {
                            // From a small base a percentage misleads: the two values say it.
                            judged =
                                "\(changeWords(from: base.value, to: point.value, relative: value, metricSeries.metric)) (\(metricSeries.label(base.date)) to \(when))"
                        } else {
                            judged =
                                "\(percent(value)), from \(verdict.base.map { ValueFormat.full($0.value, unit: unit) } ?? "–") (\(verdict.base.map { metricSeries.label($0.date) } ?? "–")) to \(ValueFormat.full(point.value, unit: unit)) (\(when))"
                        }
                    }
                }
                return ExpectationRow(
                    text: text, verdict: verdict.verdict.rawValue, verdictWords: verdict.verdict.words,
                    judged: judged, reason: reasonText(verdict),
                    source: verdict.judged.flatMap { dataSet.observations.location(at: Int($0.observation)) }
                        .map { "\(sourcePath($0)):\($0.line)" } ?? "")
            })
    }

    /// Why a verdict is not met or missed, as a sentence: "No value in Apr 2020.", "The share is
    /// unknown in Oct 2020: Gizmo not measured."
    func reasonText(_ verdict: ExpectationVerdict) -> String {
        guard var text = verdict.reason else { return "" }
        if !verdict.unmeasured.isEmpty {
            text += ": \(verdict.unmeasured.map(projectName).joined(separator: ", ")) not measured"
        }
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// An exact date in words' company, as everywhere on the site: ISO, "2019-12-31".
    func longDate(_ day: Day) -> String {
        day.description
    }

    /// 50 as "50%", 49.5 as "49.5%".
    func trimmedPercent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
