import Testing

@testable import BearingsKit
@testable import BearingsModel

/// Calendar days: exactly `YYYY-MM-DD`, real dates only, and a day count that round-trips.
struct DayTests {
    static let valid: [Example<String, [Int]>] = [
        Example("an ordinary day", "2019-06-30", [2019, 6, 30]),
        Example("the 29th of February in a leap year", "2020-02-29", [2020, 2, 29]),
        Example("the 29th of February in a year divisible by 400", "2000-02-29", [2000, 2, 29]),
        Example("the last day of a 31-day month", "2019-12-31", [2019, 12, 31]),
        Example("the first day there is", "0001-01-01", [1, 1, 1]),
        Example("the last day there is", "9999-12-31", [9999, 12, 31]),
    ]

    @Test(arguments: valid)
    func readsARealDate(_ example: Example<String, [Int]>) throws {
        let day = try #require(Day(iso: example.input))
        #expect([day.year, day.month, day.day] == example.expected)
        #expect(day.description == example.input)
    }

    static let invalid: [Example<String, String>] = [
        Example("the 30th of February", "2019-02-30", ""),
        Example("the 29th of February in a common year", "2019-02-29", ""),
        Example("the 29th of February in a century year not divisible by 400", "1900-02-29", ""),
        Example("the 31st of a 30-day month", "2019-04-31", ""),
        Example("month 13", "2019-13-01", ""),
        Example("month 0", "2019-00-10", ""),
        Example("day 0", "2019-01-00", ""),
        Example("year 0", "0000-01-01", ""),
        Example("a one-digit month", "2019-6-30", ""),
        Example("slashes", "2019/06/30", ""),
        Example("no separators", "20190630", ""),
        Example("a leading space", " 2019-06-30", ""),
        Example("a time after the date", "2019-06-30T00:00", ""),
        Example("day-month-year order", "30-06-2019", ""),
        Example("letters", "yyyy-mm-dd", ""),
        Example("nothing", "", ""),
    ]

    @Test(arguments: invalid)
    func rejectsTextThatIsNotARealDate(_ example: Example<String, String>) {
        #expect(Day(iso: example.input) == nil)
    }

    // Expected day counts from Python: (date(y, m, d) - date(1970, 1, 1)).days
    static let ordinals: [Example<String, Int>] = [
        Example("the epoch", "1970-01-01", 0),
        Example("the day before the epoch", "1969-12-31", -1),
        Example("a leap day", "2000-02-29", 11016),
        Example("the day after a leap day", "2000-03-01", 11017),
        Example("a day in 2019", "2019-06-30", 18077),
        Example("the first day there is", "0001-01-01", -719_162),
        Example("the last day there is", "9999-12-31", 2_932_896),
    ]

    @Test(arguments: ordinals)
    func countsDaysSinceTheEpoch(_ example: Example<String, Int>) throws {
        let day = try #require(Day(iso: example.input))
        #expect(day.ordinal == example.expected)
        #expect(Day(ordinal: example.expected) == day)
    }

    @Test func turnsEveryDayOfFourHundredYearsIntoItsOrdinalAndBack() throws {
        let start = try #require(Day(iso: "1900-01-01")).ordinal
        var previous: Day?
        for ordinal in start..<(start + 146_097) {
            let day = Day(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(Day(year: day.year, month: day.month, day: day.day) == day)
            if let previous { #expect(previous < day) }
            previous = day
        }
        #expect(previous?.description == "2299-12-31")
    }

    static let monthSteps: [Example<(String, Int), String>] = [
        Example("one month on", ("2019-06-15", 1), "2019-07-15"),
        Example("into the next year", ("2019-12-15", 1), "2020-01-15"),
        Example("back into the previous year", ("2019-01-15", -1), "2018-12-15"),
        Example("clamped to a leap February", ("2020-01-31", 1), "2020-02-29"),
        Example("clamped to a common February", ("2019-01-31", 1), "2019-02-28"),
        Example("clamped going back", ("2019-03-31", -1), "2019-02-28"),
        Example("a year on from a leap day", ("2020-02-29", 12), "2021-02-28"),
    ]

    @Test(arguments: monthSteps)
    func addsMonthsClampingToTheLastDayOfTheMonth(_ example: Example<(String, Int), String>) throws {
        let day = try #require(Day(iso: example.input.0))
        #expect(day.addingMonths(example.input.1).description == example.expected)
    }

    @Test func addsDays() throws {
        let day = try #require(Day(iso: "2019-12-31"))
        #expect(day.addingDays(1).description == "2020-01-01")
        #expect(day.addingDays(-365).description == "2018-12-31")
        #expect(day.addingDays(60).description == "2020-02-29")
    }
}
