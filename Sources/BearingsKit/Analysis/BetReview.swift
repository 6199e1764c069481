/// What a decision's watched metrics did since the decision.
public struct BetReview: Sendable, Equatable {
    /// One watched metric.
    public struct Watched: Sendable, Equatable {
        /// Metric id.
        public var metric: String
        /// This project's last point on or before the decision date.
        public var then: SeriesPoint?
        /// This project's newest point.
        public var now: SeriesPoint?
        /// This project's share at `then`'s date, when shares apply.
        public var shareThen: Double?
        /// This project's share at `now`'s date.
        public var shareNow: Double?
        /// Whether there is no settled value after the decision date yet.
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
    /// newest value on or before `until` (the day a superseding decision was taken), and the
    /// verdict is "too early" until such a value after the decision date is settled on `reference`.
    public static func review(
        _ decision: Decision, project: String, series: [String: MetricSeries],
        shares precomputed: [String: [SharePoint]]? = nil, reference: Day, until: Day? = nil
    ) -> BetReview? {
        guard let date = decision.date, !decision.watch.isEmpty else { return nil }
        let watched = decision.watch.compactMap { id -> BetReview.Watched? in
            guard let metricSeries = series[id] else { return nil }
            let line = metricSeries.line(project)
            let then = line?.last(onOrBefore: date)
            let now = until.map { line?.last(onOrBefore: $0) } ?? line?.points.last
            var shareThen: Double?, shareNow: Double?
            if shareApplies(metricSeries.metric) {
                let shares = precomputed?[id] ?? share(metricSeries, of: project)
                shareThen = then.flatMap { share(on: $0.date, in: shares)?.share }
                shareNow = now.flatMap { share(on: $0.date, in: shares)?.share }
            }
            let tooEarly =
                now.map { $0.date <= date || !isSettled($0.date, lag: metricSeries.metric.lag, reference: reference) }
                ?? true
            let acrossBreak =
                then.flatMap { then in
                    now.map { metricSeries.segment(then.date) != metricSeries.segment($0.date) }
                } ?? false
            return BetReview.Watched(
                metric: id, then: then, now: now, shareThen: shareThen, shareNow: shareNow, tooEarly: tooEarly,
                acrossBreak: acrossBreak)
        }
        return BetReview(decision: decision.id, watched: watched)
    }

    /// Whether a decision still stands: superseded, rejected and deprecated ones are never due.
    public static func stands(_ decision: Decision) -> Bool {
        decision.status != .superseded && decision.status != .rejected && decision.status != .deprecated
    }

    /// The day a decision became due for review: the earliest of its review date and its
    /// expectations' `by` dates that is on or before `reference`; nil when none has come yet.
    public static func dueDate(_ decision: Decision, reference: Day) -> Day? {
        ([decision.review] + decision.expectations.map(\.by)).compactMap { $0 }.filter { $0 <= reference }.min()
    }

    /// Decisions still standing whose review date, or the `by` date of one of their expectations,
    /// is on or before `reference`; the earliest due first.
    public static func dueForReview(_ decisions: [Decision], reference: Day) -> [Decision] {
        let due: [(day: Day, decision: Decision)] = decisions.compactMap { decision in
            guard stands(decision), let day = dueDate(decision, reference: reference) else { return nil }
            return (day, decision)
        }
        return due.sorted { ($0.day, $0.decision.id) < ($1.day, $1.decision.id) }.map(\.decision)
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
