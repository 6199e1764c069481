import BearingsModel
import BearingsParsing

/// What a decision's watched metrics did since the decision.
public struct BetReview: Sendable, Equatable {
    /// One watched metric.
    public struct Watched: Sendable, Equatable {
        /// Metric id.
        public var metric: String
        /// This project's last point on or before the decision date.
        public var then: SeriesPoint?
        /// This project's newest settled point after the decision date (on or before the day a
        /// superseding decision was taken): what the review judges; nil when there is none yet.
        public var now: SeriesPoint?
        /// This project's newest point after the decision date when it is newer than `now` and not
        /// settled yet: shown apart, never judged.
        public var unsettled: SeriesPoint?
        /// This project's share at `then`'s date, when shares apply.
        public var shareThen: Double?
        /// This project's share at `now`'s date.
        public var shareNow: Double?
        /// Whether there is no settled value after the decision date yet (`now` is nil).
        public var tooEarly: Bool
        /// Whether a break lies between `then` and `now`: their shares are not compared.
        public var acrossBreak: Bool = false

        /// shareNow − shareThen; nil when either is unknown or a break lies between them.
        public var shareChange: Double? {
            guard let shareThen, let shareNow, !acrossBreak else { return nil }
            return shareNow - shareThen
        }
    }

    /// Decision id.
    public var decision: String
    /// One entry per watched metric, in the decision's order.
    public var watched: [Watched]
}

extension Analysis {
    /// The review of one decision's bets; nil when it has no date or watches nothing. "Now" is the
    /// newest *settled* value after the decision date, on or before `until` (the day a superseding
    /// decision was taken); a newer value not settled on `reference` is kept apart (`unsettled`),
    /// and the review is "too early" only when no settled value after the decision date exists.
    public static func review(
        _ decision: Decision, project: String, series: [String: MetricSeries],
        shares precomputed: [String: [SharePoint]]? = nil, reference: Day, until: Day? = nil
    ) -> BetReview? {
        guard let date = decision.date, !decision.watch.isEmpty else { return nil }
        let watched = decision.watch.compactMap { id -> BetReview.Watched? in
            guard let metricSeries = series[id] else { return nil }
            let line = metricSeries.line(project)
            let then = line?.last(onOrBefore: date)
            let after = (line?.points ?? []).filter { point in
                point.date > date && (until.map { point.date <= $0 } ?? true)
            }
            let lag = metricSeries.metric.lag
            let now = after.last { isSettled($0.date, lag: lag, reference: reference) }
            let unsettled = after.last.flatMap { newest in newest.date > (now?.date ?? date) ? newest : nil }
            var shareThen: Double?, shareNow: Double?
            if shareApplies(metricSeries.metric) {
                let shares = precomputed?[id] ?? share(metricSeries, of: project)
                shareThen = then.flatMap { share(on: $0.date, in: shares)?.share }
                shareNow = now.flatMap { share(on: $0.date, in: shares)?.share }
            }
            let acrossBreak =
                then.flatMap { then in
                    now.map { metricSeries.segment(then.date) != metricSeries.segment($0.date) }
                } ?? false
            return BetReview.Watched(
                metric: id, then: then, now: now, unsettled: unsettled, shareThen: shareThen, shareNow: shareNow,
                tooEarly: now == nil, acrossBreak: acrossBreak)
        }
        return BetReview(decision: decision.id, watched: watched)
    }

    /// Whether a decision still stands: superseded, rejected and deprecated ones are never due.
    public static func stands(_ decision: Decision) -> Bool {
        decision.status != .superseded && decision.status != .rejected && decision.status != .deprecated
    }

    /// Whether a decision is proposed or accepted: only those can be due for review.
    public static func isOpen(_ decision: Decision) -> Bool {
        decision.status == .proposed || decision.status == .accepted
    }

