import BearingsAnalysis
import BearingsModel

/// What changed between the newest period and an earlier one: the dashboard's "What changed"
/// section and `bearings digest` say the same sentences, from this one computation.
public struct Digest: Sendable, Equatable {
    /// "What changed since Aug 2025".
    public var title: String
    /// The headline metric now and then, or why it is unknown.
    public var headline: String
    /// One sentence per change: unusual moves, crossovers, final verdicts, reviews due, new decisions.
    public var items: [String]

    /// The digest as Markdown, for `$GITHUB_STEP_SUMMARY`, a release note or an issue comment.
    public var markdown: String {
        var text = "## \(Self.escaped(title))\n\n\(Self.escaped(headline))\n"
        if !items.isEmpty { text += "\n" + items.map { "- \(Self.escaped($0))\n" }.joined() }
        return text
    }

    /// Text with Markdown's emphasis, link, code and HTML characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\*_[]<>`|#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

extension SiteRenderer {
    /// The least move called unusual: a share must move at least this many fraction points…
    static let digestMinimumShare = 0.01
    /// …and a value at least this fraction of its earlier value.
    static let digestMinimumRelative = 0.05

    /// What changed between each usage metric's newest period and the one before it, or with
    /// `since`, the newest period on or before that day (SPEC §3 `digest`).
    package func digest(since: Day? = nil) -> Digest {
        guard let headline = headlineSeries, let newest = headline.newestDate else {
            return Digest(title: "What changed", headline: "No measure of use has data yet.", items: [])
        }
        let base = comparedDay(headline, since: since)
        // Events dated after the compared period (or after `since`) and on or before the reference date count.
        let from =
            since.map { $0.addingDays(1) }
            ?? base.map { headline.start(ofPeriod: headline.period($0) + 1) } ?? newest
        let title = base.map { "What changed since \(headline.label($0))" } ?? "What changed"
        var items: [String] = []
        for metric in dataSet.metrics where metric.kind == .usage {
            // A metric whose newest period ended before the window has nothing new to say.
            guard let metricSeries = series[metric.id], let last = metricSeries.newestDate,
                Self.periodEnd(last, metricSeries) >= from
            else { continue }
            items += unusualMoves(metricSeries, since: since)
            items += digestCrossovers(metricSeries, since: since).filter {
                Self.periodEnd($0.date, metricSeries) >= from
            }
            .map(\.text)
        }
        items += finalVerdicts(from: from)
        items += dueDecisions.filter { $0.since >= from }.map { decision, day in
            "\(decision.title) is due for review since \(day)."
        }
        let dated = dataSet.decisions.compactMap { decision in decision.date.map { (date: $0, decision: decision) } }
        items += dated.filter { $0.date >= from && $0.date <= referenceDate }
            .sorted { ($0.date, $0.decision.id) < ($1.date, $1.decision.id) }
            .map { "New decision: \($0.decision.title) (\($0.date), \($0.decision.statusText ?? "no status"))." }
        if items.isEmpty {
            items = [
                "No value or share moved beyond its usual variation; no crossover, final verdict, review due or new decision."
            ]
        }
        return Digest(title: title, headline: digestHeadline(headline, base: base), items: items)
    }

    /// The day of the period a metric's newest period is compared with: the one before it, or the
    /// newest measured on or before `since`; nil when there is none.
    func comparedDay(_ metricSeries: MetricSeries, since: Day?) -> Day? {
        guard let newest = metricSeries.newestDate else { return nil }
        if let since {
            return metricSeries.dates.last { $0 <= since && metricSeries.period($0) < metricSeries.period(newest) }
        }
        return metricSeries.dates.last { metricSeries.period($0) < metricSeries.period(newest) }
    }

