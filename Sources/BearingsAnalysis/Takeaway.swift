import BearingsModel

/// The takeaway of a chart in words, with its numbers and periods (SPEC §4): "PyTorch's share rose
/// from 40.4% in 2020 Q1 to 64.3% in 2025 Q3." Each sentence is computed from the same values the
/// chart draws, and says "unknown since …", "not settled yet" or "too few" where the data cannot
/// tell: a number that may be wrong is never stated as the end point.
///
/// Numbers are written as the rest of the page writes them: shares with `ValueFormat.share`,
/// values with `ValueFormat.full` and the metric's unit, periods with `MetricSeries.label`.
public struct Takeaway: Sendable {
    /// This project's id.
    public var project: String
    /// Display names by project id; an id without one is shown as it is.
    public var names: [String: String]
    /// The day settledness is judged on (the site's reference date).
    public var reference: Day

    /// Creates a sentence builder for `project`, judging settledness on `reference`.
    public init(project: String, names: [String: String], reference: Day) {
        self.project = project
        self.names = names
        self.reference = reference
    }

    /// A change smaller than this fraction of its base (in either direction) is "stayed": from
    /// 50.0% to 50.9% the share stayed, from 50.0% to 51.1% it rose.
    public static let stayedWithin = 0.02

    /// Which way a line went between two values.
    public enum Direction: String, Sendable, Equatable {
        /// Up by more than `stayedWithin` of the base.
        case rose
        /// Down by more than `stayedWithin` of the base.
        case fell
        /// Within `stayedWithin` of the base, either way.
        case stayed
    }

    /// Which way a value went from `from` to `to`: "stayed" when the change is within
    /// `stayedWithin` of |from| (from 0: only when `to` is 0 too).
    public static func direction(from: Double, to: Double) -> Direction {
        let change = to - from
        if from == 0 { return change > 0 ? .rose : change < 0 ? .fell : .stayed }
        if abs(change) <= stayedWithin * abs(from) { return .stayed }
        return change > 0 ? .rose : .fell
    }

    // MARK: - Share charts

