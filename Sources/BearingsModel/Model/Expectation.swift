/// What would show that a decision's bet worked: a condition on one metric, to be judged at a date
/// (`expect:` in a decision's front matter).
public struct Expectation: Sendable, Equatable {
    /// How a number is compared with the target.
    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">="
        case moreThan = ">"
        case atMost = "<="
        case lessThan = "<"

        /// Whether `value` stands in this relation to `target`.
        public func holds(_ value: Double, _ target: Double) -> Bool {
            switch self {
            case .atLeast: return value >= target
            case .moreThan: return value > target
            case .atMost: return value <= target
            case .lessThan: return value < target
            }
        }

        /// "at least", "more than", "at most", "less than".
        public var words: String {
            switch self {
            case .atLeast: return "at least"
            case .moreThan: return "more than"
            case .atMost: return "at most"
            case .lessThan: return "less than"
            }
        }
    }

    /// The condition, one of the five kinds.
    public enum Condition: Sendable, Equatable {
        /// This project's share of the metric (a fraction, 0.5 for 50%).
        case share(Comparison, Double)
        /// This project's value, in the metric's unit (49.7 for 49.7%).
        case value(Comparison, Double)
        /// This project's rank among the projects measured, 1 for first.
        case rank(Comparison, Int)
        /// This project's value better than another project's.
        case passes(String)
        /// The relative change of this project's value since the decision date (0.2 for +20%).
        case change(Comparison, Double)

        /// The key it is written under: share, value, rank, passes or change.
        public var kind: String {
            switch self {
            case .share: return "share"
            case .value: return "value"
            case .rank: return "rank"
            case .passes: return "passes"
            case .change: return "change"
            }
        }
    }

    /// The metric id.
    public var metric: String
    /// What must hold.
    public var condition: Condition
    /// The condition as written, without its key: ">= 50%", "tensorflow".
    public var conditionText: String
    /// The day to judge it at; nil for the decision's review date.
    public var by: Day?
    /// Where the expectation starts.
    public var location: SourceLocation
    /// Where its metric id is written.
    public var metricLocation: SourceLocation
    /// Where its condition is written.
    public var conditionLocation: SourceLocation

    /// Creates an expectation.
    public init(
        metric: String, condition: Condition, conditionText: String, by: Day? = nil, location: SourceLocation,
        metricLocation: SourceLocation? = nil, conditionLocation: SourceLocation? = nil
    ) {
        self.metric = metric
        self.condition = condition
        self.conditionText = conditionText
        self.by = by
        self.location = location
        self.metricLocation = metricLocation ?? location
        self.conditionLocation = conditionLocation ?? location
    }

    /// "share >= 50%", as site.json and messages show it.
    public var summary: String { "\(condition.kind) \(conditionText)" }
}
