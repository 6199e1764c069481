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

    /// Creates a line.
    public init(label: String, points: [ChartPoint], emphasised: Bool = false, style: Int) {
        self.label = label
        self.points = points
        self.emphasised = emphasised
        self.style = style
    }
}