    /// The takeaway of a share chart: this project's share from its first known value (since the
    /// last break) to the newest settled one, the peak or low in between when the end is more
    /// than `stayedWithin` from it, who joined the category in between; "unknown since …" with
    /// why when the newest settled share is unknown; a newer share not settled yet said apart.
    public func share(_ series: MetricSeries, shares: [Analysis.SharePoint]) -> String {
        let us = name(project)
        let subject = "\(us)'s share"
        guard !shares.isEmpty else { return "\(subject) is not known for any period yet." }
        let lag = series.metric.lag
        guard let endIndex = shares.lastIndex(where: { Analysis.isSettled($0.date, lag: lag, reference: reference) })
        else {
            return "\(subject) has no settled value yet: every period is within the metric's lag\(lagWords(series))."
                + pendingShare(series, shares: shares, after: nil)
        }
        let end = shares[endIndex]
        let segment = series.segment(end.date)
        let pending = pendingShare(series, shares: shares, after: endIndex)
        let inSegment = shares[...endIndex].filter { series.segment($0.date) == segment }
        guard let endShare = end.share else {
            // The run of unknown shares the end belongs to, and the shares known before it.
            var first = endIndex
            while first > 0, shares[first - 1].share == nil, series.segment(shares[first - 1].date) == segment {
                first -= 1
            }
            let since = shares[first].date
            let span =
                series.period(since) == series.period(end.date)
                ? "is unknown in \(series.label(end.date))" : "is unknown since \(series.label(since))"
            let why = unknownCauses(series, at: end, since: since)
            let known = inSegment.filter { $0.share != nil && $0.date < since }
            var text = "\(subject) \(span) (\(why))"
            if let last = known.last, let lastShare = last.share {
                if let start = known.first, let startShare = start.share, start.date != last.date,
                    series.period(start.date) != series.period(last.date)
                {
                    let between = known.filter { $0.date > start.date && $0.date < last.date }.compactMap { point in
                        point.share.map { (date: point.date, value: $0) }
                    }
                    text +=
                        "; before that it \(moved(from: startShare, at: start.date, to: lastShare, at: last.date, series, format: ValueFormat.share))"
                        + extreme(between, from: startShare, to: lastShare, series, format: ValueFormat.share)
                    let breakWords = sinceBreak(series, segment: segment, earlier: shares.first?.date)
                    if !breakWords.isEmpty { text += "," + breakWords }
                } else {
                    text += "; before that it was \(ValueFormat.share(lastShare)) in \(series.label(last.date))"
                }
            }
            return text + "." + pending
        }
        let known = inSegment.filter { $0.share != nil }
        guard let start = known.first, let startShare = start.share,
            series.period(start.date) != series.period(end.date)
        else {
            return
                "\(subject) was \(ValueFormat.share(endShare)) in \(series.label(end.date)), the only period it is known\(sinceBreak(series, segment: segment, earlier: shares.first?.date)); too few to show a change."
                + pending
        }
        let between = known.filter { $0.date > start.date && $0.date < end.date }.compactMap { point in
            point.share.map { (date: point.date, value: $0) }
        }
        var text =
            "\(subject) \(moved(from: startShare, at: start.date, to: endShare, at: end.date, series, format: ValueFormat.share))"
        text += extreme(between, from: startShare, to: endShare, series, format: ValueFormat.share)
        let breakWords = sinceBreak(series, segment: segment, earlier: shares.first?.date)
        if !breakWords.isEmpty { text += "," + breakWords }
        // Who joined the category between the two ends: the share's denominator grew there.
        var joined: [String] = []
        for (previous, current) in zip(inSegment, inSegment.dropFirst())
        where current.date > start.date && previous.projectsMeasured != current.projectsMeasured {
            let before = Set(previous.projectsMeasured)
            for id in current.projectsMeasured where !before.contains(id) && id != project {
                joined.append("\(name(id)) from \(series.label(current.date))")
            }
        }
        if !joined.isEmpty { text += "; counted in the total: \(Self.list(joined))" }
        return text + "." + pending
    }

    /// " 66.0% in 2025 Q3 is not settled yet." for the newest share after `index` (all when nil),
    /// when it is newer than the newest settled one and known; otherwise "".
    private func pendingShare(_ series: MetricSeries, shares: [Analysis.SharePoint], after index: Int?) -> String {
        guard let last = shares.last, index.map({ $0 < shares.count - 1 }) ?? true else { return "" }
        guard let share = last.share else {
            return " \(name(project))'s share of \(series.label(last.date)) is unknown and not settled yet."
        }
        return
            " \(name(project))'s share of \(series.label(last.date)), \(ValueFormat.share(share)), is not settled yet."
    }

    /// Why the share at `entry` is unknown, by the rule of the page's note: this project had no value
    /// yet; a member not measured since a period before the run began, or not measured in the period.
    private func unknownCauses(_ series: MetricSeries, at entry: Analysis.SharePoint, since: Day) -> String {
        var causes: [String] = []
        if !entry.projectsMeasured.contains(project) { causes.append("\(name(project)) had no value yet") }
        let period = series.period(entry.date)
        for id in entry.notMeasured {
            if let last = series.line(id)?.last(onOrBefore: entry.date), last.date < since,
                series.period(last.date) < period
            {
                causes.append("\(name(id)) not measured since \(series.label(last.date))")
            } else {
                causes.append("\(name(id)) not measured in \(series.label(entry.date))")
            }
        }
        if causes.isEmpty { causes.append("the total of the projects measured is not above 0") }
        return causes.joined(separator: "; ")
    }

    // MARK: - Value charts