    /// The day a final verdict (met or missed) became known: its `by` date, or the day the value it
    /// rests on settled when that is later; nil for any other verdict.
    public static func finalDay(_ verdict: ExpectationVerdict, lag: Lag?) -> Day? {
        guard verdict.verdict == .met || verdict.verdict == .missed, let by = verdict.by else { return nil }
        guard let judged = verdict.judged, let settles = lag?.after(judged.date) else { return by }
        return max(by, settles)
    }

    /// Since when a decision has been due for review (SPEC §1, "Due"), or nil when it is not due: a
    /// proposed or accepted decision is due from the earliest of its review date (when on or before
    /// `reference`) and the days its expectations' verdicts became final (met or missed) that comes
    /// after its `reviewed:` date. "Too early" and "no data" verdicts never make it due.
    /// `lags` gives each metric's lag, to date a final verdict by the day its value settled.
    public static func dueSince(
        _ decision: Decision, verdicts: [ExpectationVerdict], lags: [String: Lag] = [:], reference: Day
    ) -> Day? {
        guard isOpen(decision) else { return nil }
        var triggers = verdicts.compactMap { finalDay($0, lag: lags[$0.expectation.metric]) }
        if let review = decision.review { triggers.append(review) }
        return triggers.filter { day in day <= reference && (decision.reviewed.map { day > $0 } ?? true) }.min()
    }

    /// The decisions due for review on `reference`, each with the day it has been waiting since,
    /// longest-waiting first (then by id). `verdicts` holds each decision's expectation verdicts.
    public static func dueForReview(
        _ decisions: [Decision], verdicts: [String: [ExpectationVerdict]], lags: [String: Lag] = [:], reference: Day
    ) -> [(decision: Decision, since: Day)] {
        let due: [(decision: Decision, since: Day)] = decisions.compactMap { decision in
            dueSince(decision, verdicts: verdicts[decision.id] ?? [], lags: lags, reference: reference).map {
                (decision, $0)
            }
        }
        return due.sorted { ($0.since, $0.decision.id) < ($1.since, $1.decision.id) }
    }

    /// What links principles and decisions, and where the links are missing or stale.
    public struct Traceability: Sendable, Equatable {
        /// Principles no decision serves.
        public var unservedPrinciples: [String]
        /// Decisions that serve no principle.
        public var decisionsWithoutPrinciples: [String]
        /// (decision, superseded decision it still links to).
        public var citingSuperseded: [Pair]

        /// A decision and a superseded decision it cites.
        public struct Pair: Sendable, Equatable {
            /// The citing decision.
            public var decision: String
            /// The superseded decision it links to.
            public var cites: String
        }
    }

    /// Principles without decisions, decisions without principles, links to superseded decisions.
    public static func traceability(_ dataSet: DataSet) -> Traceability {
        let served = Set(dataSet.decisions.flatMap(\.principles))
        let superseded = Set(dataSet.decisions.filter { $0.status == .superseded }.map(\.id))
        var pairs: [Traceability.Pair] = []
        for decision in dataSet.decisions where decision.status != .superseded {
            var cited = Set<String>()
            for block in decision.body.blocks { collectLinks(block.node, into: &cited) }
            for id in cited.sorted()
            where superseded.contains(id) && id != decision.id
                && decision.supersededBy != id
            {
                pairs.append(Traceability.Pair(decision: decision.id, cites: id))
            }
        }
        return Traceability(
            unservedPrinciples: dataSet.principles.principles.map(\.id).filter { !served.contains($0) },
            decisionsWithoutPrinciples: dataSet.decisions.filter { $0.principles.isEmpty }.map(\.id),
            citingSuperseded: pairs)
    }

    private static func collectLinks(_ node: MarkdownNode, into ids: inout Set<String>) {
        if case .link(let url, _) = node.kind, let id = StatusText.decisionID(fromLink: url) { ids.insert(id) }
        for child in node.children { collectLinks(child, into: &ids) }
    }
}
