/// Something that changed what a chart's numbers mean, drawn as a labelled rule across the plot.
public struct ChartEvent: Sendable, Equatable {
    /// Days since 1970-01-01 (UTC).
    public var day: Int
    /// What happened, plain text (escaped when drawn).
    public var text: String
    /// Whether the series is split here; drawn as a solid rule rather than a dotted one.
    public var isBreak: Bool

    /// Creates an event.
    public init(day: Int, text: String, isBreak: Bool = false) {
        self.day = day
        self.text = text
        self.isBreak = isBreak
    }
}