    /// The takeaway of a metric's value chart: this project first (its rank in the newest settled
    /// period, from its first value since the last break to that one, its peak or low in between),
    /// then the leader, or the runner-up when this project leads, from its first value to the
    /// same period. A newest value not settled yet is said apart; a project no longer measured or
    /// a rank that cannot be known is said so.
    public func values(_ series: MetricSeries) -> String {
        let unit = series.metric.unit
        guard let line = series.line(project), !line.points.isEmpty else {
            guard let newest = series.newestDate else { return "No values yet." }
            return "\(name(project)) has no value yet; the newest values are of \(series.label(newest))."
        }
        let us = name(project)
        let lag = series.metric.lag
        guard
            let endIndex = line.points.lastIndex(where: { Analysis.isSettled($0.date, lag: lag, reference: reference) })
        else {
            return "\(us) has no settled value yet: every value is within the metric's lag\(lagWords(series))."
                + pendingValue(series, line: line, after: nil)
        }
        let end = line.points[endIndex]
        let segment = series.segment(end.date)
        let pending = pendingValue(series, line: line, after: endIndex)
        let inSegment = line.points[...endIndex].filter { series.segment($0.date) == segment }
        let breakWords = sinceBreak(series, segment: segment, earlier: line.points.first?.date)
        guard let start = inSegment.first, series.period(start.date) != series.period(end.date) else {
            return
                "\(us) has one value\(breakWords.isEmpty ? " so far" : breakWords): \(ValueFormat.full(end.value, unit: unit)) in \(series.label(end.date)); too few to show a change."
                + pending
        }
        let between = inSegment.filter { $0.date > start.date && $0.date < end.date }.map {
            (date: $0.date, value: $0.value)
        }
        let format = { (value: Double) in ValueFormat.full(value, unit: unit) }
        let movement =
            moved(from: start.value, at: start.date, to: end.value, at: end.date, series, format: format)
            + extreme(between, from: start.value, to: end.value, series, format: format)
            + (breakWords.isEmpty ? "" : "," + breakWords)
        // No longer measured: the metric has values in a later period, from others.
        if let newest = series.newestDate, series.period(newest) > series.period(end.date),
            line.points.last.map({ series.period($0.date) == series.period(end.date) }) ?? false
        {
            return
                "\(us) has not been measured since \(series.label(end.date)) (the newest values are of \(series.label(newest))); before that it \(movement)."
                + pending
        }
        let (rank, members, missing) = Analysis.rankInPeriod(series, of: project, value: end.value, at: end.date)
        guard members > 1 else { return "\(us) \(movement)." + pending }
        guard let rank else {
            let who = Self.list(missing.map(name))
            return
                "\(us) \(movement); its rank in \(series.label(end.date)) is unknown (\(who) not measured then)."
                + pending
        }
        var text = "\(us), \(Self.ordinalWord(rank)) of \(members) in \(series.label(end.date)), \(movement)."
        // The leader, or when this project leads, the best of the others.
        let period = series.period(end.date)
        let others = series.category(inPeriod: period, segment: segment).compactMap { member in
            member.project == project ? nil : member.point.map { (project: member.project, point: $0) }
        }
        let better: Double = series.metric.higherIsBetter ? 1 : -1
        if let other = others.max(by: { ($0.point.value - $1.point.value) * better < 0 }),
            let otherLine = series.line(other.project),
            let otherStart = otherLine.points.first(where: { series.segment($0.date) == segment })
        {
            let otherRank =
                Analysis.rankInPeriod(series, of: other.project, value: other.point.value, at: end.date).rank ?? rank
            let place = otherRank == rank ? "also \(Self.ordinalWord(rank))" : Self.ordinalWord(otherRank)
            if series.period(otherStart.date) == period {
                text += " \(name(other.project)), \(place), has its first value then: \(format(other.point.value))."
            } else {
                let direction = Self.direction(from: otherStart.value, to: other.point.value)
                let from = format(otherStart.value), to = format(other.point.value)
                let first = series.label(otherStart.date), last = series.label(end.date)
                let words =
                    direction == .stayed || from == to
                    ? "stayed about the same, \(from) in \(first) and \(to) in \(last)"
                    : "\(direction.rawValue) from \(from) in \(first) to \(to) in \(last)"
                text += " \(name(other.project)), \(place), \(words)."
            }
        }
        return text + pending
    }

