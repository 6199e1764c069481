/// How values map to heights.
public enum ChartScale: String, Sendable {
    /// Equal steps for equal differences; the range always includes zero.
    case linear
    /// Equal steps for equal ratios; values of zero or less cannot be drawn and become gaps.
    case log
}
