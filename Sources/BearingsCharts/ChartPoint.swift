/// One measurement of a line: a day and the value measured that day, or nil when it was not measured.
public struct ChartPoint: Sendable, Equatable {
    /// Days since 1970-01-01 (UTC).
    public var day: Int
    /// The value, or nil when it was not measured; nil breaks the line into a gap.
    public var value: Double?

    /// Creates a point; a nil value is drawn as a gap.
    public init(day: Int, value: Double?) {
        self.day = day
        self.value = value
    }
}