    /// " 3,100 in 2025 Q3 is not settled yet." for this project's newest value after `index` (all
    /// when nil), when there is one; otherwise "".
    private func pendingValue(_ series: MetricSeries, line: MetricSeries.Line, after index: Int?) -> String {
        guard let last = line.points.last, index.map({ $0 < line.points.count - 1 }) ?? true else { return "" }
        return
            " \(name(project))'s value of \(series.label(last.date)), \(ValueFormat.full(last.value, unit: series.metric.unit)), is not settled yet."
    }

    // MARK: - Decision charts

    /// The takeaway of a watched metric's value chart on a decision page, from the same review the
    /// page's table shows (`BetReview.Watched`): the value at the decision date and the newest
    /// settled one after it, "too early" when there is none, a newer value not settled yet apart.
    /// `until` is the day a superseding decision was taken, where the review stops.
    public func sinceDecision(_ watched: BetReview.Watched, _ series: MetricSeries, decided: Day, until: Day?) -> String
    {
        let unit = series.metric.unit
        let us = name(project)
        let opening =
            until.map { "From the decision (\(decided)) to its supersession (\($0))" }
            ?? "Since the decision (\(decided))"
        let format = { (value: Double) in ValueFormat.full(value, unit: unit) }
        let pending =
            watched.unsettled.map {
                " \(series.label($0.date))'s \(format($0.value)) is not settled yet."
            } ?? ""
        guard let now = watched.now else {
            return
                "Too early to say what \(us) did since the decision (\(decided)): \(watched.unsettled == nil ? "no value since it" : "no settled value since it yet")\(lagWords(series))."
                + pending
        }
        guard let then = watched.then else {
            // No base at the decision: what it did from its first value after it, in the same
            // segment as the one judged.
            let segment = series.segment(now.date)
            let first = series.line(project)?.points.first {
                $0.date > decided && series.segment($0.date) == segment
            }
            guard let first, series.period(first.date) != series.period(now.date) else {
                return
                    "\(us) had no value at the decision (\(decided)); its only settled value since is \(format(now.value)) (\(series.label(now.date)))."
                    + pending
            }
            let words = moved(
                from: first.value, at: first.date, to: now.value, at: now.date, series, format: format,
                parenthesised: true)
            return
                "\(us) had no value at the decision (\(decided)); after it, it \(words)."
                + pending
        }
        if watched.acrossBreak {
            return
                "\(us) was \(format(then.value)) (\(series.label(then.date))) at the decision (\(decided)) and \(format(now.value)) (\(series.label(now.date))) after it; a break lies between, so they are not compared."
                + pending
        }
        return
            "\(opening), \(us) \(moved(from: then.value, at: then.date, to: now.value, at: now.date, series, format: format, parenthesised: true))."
            + pending
    }

    /// The takeaway of a watched metric's share chart on a decision page: the share at the
    /// decision date and at the newest settled value after it, as the page's table shows them;
    /// "unknown" with `unknownWhy` (the table's words) where a share cannot be known.
    public func shareSinceDecision(
        _ watched: BetReview.Watched, _ series: MetricSeries, decided: Day, until: Day?, unknownWhy: String
    ) -> String {
        let subject = "\(name(project))'s share"
        let opening =
            until.map { "From the decision (\(decided)) to its supersession (\($0))" }
            ?? "Since the decision (\(decided))"
        guard let now = watched.now else {
            return
                "Too early to say what \(subject) did since the decision (\(decided)): no settled value since it yet."
        }
        guard let then = watched.then else {
            let newest = watched.shareNow.map { "\(ValueFormat.share($0)) (\(series.label(now.date)))" } ?? "unknown"
            return
                "\(name(project)) had no value at the decision (\(decided)), so no share then; its newest settled share is \(newest)."
        }
        if watched.acrossBreak {
            return
                "\(subject) at the decision (\(decided)) and now are not compared: a break lies between \(series.label(then.date)) and \(series.label(now.date))."
        }
        guard let shareThen = watched.shareThen else {
            return
                "\(subject) at the decision (\(decided)) is unknown (\(series.label(then.date))), so its change since cannot be said."
        }
        guard let shareNow = watched.shareNow else {
            let why = unknownWhy.isEmpty ? "" : ": \(unknownWhy)"
            return
                "\(opening), \(subject) went from \(ValueFormat.share(shareThen)) (\(series.label(then.date))) to unknown in \(series.label(now.date))\(why)."
        }
        return
            "\(opening), \(subject) \(moved(from: shareThen, at: then.date, to: shareNow, at: now.date, series, format: ValueFormat.share, parenthesised: true))."
    }

