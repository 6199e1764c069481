/// One project's line in a chart.
public struct ChartLine: Sendable, Equatable {
    /// The project's display name, shown in the legend.
    public var label: String
    /// The measurements, in any order; the chart sorts them by day.
    public var points: [ChartPoint]
    /// Whether this is the report's own project, drawn thicker and on top.
    public var emphasised: Bool
    /// Index into the palette; keep it stable per project across charts so a project keeps its look.
    public var style: Int
    /// A figure written after the name wherever the line is named, at its end or in the legend
    /// ("TensorFlow 12.1%"): the value at the line's last point; nil for the name alone. The name
    /// is cut to fit, never the figure; a line with a figure gets a leader line from its end to
    /// a name moved away from it.
    public var endValue: String?

    /// Creates a line.
    public init(label: String, points: [ChartPoint], emphasised: Bool = false, style: Int, endValue: String? = nil) {
        self.label = label
        self.points = points
        self.emphasised = emphasised
        self.style = style
        self.endValue = endValue
    }
}
