/// A metric's page (templates/metric.mustache).
struct MetricPage: Sendable {
    static let template = "metric"
    let name: String
    let kind: String
    let isVanity: Bool
    let unit: String
    let lag: String
    let scale: String
    let higherIsBetter: Bool
    let sourceHref: String
    let source: String
    /// The "Collected" line: which `collect:` source measures it; or empty.
    let collected: String
    let descriptionHTML: HTML
    let hasData: Bool
    let cadence: String
    let events: [EventItem]
    let crossovers: [TextItem]
    let svgHTML: HTML
    /// The chart's takeaway in words (`Takeaway`), empty without data.
    let takeaway: String
    let tableHTML: HTML
    /// The share chart, where shares apply.
    let share: ShareSection?
    /// The decisions that watch it.
    let watchedBy: [DecisionLink]
}

/// An event of a metric (a change of method, a break).
struct EventItem: Sendable {
    let date: String
    let dateLabel: String
    let text: String
    let isBreak: Bool
}

/// This project's share of a metric: the chart, the note under it and its table.
struct ShareSection: Sendable {
    let svgHTML: HTML
    let denominatorNote: String
    /// The share chart's takeaway in words.
    let takeaway: String
    let tableHTML: HTML
}

/// The trends page (templates/trends.mustache): a card per metric, measures of use first.
struct TrendsPage: Sendable {
    static let template = "trends"
    let use: [TrendCard]
    let vanity: [TrendCard]
    let passes: [PassRow]
}

/// A metric's card on the trends page.
struct TrendCard: Sendable {
    let name: String
    let href: String
    let kind: String
    let svgHTML: HTML
    let tableHTML: HTML
    /// The chart's takeaway in words, empty without data.
    let takeaway: String
    /// "lags 1 month", or empty.
    let lag: String
}