    // MARK: - Words

    /// "rose from 40.4% in 2020 Q1 to 64.3% in 2025 Q3", "stayed about the same, 50.0% in 2019
    /// and 50.4% in 2020"; with `parenthesised`, periods in brackets: "rose from 51.0% (2021 Q1)
    /// to 64.3% (2025 Q3)". Both values carry the unit, as the dashboard's What changed writes them.
    private func moved(
        from: Double, at fromDay: Day, to: Double, at toDay: Day, _ series: MetricSeries,
        format: (Double) -> String, parenthesised: Bool = false
    ) -> String {
        let fromText = format(from), toText = format(to)
        func when(_ day: Day) -> String { parenthesised ? "(\(series.label(day)))" : "in \(series.label(day))" }
        let direction = Self.direction(from: from, to: to)
        if direction == .stayed || fromText == toText {
            return "stayed about the same, \(fromText) \(when(fromDay)) and \(toText) \(when(toDay))"
        }
        return "\(direction.rawValue) from \(fromText) \(when(fromDay)) to \(toText) \(when(toDay))"
    }

    /// ", below its peak of 67.9% in 2022 Q4" when a value between the ends is higher than the end
    /// by more than `stayedWithin` of it (and the line did not fall); ", above its low of … in …"
    /// when the line fell and a value between is lower than the end by as much. Otherwise "".
    private func extreme(
        _ between: [(date: Day, value: Double)], from: Double, to: Double, _ series: MetricSeries,
        format: (Double) -> String
    ) -> String {
        let direction = Self.direction(from: from, to: to)
        // The first of equal extremes: the earliest time it was reached.
        if direction != .fell,
            let peak = between.max(by: { $0.value < $1.value }).map({ value in
                between.first { $0.value == value.value } ?? value
            }),
            peak.value > to, Self.direction(from: peak.value, to: to) == .fell
        {
            return ", below its peak of \(format(peak.value)) in \(series.label(peak.date))"
        }
        if direction == .fell,
            let low = between.min(by: { $0.value < $1.value }).map({ value in
                between.first { $0.value == value.value } ?? value
            }),
            low.value < to, Self.direction(from: low.value, to: to) == .rose
        {
            return ", above its low of \(format(low.value)) in \(series.label(low.date))"
        }
        return ""
    }

    /// " since the break in 2018 Q3" when the values compared start after a break that earlier
    /// values (from `earlier` on) lie before; otherwise "".
    private func sinceBreak(_ series: MetricSeries, segment: Int, earlier: Day?) -> String {
        guard segment > 0, let earlier, series.segment(earlier) < segment else { return "" }
        return " since the break in \(series.label(series.breaks[segment - 1]))"
    }

    /// " (it lags 6 months)" for a metric with a lag; otherwise "".
    private func lagWords(_ series: MetricSeries) -> String {
        guard let lag = series.metric.lag, lag.amount > 0 else { return "" }
        return " (it lags \(lag))"
    }

    private func name(_ id: String) -> String { names[id] ?? id }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// 1 as "first", 2 as "second", … 10 as "tenth", then "11th", "22nd".
    static func ordinalWord(_ number: Int) -> String { Ordinal.word(number) }
}
