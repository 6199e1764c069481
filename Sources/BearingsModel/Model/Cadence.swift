/// How often a metric is measured: the length of the periods its values stand for. A period with
/// no value for a project is a gap, and dates are shown at this precision ("2019", "2019 Q4",
/// "Nov 2019").
public enum Cadence: String, Sendable, CaseIterable, Codable {
    case day, week, month, quarter, year

    /// The number of the period holding `day`: consecutive periods have consecutive numbers.
    /// Weeks start on Monday (1970-01-05 was one).
    public func period(_ day: Day) -> Int {
        switch self {
        case .day: return day.ordinal
        case .week: return floorDiv(day.ordinal - 4, 7)
        case .month: return day.year * 12 + day.month - 1
        case .quarter: return day.year * 4 + (day.month - 1) / 3
        case .year: return day.year
        }
    }

    /// The first day of period number `period`.
    public func start(ofPeriod period: Int) -> Day {
        switch self {
        case .day: return Day(ordinal: period)
        case .week: return Day(ordinal: period * 7 + 4)
        case .month:
            return Day(year: floorDiv(period, 12), month: floorMod(period, 12) + 1, day: 1)
                ?? Day(ordinal: 0)
        case .quarter:
            return Day(year: floorDiv(period, 4), month: floorMod(period, 4) * 3 + 1, day: 1)
                ?? Day(ordinal: 0)
        case .year: return Day(year: period, month: 1, day: 1) ?? Day(ordinal: 0)
        }
    }

    /// How many periods make a year: "over a year" compares with the period this many back.
    public var periodsPerYear: Int {
        switch self {
        case .day: return 365
        case .week: return 52
        case .month: return 12
        case .quarter: return 4
        case .year: return 1
        }
    }

    /// A date at this cadence's precision: "2019", "2019 Q4", "Nov 2019"; the ISO date for days
    /// and weeks (the week's values keep the day they were taken).
    public func label(_ day: Day) -> String {
        switch self {
        case .day, .week: return day.description
        case .month: return "\(DayFormat.monthAbbreviations[day.month - 1]) \(day.year)"
        case .quarter: return "\(day.year) Q\((day.month - 1) / 3 + 1)"
        case .year: return String(day.year)
        }
    }

    /// The cadence of a metric from its lines' dates: the most common spacing between consecutive
    /// dates of one project (ties go to the finer cadence), when at least half of all spacings
    /// agree on it; nil when they do not (the metric is measured irregularly) or there are none.
    public static func inferred(from lines: [[Day]]) -> Cadence? {
        var counts: [Cadence: Int] = [:]
        var total = 0
        for dates in lines {
            for (earlier, later) in zip(dates, dates.dropFirst()) where earlier < later {
                total += 1
                if let cadence = spacing(days: later.ordinal - earlier.ordinal) { counts[cadence, default: 0] += 1 }
            }
        }
        var best: Cadence?
        for cadence in allCases where (counts[cadence] ?? 0) > (best.flatMap { counts[$0] } ?? 0) { best = cadence }
        guard let best, let count = counts[best], 2 * count >= total else { return nil }
        return best
    }

    /// The cadence a spacing of `days` stands for, with room for months and years of different
    /// lengths and for a value taken a few days early or late; nil for any other spacing.
    static func spacing(days: Int) -> Cadence? {
        switch days {
        case 1: return .day
        case 6...8: return .week
        case 27...35: return .month
        case 85...97: return .quarter
        case 350...380: return .year
        default: return nil
        }
    }
}
