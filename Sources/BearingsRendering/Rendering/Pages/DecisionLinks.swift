/// A link to a decision, as the `decision-item` partial shows it.
struct DecisionLink: Sendable {
    let href: String
    let title: String
    /// The padded number ("0042"), or empty.
    let label: String
    let date: String
    let undated: Bool
    let status: String
    let statusText: String
    let kind: String
    /// The bet's verdict, when the decision has expectations.
    let bet: BetLink?
    /// How it relates to the page's decision ("Amended by"), on a decision page; else empty.
    var relation: String = ""
    /// Since when it waits for review and why, on the dashboard; else empty.
    var review: String = ""
}

/// A decision's bet verdict beside a link to it.
struct BetLink: Sendable {
    let verdict: String
    /// "bet met".
    let words: String
}

/// A principle a decision serves.
struct PrincipleLink: Sendable {
    let title: String
    let href: String
    /// ", " between two, empty after the last.
    let separator: String
}

/// A tag of a decision.
struct TagItem: Sendable {
    let tag: String
}

/// A line of text in a list (a crossover's sentence).
struct TextItem: Sendable {
    let text: String
}

/// A change of order between this project and a competitor in a measure of use.
struct PassRow: Sendable {
    let date: String
    let dateLabel: String
    let metric: String
    let href: String
    /// "PyTorch passed TensorFlow".
    let text: String
    let weLead: Bool
    let unsettled: Bool
}
