/// Conversions between days since 1970-01-01 (UTC) and calendar dates, without Foundation's
/// calendars, so output never depends on the machine's time zone or locale.
public enum DayFormat {
    /// The ISO 8601 date of a day, such as "2019-06-30".
    public static func isoDate(_ day: Int) -> String {
        let date = civil(day)
        let year = date.year < 0 ? "-" + padded(-date.year, 4) : padded(date.year, 4)
        return "\(year)-\(padded(date.month, 2))-\(padded(date.day, 2))"
    }

    /// `text` with every date and period in it made unbreakable, for labels in narrow columns such
    /// as the dashboard's headline cards: the space of "2025 Q3" and "Jul 2025" becomes a no-break
    /// space (U+00A0) and the hyphens of "2025-07-01" non-breaking hyphens (U+2011), so a line never
    /// ends in "2025-07-" or "2025". The rest of the text breaks as before.
    public static func keepingDatesWhole(_ text: String) -> String {
        text.replacing(#/\d{4}-\d{2}-\d{2}/#) { match in
            String(match.output).replacing("-", with: "\u{2011}")
        }
        .replacing(#/(?:\d{4} Q[1-4])|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4})/#) { match in
            String(match.output).replacing(" ", with: "\u{00A0}")
        }
    }

    /// The day number of a calendar date; months and days out of range roll over like a calendar would.
    public static func day(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil, with the month first normalised into 1...12.
        let monthIndex = month - 1
        let y = year + floorDiv(monthIndex, 12)
        let m = floorMod(monthIndex, 12) + 1
        let shiftedYear = m <= 2 ? y - 1 : y
        let era = floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + (day - 1)
    }

    /// The calendar date of a day.
    package static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let date = Day(ordinal: day)
        return (date.year, date.month, date.day)
    }

    /// English three-letter month names, for axis labels.
    package static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// "Jun 30", for axis labels.
    package static func monthDay(_ day: Int) -> String {
        let date = civil(day)
        return "\(monthAbbreviations[date.month - 1]) \(date.day)"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
