/// The dashboard (templates/index.mustache).
struct DashboardPage: Sendable {
    static let template = "index"
    let introHTML: HTML
    let hasIntro: Bool
    /// The headline metric's chart, and its figures.
    let headline: HeadlineChart?
    let figures: HeadlineFigures?
    /// What changed since the period before (`bearings digest`), with a headline metric.
    let whatChanged: WhatChanged?
    /// The newest changes of order, what the list is and a link to all of them when it is not all.
    let passes: [PassRow]
    let passesNote: String
    let passesMore: String
    /// Where this project stands in each measure of use, and of community.
    let standing: [StandingRow]
    let community: [StandingRow]
    /// The decisions due for review, each with its `review` (since when and why): the longest
    /// waiting `SiteRenderer.dashboardDue` of them.
    let due: [DecisionLink]
    /// How the list is ordered, ending the note above it: "; the longest waiting first.", or
    /// ": the 10 longest waiting of 2,005, the longest first." when it is not all of them.
    let dueOrder: String
    /// With more due than listed, the link to all of them on the decisions page ("1,995 more
    /// decisions due for review") and the words after it; else empty.
    let dueMore: String
    let dueMoreRest: String
    /// How many bets have each verdict.
    let score: [ScoreItem]
    let referenceDate: String
    let newest: [DecisionLink]
    let principles: [PrincipleCount]
}

/// The headline metric's chart on the dashboard: a share chart where shares apply.
struct HeadlineChart: Sendable {
    let name: String
    let href: String
    let isShare: Bool
    let svgHTML: HTML
    /// The chart's takeaway in words (`Takeaway`).
    let takeaway: String
    let denominatorNote: String
    let crossovers: [TextItem]
    let tableHTML: HTML
}

/// The headline's big numbers; `missing` alone when this project has no value yet.
struct HeadlineFigures: Sendable {
    var missing: String = ""
    var date: String = ""
    var dateLabel: String = ""
    var unsettled: Bool = false
    var stale: String = ""
    var main: String = ""
    var mainLabel: String = ""
    var change: String = ""
    var changeLabel: String = ""
    var rank: String = ""
    var rankLabel: String = ""
}

/// The dashboard's "What changed" section.
struct WhatChanged: Sendable {
    let title: String
    let headline: String
    let items: [String]
}

/// A row of "Where … stands": `missing` alone when this project has no value in the metric.
struct StandingRow: Sendable {
    var name: String = ""
    var href: String = ""
    var lag: String = ""
    var missing: Bool = false
    var latest: String = ""
    var date: String = ""
    var dateLabel: String = ""
    var stale: Bool = false
    var outdated: Bool = false
    var unsettled: Bool = false
    var share: String = ""
    var shareWhy: String = ""
    var rank: String = ""
    var rankWhy: String = ""
    var overYear: ChangeCell?
    var sparkHTML: HTML = ""
}

/// A change over a year and what it is measured from (`SiteRenderer.changeCell`).
struct ChangeCell: Sendable {
    /// "+12.3%", "3 → 263 papers", "unknown" or "–".
    var value: String = ""
    /// "since Nov 2018", or why there is no base.
    var base: String = ""
    /// "over 2 years" and "since 2023" when the base is not one year back.
    var span: String = ""
    var since: String = ""
}

/// How many bets have one verdict, linking to their list.
struct ScoreItem: Sendable {
    let count: Int
    let words: String
    let verdict: String
    let href: String
}

/// A principle on the dashboard, with how many decisions serve it.
struct PrincipleCount: Sendable {
    let title: String
    let href: String
    /// "2 decisions".
    let count: String
}