    /// "Gizmo's share of Monthly downloads: 64% in Sep 2025, 1st of 3; 60% and 2nd in Aug 2025
    /// (+4.0 pts)", or why the share is unknown.
    func digestHeadline(_ metricSeries: MetricSeries, base: Day?) -> String {
        let metric = metricSeries.metric, us = dataSet.project.name
        guard let newest = metricSeries.newestDate else { return "\(us) has no value in \(metric.name) yet." }
        let sharesApply = shares[metric.id] != nil && metricSeries.lines.count > 1
        guard
            let standing = Analysis.standing(
                metricSeries, of: dataSet.project.id, shares: sharesApply ? shares[metric.id] : nil)
        else { return "\(us) has no value in \(metric.name) yet." }
        let now = metricSeries.label(newest)
        let rankNow = standing.rank.map { "\(ordinal($0)) of \(standing.ranked)" }
        let then = base.flatMap { day in
            metricSeries.line(dataSet.project.id).flatMap {
                metricSeries.point($0, inPeriod: metricSeries.period(day), segment: metricSeries.segment(day))
            }
        }
        let rankThen = then.flatMap { point in
            Analysis.rankInPeriod(metricSeries, of: dataSet.project.id, value: point.value, at: point.date).rank
        }
        if sharesApply {
            guard let share = standing.share else {
                let why =
                    standing.isStale
                    ? "unknown: \(unknownReason(standing, metricSeries))"
                    : shareUnknownText(metricSeries, at: newest) ?? "unknown: \(unknownReason(standing, metricSeries))"
                return "\(us)'s share of \(metric.name) in \(now) is \(why)."
            }
            var text = "\(us)'s share of \(metric.name): \(shareText(share)) in \(now)"
            if let rankNow { text += ", \(rankNow)" }
            if let base {
                let shareThen = then.flatMap { Analysis.share(on: $0.date, in: shares[metric.id] ?? [])?.share }
                if let shareThen {
                    text += "; \(shareText(shareThen))"
                    if let rankThen { text += " and \(ordinal(rankThen))" }
                    text += " in \(metricSeries.label(base)) (\(points(share - shareThen)))"
                } else {
                    // Why, as the dashboard says it: "unknown in Jan 2021 — Gizmo not measured in Jan 2021".
                    text +=
                        "; " + (shareUnknownText(metricSeries, at: base) ?? "unknown in \(metricSeries.label(base))")
                }
            }
            return text + "."
        }
        var text =
            "\(us)'s \(metric.name): \(ValueFormat.full(standing.latest.value, unit: metric.unit)) in "
            + metricSeries.label(standing.latest.date)
        if let rankNow { text += ", \(rankNow)" }
        if let base, let then {
            text += "; \(ValueFormat.full(then.value, unit: metric.unit))"
            if let rankThen { text += " and \(ordinal(rankThen))" }
            let relative = then.value == 0 ? nil : (standing.latest.value - then.value) / abs(then.value)
            text +=
                " in \(metricSeries.label(base)) ("
                + changeWords(from: then.value, to: standing.latest.value, relative: relative, metric) + ")"
        }
        return text + "."
    }

