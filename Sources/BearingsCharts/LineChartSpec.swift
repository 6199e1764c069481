import BearingsModel

/// Everything a line chart shows: one line per project over time.
public struct LineChartSpec: Sendable, Equatable {
    /// The accessible name of the chart, also its tooltip.
    public var title: String
    /// The accessible description; the chart appends notes about scale, gaps and shading.
    public var description: String
    /// One line per project.
    public var lines: [ChartLine]
    /// Decisions to mark; those outside the range of days of the lines are not drawn.
    public var markers: [ChartMarker]
    /// Events to draw with their text; those outside the range of days of the lines are not drawn.
    public var events: [ChartEvent]
    /// The unit shown on the value axis; "%" means values are percentages (49.7 is 49.7%).
    public var unit: String?
    /// Linear or logarithmic value axis.
    public var scale: ChartScale
    /// Shades from this day to the end of the range as "not settled yet"; nil for no shading.
    public var unsettledFromDay: Int?
    /// Width of the drawing in SVG user units; CSS scales the drawing to its container.
    public var width: Int
    /// Height with a one-row legend; each further legend row or marker-label row adds to it.
    public var height: Int
    /// A prefix unique within the page for the ids inside the SVG.
    public var idPrefix: String
    /// The metric's cadence: date ticks are never finer than it and are written at its precision
    /// ("2019", "2019 Q1", "Jan 2020"); nil for an irregular metric.
    public var cadence: Cadence?
    /// Values a decision expects, drawn as dashed rules the value axis reaches.
    public var thresholds: [ChartThreshold]

    /// Creates a specification.
    public init(
        title: String,
        description: String,
        lines: [ChartLine],
        markers: [ChartMarker] = [],
        events: [ChartEvent] = [],
        unit: String? = nil,
        scale: ChartScale = .linear,
        unsettledFromDay: Int? = nil,
        width: Int = 720,
        height: Int = 320,
        idPrefix: String,
        cadence: Cadence? = nil,
        thresholds: [ChartThreshold] = []
    ) {
        self.title = title
        self.description = description
        self.lines = lines
        self.markers = markers
        self.events = events
        self.unit = unit
        self.scale = scale
        self.unsettledFromDay = unsettledFromDay
        self.width = width
        self.height = height
        self.idPrefix = idPrefix
        self.cadence = cadence
        self.thresholds = thresholds
    }
}
