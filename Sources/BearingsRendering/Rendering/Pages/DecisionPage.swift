/// A decision's page (templates/decision.mustache). Its title is the layout's `title`.
struct DecisionPage: Sendable {
    static let template = "decision"
    let href: String
    let label: String
    let date: String
    let undated: Bool
    let status: String
    let statusText: String
    let kind: String
    /// The bet and each expectation's verdict, when the decision has expectations.
    let bet: DecisionBet?
    let bodyHTML: HTML
    let review: String
    let reviewed: String
    let reviewDue: Bool
    /// Since when a decision with no review date is due, in words; or empty.
    let dueSince: String
    let principles: [PrincipleLink]
    let supersededBy: DecisionLink?
    let supersedes: [DecisionLink]
    let statusLinks: [DecisionLink]
    let deciders: String
    let tags: [TagItem]
    /// The successor's date, for a superseded decision; or empty.
    let reviewUntil: String
    /// The watched metrics then and now, with their charts.
    let watched: [WatchedMetric]
}

/// A decision's bet on its page: the overall verdict and each expectation's.
struct DecisionBet: Sendable {
    let verdict: String
    let words: String
    let expectations: [ExpectationRow]
}

/// An expectation judged: its words, verdict, the value judged and where it comes from, and why
/// it is not met or missed.
struct ExpectationRow: Sendable {
    let text: String
    let verdict: String
    let verdictWords: String
    let judged: String
    let reason: String
    let source: String
}

/// A metric a decision watches, at the decision's date and now, with its charts and data table.
struct WatchedMetric: Sendable {
    let name: String
    let href: String
    let then: String
    let thenDate: String
    let now: String
    let nowDate: String
    let pending: String
    let shareNowWhy: String
    let shareThen: String
    let shareNow: String
    let shareChange: String
    let hasShare: Bool
    let tooEarly: Bool
    let lag: String
    let svgHTML: HTML
    /// What the metric did after the decision, in words (`Takeaway.sinceDecision`).
    let takeaway: String
    let shareSvgHTML: HTML
    /// What the share did after the decision, in words.
    let shareTakeaway: String
    let tableHTML: HTML
}
