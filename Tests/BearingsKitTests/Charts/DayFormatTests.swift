import Testing

@testable import BearingsKit
@testable import BearingsModel

@Suite struct DayFormatTests {
    @Test(arguments: [
        (0, "1970-01-01"), (18077, "2019-06-30"), (18321, "2020-02-29"), (-1, "1969-12-31"),
        (11017, "2000-03-01"), (19723, "2024-01-01"), (-719_468, "0000-03-01"),
    ])
    func isoDate(_ day: Int, _ expected: String) {
        #expect(DayFormat.isoDate(day) == expected)
    }

    @Test(arguments: [
        (2019, 6, 30, 18077), (2020, 2, 29, 18321), (1969, 12, 31, -1), (2019, 13, 1, 18262), (2020, 0, 1, 18231),
    ])
    func dayOfCalendarDate(_ year: Int, _ month: Int, _ day: Int, _ expected: Int) {
        #expect(DayFormat.day(year: year, month: month, day: day) == expected)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        let mismatches = (-150_000...150_000).filter { day in
            let date = DayFormat.civil(day)
            return DayFormat.day(year: date.year, month: date.month, day: date.day) != day
        }
        #expect(mismatches == [])
    }
}