    /// Values of every project, and this project's share, that moved beyond their usual variation
    /// between the metric's newest period and the compared one (`Analysis.isUnusual`).
    func unusualMoves(_ metricSeries: MetricSeries, since: Day?) -> [String] {
        let metric = metricSeries.metric
        guard let newest = metricSeries.newestDate, let base = comparedDay(metricSeries, since: since) else {
            return []
        }
        let periods = metricSeries.cadence == nil ? 1 : metricSeries.period(newest) - metricSeries.period(base)
        let (newPeriod, newSegment) = (metricSeries.period(newest), metricSeries.segment(newest))
        guard metricSeries.segment(base) == newSegment else { return [] }
        let now = metricSeries.label(newest), then = metricSeries.label(base)
        var result: [String] = []
        for line in metricSeries.lines {
            guard let new = metricSeries.point(line, inPeriod: newPeriod, segment: newSegment),
                let old = metricSeries.point(line, inPeriod: metricSeries.period(base), segment: newSegment)
            else { continue }
            let history = line.points.filter { $0.date <= old.date && metricSeries.segment($0.date) == newSegment }
                .map(\.value).suffix(Analysis.usualWindow + 1)
            let change = new.value - old.value
            guard
                Analysis.isUnusual(
                    change, periods: periods, history: Array(history),
                    minimum: Self.digestMinimumRelative * abs(old.value)),
                let usual = Analysis.usualChange(Array(history))
            else { continue }
            let relative = old.value == 0 ? nil : change / abs(old.value)
            result.append(
                "\(metric.name): \(projectName(line.project)) \(change > 0 ? "rose" : "fell") from "
                    + "\(ValueFormat.full(old.value, unit: metric.unit)) in \(then) to "
                    + "\(ValueFormat.full(new.value, unit: metric.unit)) in \(now) "
                    + "(\(changeWords(from: old.value, to: new.value, relative: relative, metric))), "
                    + "beyond its usual change of \(ValueFormat.full(usual, unit: metric.unit)) a period.")
        }
        if metricSeries.lines.count > 1, let list = shares[metric.id],
            let new = Analysis.share(on: newest, in: list)?.share,
            let old = list.last(where: { metricSeries.period($0.date) == metricSeries.period(base) })?.share
        {
            let history = list.filter { $0.date <= base && metricSeries.segment($0.date) == newSegment }
                .compactMap(\.share).suffix(Analysis.usualWindow + 1)
            if Analysis.isUnusual(
                new - old, periods: periods, history: Array(history), minimum: Self.digestMinimumShare),
                let usual = Analysis.usualChange(Array(history))
            {
                result.append(
                    "\(dataSet.project.name)'s share of \(metric.name) \(new > old ? "rose" : "fell") from "
                        + "\(shareText(old)) in \(then) to \(shareText(new)) in \(now) (\(points(new - old))), "
                        + "beyond its usual change of \(points(usual).dropFirst()) a period.")
            }
        }
        return result
    }

    /// The last day of the period `day` lies in (the day itself for an irregular metric).
    static func periodEnd(_ day: Day, _ metricSeries: MetricSeries) -> Day {
        metricSeries.cadence == nil ? day : metricSeries.start(ofPeriod: metricSeries.period(day) + 1).addingDays(-1)
    }

    /// Crossovers dated after the compared period: "Monthly downloads: Gizmo passed Gadget in Sep 2025."
    func digestCrossovers(_ metricSeries: MetricSeries, since: Day?) -> [(date: Day, text: String)] {
        guard let base = comparedDay(metricSeries, since: since) else { return [] }
        let after = since ?? metricSeries.start(ofPeriod: metricSeries.period(base) + 1).addingDays(-1)
        let us = dataSet.project.name
        return crossings(metricSeries).crossovers.filter { $0.date > after }
            .map { crossover in
                let them = projectName(crossover.competitor)
                let settled = isSettled(crossover.date, metricSeries.metric) ? "" : " (not settled yet)"
                let who = crossover.weLead ? "\(us) passed \(them)" : "\(them) passed \(us)"
                return (
                    crossover.date,
                    "\(metricSeries.metric.name): \(who) \(dateWords(crossover.date, metricSeries))\(settled)."
                )
            }
    }

    /// Expectations whose verdict became final (met or missed) from `from` to the reference date.
    func finalVerdicts(from: Day) -> [String] {
        dataSet.decisions.flatMap { decision in
            (betVerdicts[decision.id] ?? []).compactMap { verdict -> String? in
                guard let day = Analysis.finalDay(verdict, lag: series[verdict.expectation.metric]?.metric.lag),
                    day >= from, day <= referenceDate
                else { return nil }
                return "\(decision.title): the expectation \u{201C}\(expectationSummary(verdict.expectation))\u{201D} "
                    + "was \(verdict.verdict.words) (final on \(day))."
            }
        }
    }
}
