import BearingsModel

/// Date ticks for a time axis: days, weeks, months, quarters, half years or years, whichever is
/// the finest whose labels do not collide at the given width, and never finer than the metric's
/// cadence. Labels take one form on every chart: "2019" for years, "Jan 2020" for months, "2019 Q1"
/// for the quarters of a quarterly metric (the form its pages use), and for days and weeks "Jun 30"
/// with the year under the first tick and wherever it changes.
enum DateTicks {
    /// One tick: its day and its label lines (the second, when present, is the year).
    struct Tick: Sendable, Equatable {
        var day: Int
        var lines: [String]
    }

    /// A spacing between ticks.
    enum Interval: Sendable, Equatable {
        case days(Int)
        case weeks(Int)
        case months(Int)
        case years(Int)

        /// The shortest distance between two ticks, in days.
        var minimumDays: Int {
            switch self {
            case .days(let n): n
            case .weeks(let n): 7 * n
            case .months(let n): 28 * n
            case .years(let n): 365 * n
            }
        }

        /// A label as wide as the widest this interval writes.
        var widestLabel: String {
            switch self {
            case .days, .weeks: "May 30"
            case .months: "May 2000"
            case .years(let n): n >= 1000 ? "10000" : "2000"
            }
        }

        /// Whether ticks this far apart are at least one period of `cadence` apart.
        func isAtLeast(_ cadence: Cadence?) -> Bool {
            switch (cadence, self) {
            case (nil, _), (.day?, _): true
            case (.week?, .days): false
            case (.week?, _): true
            case (.month?, .months), (.month?, .years): true
            case (.quarter?, .months(let n)): n % 3 == 0
            case (.quarter?, .years): true
            case (.year?, .years): true
            default: false
            }
        }
    }

    static let candidates: [Interval] = [
        .days(1), .days(2), .weeks(1), .weeks(2), .months(1), .months(3), .months(6),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100),
        .years(200), .years(500), .years(1000),
    ]

    /// The finest interval, no finer than `cadence`, whose labels, `fontSize` high, keep a gap
    /// between them when days `first...last` span `pixels`.
    static func interval(first: Int, last: Int, pixels: Double, fontSize: Double, cadence: Cadence? = nil) -> Interval {
        let pixelsPerDay = pixels / Double(max(last - first, 1))
        for candidate in candidates where candidate.isAtLeast(cadence) {
            let needed = TextWidth.estimate(candidate.widestLabel, fontSize: fontSize) + fontSize
            if Double(candidate.minimumDays) * pixelsPerDay >= needed { return candidate }
        }
        return .years(1000)
    }

    /// The ticks within `first...last`; the year is written under the first tick and wherever it
    /// changes, unless the ticks are years themselves.
    static func ticks(first: Int, last: Int, pixels: Double, fontSize: Double, cadence: Cadence? = nil) -> [Tick] {
        guard last > first else {
            return [Tick(day: first, lines: [label(first, cadence: cadence)])]
        }
        var interval = interval(first: first, last: last, pixels: pixels, fontSize: fontSize, cadence: cadence)
        var days = tickDays(first: first, last: last, interval: interval)
        // A short range on a narrow axis may hold fewer than two boundaries of the interval that
        // fits; a finer one (no finer than the cadence), a little crowded, says more than a lone tick.
        while days.count < 2, let index = candidates.firstIndex(of: interval), index > 0,
            candidates[index - 1].isAtLeast(cadence)
        {
            interval = candidates[index - 1]
            days = tickDays(first: first, last: last, interval: interval)
        }
        var ticks: [Tick] = []
        var previousYear: Int?
        for day in days {
            let date = DayFormat.civil(day)
            var lines: [String]
            switch interval {
            case .days, .weeks: lines = [DayFormat.monthDay(day)]
            case .months(let n):
                lines = [
                    cadence == .quarter && n % 3 == 0
                        ? "\(date.year) Q\((date.month - 1) / 3 + 1)"
                        : "\(DayFormat.monthAbbreviations[date.month - 1]) \(date.year)"
                ]
            case .years: lines = [String(date.year)]
            }
            switch interval {
            case .days, .weeks: if date.year != previousYear { lines.append(String(date.year)) }
            case .months, .years: break
            }
            previousYear = date.year
            ticks.append(Tick(day: day, lines: lines))
        }
        return ticks
    }

    /// A lone day's label at the cadence's precision.
    static func label(_ day: Int, cadence: Cadence?) -> String {
        switch cadence {
        case .year?, .quarter?, .month?: cadence?.label(Day(ordinal: day)) ?? ""
        default: DayFormat.isoDate(day)
        }
    }

    /// The days within `first...last` that fall on `interval`'s boundaries: every nth day counted
    /// from 1970-01-01, Mondays, the first of every nth month counted from January, or 1 January of
    /// years divisible by n.
    static func tickDays(first: Int, last: Int, interval: Interval) -> [Int] {
        switch interval {
        case .days(let n):
            return (first...last).filter { floorMod($0, n) == 0 }
        case .weeks(let n):
            // 1970-01-05, day 4, was a Monday.
            return (first...last).filter {
                floorMod($0 - 4, 7) == 0 && floorMod(floorDiv($0 - 4, 7), n) == 0
            }
        case .months(let n):
            let start = DayFormat.civil(first)
            let end = DayFormat.civil(last)
            var days: [Int] = []
            for index in (start.year * 12 + start.month - 1)...(end.year * 12 + end.month - 1)
            where floorMod(index, 12) % n == 0 {
                let day = DayFormat.day(
                    year: floorDiv(index, 12), month: floorMod(index, 12) + 1, day: 1)
                if day >= first && day <= last { days.append(day) }
            }
            return days
        case .years(let n):
            let start = DayFormat.civil(first).year
            let end = DayFormat.civil(last).year
            return (start...end).filter { floorMod($0, n) == 0 }
                .map { DayFormat.day(year: $0, month: 1, day: 1) }
                .filter { $0 >= first && $0 <= last }
        }
    }
}
