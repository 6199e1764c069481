/// A decision drawn as a thin vertical rule at its date, linking to the decision's page.
public struct ChartMarker: Sendable, Equatable {
    /// Days since 1970-01-01 (UTC) of the decision.
    public var day: Int
    /// The short label above the rule, such as "7"; markers that share a place share one label ("1–3, 5").
    public var label: String
    /// The tooltip and accessible name, such as "0007 Focus on researchers (2017-01-18)".
    public var title: String
    /// The relative link to the decision's page.
    public var href: String
    /// The decision's title as the key under the chart lists it ("Focus on researchers"); the
    /// tooltip stands in when empty.
    public var name: String

    /// Creates a marker.
    public init(day: Int, label: String, title: String, href: String, name: String = "") {
        self.day = day
        self.label = label
        self.title = title
        self.href = href
        self.name = name
    }
}
