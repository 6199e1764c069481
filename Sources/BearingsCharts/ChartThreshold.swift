/// A value a decision expects, drawn as a dashed horizontal rule across the plot with its words
/// ("expected: share at least 50% by 2020"): the value axis always reaches it.
public struct ChartThreshold: Sendable, Equatable {
    /// The value, in the chart's own units: a share chart's threshold is a fraction (0.5 for
    /// 50%), like its lines' values.
    public var value: Double
    /// What is expected, plain text (escaped when drawn).
    public var text: String
    /// The fewest words that still say it ("≥ 30%"), drawn where `text` does not fit.
    public var shortText: String?

    /// Creates a threshold.
    public init(value: Double, text: String, shortText: String? = nil) {
        self.value = value
        self.text = text
        self.shortText = shortText
    }
}
