/// What a metric measures, and how to read it (metrics/<id>.md).
public struct Metric: Sendable, Equatable {
    /// What kind of signal a metric is.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case usage, vanity, community, quality
    }

    /// The default axis of a metric's charts.
    public enum Scale: String, Sendable, CaseIterable, Codable {
        case linear, log
    }

    /// File name without `.md`.
    public var id: String
    /// Display name.
    public var name: String
    /// Usage, vanity, community or quality.
    public var kind: Kind
    /// Shown on axes; "%" means a percentage.
    public var unit: String?
    /// How late the measure reports real use.
    public var lag: Lag?
    /// Whether a larger value is better.
    public var higherIsBetter: Bool
    /// Linear or log.
    public var scale: Scale
    /// Where the numbers come from.
    public var source: String?
    /// The cadence declared in the file; nil to infer it from the dates (`MetricSeries.cadence`).
    public var cadence: Cadence?
    /// Things that change what the numbers mean, in date order.
    public var events: [MetricEvent]
    /// How it is measured, its caveats.
    public var description: MarkdownDocument
    /// Where the file is.
    public var location: SourceLocation
    /// How `bearings collect` measures it; nil when it is measured by hand.
    public var collect: CollectSpec?

    /// Whether values are percentages.
    public var isPercentage: Bool { unit == "%" }

    /// Creates a metric.
    public init(
        id: String, name: String, kind: Kind, unit: String? = nil, lag: Lag? = nil, higherIsBetter: Bool = true,
        scale: Scale = .linear, source: String? = nil, cadence: Cadence? = nil, events: [MetricEvent] = [],
        description: MarkdownDocument = MarkdownDocument(), location: SourceLocation, collect: CollectSpec? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.unit = unit
        self.lag = lag
        self.higherIsBetter = higherIsBetter
        self.scale = scale
        self.source = source
        self.cadence = cadence
        self.events = events
        self.description = description
        self.location = location
        self.collect = collect
    }
}

/// Something that changes what a metric's numbers mean: a counting change, an outage, a note on
/// one value (a series CSV's `note` column).
public struct MetricEvent: Sendable, Equatable {
    /// The day it happened.
    public var date: Day
    /// What happened, as plain text.
    public var text: String
    /// Whether the series is split here: nothing is compared across it.
    public var isBreak: Bool
    /// The project a note is about; nil for the whole metric.
    public var project: String?
    /// Where it is written.
    public var location: SourceLocation

    /// Creates an event.
    public init(date: Day, text: String, isBreak: Bool = false, project: String? = nil, location: SourceLocation) {
        self.date = date
        self.text = text
        self.isBreak = isBreak
        self.project = project
        self.location = location
    }
}

/// A delay such as "6 months": how long after the fact a metric settles.
public struct Lag: Sendable, Hashable, CustomStringConvertible {
    /// Unit of a lag.
    public enum Unit: String, Sendable, CaseIterable {
        case day, week, month, year
    }

    /// How many units.
    public var amount: Int
    /// Days, weeks, months or years.
    public var unit: Unit

    /// Creates a lag.
    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses "0", "3 weeks", "6 months", "1 year", "10 days".
    public init?(_ text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 1, let zero = Int(words[0]), zero == 0 {
            self.init(amount: 0, unit: .day)
            return
        }
        guard words.count == 2, let amount = Int(words[0]), amount >= 0, amount <= 1000 else { return nil }
        var name = words[1].lowercased()
        if name.hasSuffix("s") { name.removeLast() }
        guard let unit = Unit(rawValue: name) else { return nil }
        self.init(amount: amount, unit: unit)
    }

    /// The day this lag before `day`.
    public func before(_ day: Day) -> Day {
        switch unit {
        case .day: return day.addingDays(-amount)
        case .week: return day.addingDays(-7 * amount)
        case .month: return day.addingMonths(-amount)
        case .year: return day.addingMonths(-12 * amount)
        }
    }

    /// The day this lag after `day`.
    public func after(_ day: Day) -> Day {
        switch unit {
        case .day: return day.addingDays(amount)
        case .week: return day.addingDays(7 * amount)
        case .month: return day.addingMonths(amount)
        case .year: return day.addingMonths(12 * amount)
        }
    }

    /// "6 months", "1 year", "0".
    public var description: String {
        if amount == 0 { return "0" }
        return "\(amount) \(unit.rawValue)\(amount == 1 ? "" : "s")"
    }
}
