/// The decisions page (templates/decisions.mustache): the bets by verdict, the decisions due for
/// review when the dashboard cannot list them all, then every decision by year.
struct DecisionsPage: Sendable {
    static let template = "decisions"
    let years: [DecisionYear]
    let count: Int
    /// "12 decisions".
    let countWords: String
    let bets: [BetGroup]
    /// Every decision due for review, the longest waiting first, when the dashboard lists only
    /// the first `SiteRenderer.dashboardDue` of them and links here (`#due`); else empty.
    let due: [DecisionLink]
    /// What the due list is: the rule, the reference date and how many.
    let dueNote: String
}

/// The decisions of one year (or "Undated"), newest first.
struct DecisionYear: Sendable {
    let year: String
    let decisions: [TimelineDecision]
}

/// A decision on the timeline: its link, what supersedes it and the principles it serves.
struct TimelineDecision: Sendable {
    let href: String
    let title: String
    let label: String
    let date: String
    let undated: Bool
    let status: String
    let statusText: String
    let kind: String
    let bet: BetLink?
    let supersededBy: DecisionLink?
    let principles: [PrincipleLink]
}

/// The decisions whose bet has one verdict.
struct BetGroup: Sendable {
    let verdict: String
    /// "Met".
    let words: String
    let decisions: [DecisionLink]
}

/// The principles page (templates/principles.mustache).
struct PrinciplesPage: Sendable {
    static let template = "principles"
    let introHTML: HTML
    let principles: [PrincipleSection]
    /// Decisions that cite no principle.
    let unserved: [DecisionLink]
}

/// A principle with the decisions that serve it.
struct PrincipleSection: Sendable {
    let id: String
    let title: String
    let statementHTML: HTML
    let decisions: [DecisionLink]
}
