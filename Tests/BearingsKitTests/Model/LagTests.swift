import Testing

@testable import BearingsKit
@testable import BearingsModel

/// How late a metric reports real use: "0", "10 days", "3 weeks", "6 months", "1 year".
struct LagTests {
    static let valid: [Example<String, Lag>] = [
        Example("zero", "0", Lag(amount: 0, unit: .day)),
        Example("zero days", "0 days", Lag(amount: 0, unit: .day)),
        Example("days", "10 days", Lag(amount: 10, unit: .day)),
        Example("one day", "1 day", Lag(amount: 1, unit: .day)),
        Example("weeks", "3 weeks", Lag(amount: 3, unit: .week)),
        Example("months", "6 months", Lag(amount: 6, unit: .month)),
        Example("one year", "1 year", Lag(amount: 1, unit: .year)),
        Example("years", "2 years", Lag(amount: 2, unit: .year)),
        Example("a capitalised unit", "6 Months", Lag(amount: 6, unit: .month)),
        Example("a tab between number and unit", "6\tmonths", Lag(amount: 6, unit: .month)),
        Example("the largest amount", "1000 days", Lag(amount: 1000, unit: .day)),
    ]

    @Test(arguments: valid)
    func readsALag(_ example: Example<String, Lag>) {
        #expect(Lag(example.input) == example.expected)
    }

    @Test(arguments: [
        "1 quarter", "six months", "6", "-1 day", "1001 days", "1 yr", "6 months ago", "1.5 years", "",
        "months",
    ])
    func rejectsTextThatIsNotALag(_ text: String) {
        #expect(Lag(text) == nil)
    }

    static let descriptions: [Example<Lag, String>] = [
        Example("zero", Lag(amount: 0, unit: .month), "0"),
        Example("singular", Lag(amount: 1, unit: .year), "1 year"),
        Example("plural", Lag(amount: 6, unit: .month), "6 months"),
        Example("weeks", Lag(amount: 3, unit: .week), "3 weeks"),
    ]

    @Test(arguments: descriptions)
    func describesItselfAsWritten(_ example: Example<Lag, String>) {
        #expect(example.input.description == example.expected)
    }

    static let shifts: [Example<(String, String), (String, String)>] = [
        Example("days", ("10 days", "2019-06-30"), ("2019-06-20", "2019-07-10")),
        Example("weeks", ("3 weeks", "2019-06-30"), ("2019-06-09", "2019-07-21")),
        Example(
            "months clamped to the month's end", ("6 months", "2019-08-31"), ("2019-02-28", "2020-02-29")),
        Example("a year from a leap day", ("1 year", "2020-02-29"), ("2019-02-28", "2021-02-28")),
        Example("zero", ("0", "2019-06-30"), ("2019-06-30", "2019-06-30")),
    ]

    @Test(arguments: shifts)
    func movesADayBackAndForward(_ example: Example<(String, String), (String, String)>) throws {
        let lag = try #require(Lag(example.input.0))
        let day = try #require(Day(iso: example.input.1))
        #expect(lag.before(day).description == example.expected.0)
        #expect(lag.after(day).description == example.expected.1)
    }
}
