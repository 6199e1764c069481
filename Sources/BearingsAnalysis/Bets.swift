import BearingsModel

/// The verdict on one expectation of a decision, with the numbers it rests on.
public struct ExpectationVerdict: Sendable, Equatable {
    /// Met, missed, too early, no data, withdrawn.
    public enum Verdict: String, Sendable, CaseIterable {
        case met, missed
        case tooEarly = "too-early"
        case noData = "no-data"
        case withdrawn

        /// "met", "missed", "too early", "no data", "withdrawn".
        public var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
    }

    /// The decision id.
    public var decision: String
    /// What was expected.
    public var expectation: Expectation
    /// The day it is judged at: its own `by`, or the decision's review date.
    public var by: Day?
    /// The verdict.
    public var verdict: Verdict
    /// This project's value it was judged on.
    public var judged: SeriesPoint?
    /// The number compared with the target: the share (a fraction), the value, the rank, or the
    /// relative change; for `passes`, this project's value.
    public var value: Double?
    /// For `passes`, the other project's value in the same period.
    public var other: SeriesPoint?
    /// For `change`, this project's value at the decision date.
    public var base: SeriesPoint?
    /// Why the verdict is what it is, in words, when it is not met or missed.
    public var reason: String?
    /// The projects whose missing values made it "no data" (their ids, in project order).
    public var unmeasured: [String] = []
}

extension Analysis {
    /// Judges every expectation of a decision (SPEC §1, "Expectations and verdicts") on this
    /// project's newest value at or before its `by` date: withdrawn when the decision was
    /// superseded (at `successorDate`), rejected or deprecated before it; too early when `by` is
    /// after `reference` or that value is not settled; no data when there is no value in the
    /// period of `by`, the number is unknown there or would be compared across a break.
    public static func verdicts(
        _ decision: Decision, project: String, series: [String: MetricSeries], shares: [String: [SharePoint]],
        reference: Day, successorDate: Day?
    ) -> [ExpectationVerdict] {
        decision.expectations.map { expectation in
            var result = ExpectationVerdict(
                decision: decision.id, expectation: expectation, by: expectation.by ?? decision.review,
                verdict: .noData)
            judge(
                &result, decision: decision, project: project, series: series[expectation.metric],
                shares: shares[expectation.metric], reference: reference, successorDate: successorDate)
            return result
        }
    }

    private static func judge(
        _ result: inout ExpectationVerdict, decision: Decision, project: String, series: MetricSeries?,
        shares: [SharePoint]?, reference: Day, successorDate: Day?
    ) {
        func verdict(_ verdict: ExpectationVerdict.Verdict, _ reason: String?) {
            result.verdict = verdict
            result.reason = reason
        }
        guard let by = result.by else { return verdict(.noData, "no date to judge it at") }
        switch decision.status {
        case .rejected?: return verdict(.withdrawn, "the decision was rejected")
        case .deprecated?: return verdict(.withdrawn, "the decision was deprecated")
        case .superseded?:
            guard let successorDate else { return verdict(.withdrawn, "the decision was superseded") }
            if successorDate < by { return verdict(.withdrawn, "the decision was superseded on \(successorDate)") }
        default: break
        }
        if by > reference { return verdict(.tooEarly, "\(by) is after the newest data, \(reference)") }
        guard let series, let line = series.line(project), let point = line.last(onOrBefore: by) else {
            return verdict(.noData, "no value on or before \(by)")
        }
        let period = series.period(by), segment = series.segment(by)
        if series.cadence != nil, series.period(point.date) != period || series.segment(point.date) != segment {
            return verdict(.noData, "no value in \(series.label(by))")
        }
        result.judged = point
        if !isSettled(point.date, lag: series.metric.lag, reference: reference) {
            let settles = series.metric.lag?.after(point.date) ?? point.date
            return verdict(.tooEarly, "the value of \(series.label(point.date)) settles on \(settles)")
        }
        let better: Double = series.metric.higherIsBetter ? 1 : -1
        let measured: Bool
        switch result.expectation.condition {
        case .share(let comparison, let target):
            guard let entry = shares.flatMap({ share(on: point.date, in: $0) }) else {
                return verdict(.noData, "no share in \(series.label(point.date))")
            }
            guard let share = entry.share else {
                result.unmeasured = entry.notMeasured.filter { $0 != project }
                return verdict(.noData, "the share is unknown in \(series.label(point.date))")
            }
            result.value = share
            measured = comparison.holds(share, target)
        case .value(let comparison, let target):
            result.value = point.value
            measured = comparison.holds(point.value, target)
        case .rank(let comparison, let target):
            // A project in the category with no value that period leaves the rank unknown.
            let ranked = rankInPeriod(series, of: project, value: point.value, at: point.date)
            guard let rank = ranked.rank else {
                result.unmeasured = ranked.notMeasured
                return verdict(.noData, "the rank is unknown in \(series.label(point.date))")
            }
            result.value = Double(rank)
            measured = comparison.holds(Double(rank), Double(target))
        case .passes(let competitor):
            guard let otherLine = series.line(competitor),
                let theirs = series.point(
                    otherLine, inPeriod: series.period(point.date), segment: series.segment(point.date))
            else {
                result.unmeasured = [competitor]
                return verdict(.noData, "no value to compare with in \(series.label(point.date))")
            }
            result.other = theirs
            result.value = point.value
            measured = (point.value - theirs.value) * better > 0
        case .change(let comparison, let target):
            guard let date = decision.date, let base = line.last(onOrBefore: date) else {
                return verdict(.noData, "no value on or before the decision date")
            }
            result.base = base
            if series.segment(base.date) != series.segment(point.date) {
                return verdict(.noData, "not compared across a break")
            }
            guard base.value != 0 else { return verdict(.noData, "the value at the decision date is 0") }
            let change = (point.value - base.value) / abs(base.value)
            result.value = change
            measured = comparison.holds(change, target)
        }
        verdict(measured ? .met : .missed, nil)
    }

    /// A bet's verdict from its expectations: missed when any is missed, met when all are met;
    /// otherwise too early when any is, then no data, then withdrawn. Nil without expectations.
    public static func betVerdict(_ verdicts: [ExpectationVerdict]) -> ExpectationVerdict.Verdict? {
        let all = verdicts.map(\.verdict)
        if all.isEmpty { return nil }
        if all.contains(.missed) { return .missed }
        if all.allSatisfy({ $0 == .met }) { return .met }
        if all.contains(.tooEarly) { return .tooEarly }
        if all.contains(.noData) { return .noData }
        return .withdrawn
    }
}
