import Testing

@testable import BearingsKit
@testable import BearingsCharts
@testable import BearingsModel

@Suite struct TicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var low: Double
        var high: Double
        var count: Int
        var expected: [Double]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "counts from zero", low: 120, high: 1234, count: 5, expected: [0, 500, 1000, 1500]),
        Case(name: "all zeros", low: 0, high: 0, count: 5, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        Case(
            name: "negative and positive", low: -1200, high: 3400, count: 5,
            expected: [-2000, -1000, 0, 1000, 2000, 3000, 4000]),
        Case(name: "all negative reaches zero", low: -50, high: -10, count: 5, expected: [-50, -40, -30, -20, -10, 0]),
        Case(name: "fractions", low: 0, high: 0.7, count: 5, expected: [0, 0.2, 0.4, 0.6, 0.8]),
        Case(name: "percentages", low: 12, high: 49.7, count: 5, expected: [0, 10, 20, 30, 40, 50]),
        Case(
            name: "near a trillion", low: 8.1e11, high: 1.19e12, count: 5,
            expected: [0, 2e11, 4e11, 6e11, 8e11, 1e12, 1.2e12]),
        Case(name: "exact top", low: 0, high: 100, count: 5, expected: [0, 20, 40, 60, 80, 100]),
        Case(name: "fewer ticks asked", low: 0, high: 100, count: 2, expected: [0, 50, 100]),
    ])
    func linear(_ example: Case) {
        #expect(Ticks.linear(low: example.low, high: example.high, count: example.count).values == example.expected)
    }

    @Test(arguments: [
        Case(name: "every decade", low: 12, high: 1.9e6, count: 9, expected: [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7]),
        Case(name: "one decade adds 2 and 5", low: 200, high: 800, count: 9, expected: [100, 200, 500, 1000]),
        Case(name: "a single value", low: 5, high: 5, count: 9, expected: [1, 2, 5, 10]),
        Case(name: "many decades skip some", low: 1, high: 1e12, count: 4, expected: [1, 1e3, 1e6, 1e9, 1e12]),
        Case(name: "below one", low: 0.02, high: 0.9, count: 9, expected: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]),
        Case(name: "three decades have no 2 and 5", low: 0.02, high: 3, count: 9, expected: [0.01, 0.1, 1, 10]),
    ])
    func log(_ example: Case) {
        #expect(Ticks.log(low: example.low, high: example.high, count: example.count).values == example.expected)
    }

    @Test(arguments: [
        ("one week", "2019-06-24", "2019-06-30", DateTicks.Interval.days(1)),
        ("one month", "2019-06-01", "2019-06-30", .weeks(1)),
        ("one quarter", "2019-04-01", "2019-06-30", .weeks(2)),
        ("one year", "2019-01-15", "2020-01-15", .months(3)),
        ("three years", "2017-01-01", "2020-01-01", .months(6)),
        ("eight years", "2012-01-01", "2020-01-01", .years(1)),
        ("twenty years", "2004-01-01", "2024-01-01", .years(2)),
        ("a century", "1920-01-01", "2020-01-01", .years(10)),
    ])
    func dateInterval(_ name: String, _ first: String, _ last: String, _ expected: DateTicks.Interval) {
        let interval = DateTicks.interval(
            first: ChartExample.day(first), last: ChartExample.day(last), pixels: 656, fontSize: 12
        )
        #expect(interval == expected)
    }

    @Test func dayTicksWriteTheYearUnderTheFirst() {
        let ticks = DateTicks.ticks(
            first: ChartExample.day("2019-12-29"), last: ChartExample.day("2020-01-02"), pixels: 656, fontSize: 12)
        #expect(ticks.map(\.lines) == [["Dec 29", "2019"], ["Dec 30"], ["Dec 31"], ["Jan 1", "2020"], ["Jan 2"]])
    }

    @Test func monthTicksWriteTheMonthAndYearOnOneLine() {
        let ticks = DateTicks.ticks(
            first: ChartExample.day("2019-01-15"), last: ChartExample.day("2020-01-15"), pixels: 656, fontSize: 12)
        #expect(ticks.map(\.lines) == [["Apr 2019"], ["Jul 2019"], ["Oct 2019"], ["Jan 2020"]])
    }

    @Test func quarterTicksOfAQuarterlyMetricAreWrittenAsItsPagesWriteQuarters() {
        let ticks = DateTicks.ticks(
            first: ChartExample.day("2019-01-15"), last: ChartExample.day("2020-01-15"), pixels: 656, fontSize: 12,
            cadence: .quarter)
        #expect(ticks.map(\.lines) == [["2019 Q2"], ["2019 Q3"], ["2019 Q4"], ["2020 Q1"]])
    }

    @Test(arguments: [
        (Cadence.year, DateTicks.Interval.years(1)), (.quarter, .months(3)), (.month, .months(1)),
        (.week, .weeks(1)), (.day, .days(1)),
    ])
    func ticksAreNeverFinerThanTheCadence(_ cadence: Cadence, _ expected: DateTicks.Interval) {
        let interval = DateTicks.interval(
            first: ChartExample.day("2019-06-01"), last: ChartExample.day("2019-06-08"), pixels: 656, fontSize: 12,
            cadence: cadence)
        #expect(interval == expected)
    }

    @Test func quarterTicksFallOnQuarters() {
        let days = DateTicks.tickDays(
            first: ChartExample.day("2019-02-10"), last: ChartExample.day("2019-12-31"), interval: .months(3))
        #expect(days.map(DayFormat.isoDate) == ["2019-04-01", "2019-07-01", "2019-10-01"])
    }

    @Test func weekTicksFallOnMondays() {
        let days = DateTicks.tickDays(
            first: ChartExample.day("2019-06-01"), last: ChartExample.day("2019-06-30"), interval: .weeks(1))
        #expect(days.map(DayFormat.isoDate) == ["2019-06-03", "2019-06-10", "2019-06-17", "2019-06-24"])
    }

    @Test func yearTicksAreOnlyYears() {
        let ticks = DateTicks.ticks(
            first: ChartExample.day("2004-01-01"), last: ChartExample.day("2024-01-01"), pixels: 656, fontSize: 12)
        #expect(ticks.map(\.lines) == stride(from: 2004, through: 2024, by: 2).map { [String($0)] })
    }

    @Test func aShortRangeOnANarrowAxisStillGetsTwoTicks() {
        let ticks = DateTicks.ticks(
            first: ChartExample.day("2019-11-20"), last: ChartExample.day("2020-02-10"), pixels: 60, fontSize: 12)
        #expect(ticks.map(\.lines) == [["Dec 2019"], ["Jan 2020"], ["Feb 2020"]])
    }

    @Test(arguments: [(-1e308, 1e308), (0, 1e308), (0, .greatestFiniteMagnitude)])
    func extremeRangesStayFinite(_ low: Double, _ high: Double) {
        let ticks = Ticks.linear(low: low, high: high, count: 5)
        #expect(ticks.values.allSatisfy { $0.isFinite })
        #expect(ticks.values.count >= 2)
    }

    @Test func aSingleDayGetsOneTick() {
        let ticks = DateTicks.ticks(first: 18077, last: 18077, pixels: 656, fontSize: 12)
        #expect(ticks == [DateTicks.Tick(day: 18077, lines: ["2019-06-30"])])
    }

    @Test(arguments: [(Cadence.year, "2019"), (.quarter, "2019 Q2"), (.month, "Jun 2019"), (.day, "2019-06-30")])
    func aSingleDayIsWrittenAtTheCadence(_ cadence: Cadence, _ expected: String) {
        #expect(
            DateTicks.ticks(first: 18077, last: 18077, pixels: 656, fontSize: 12, cadence: cadence)[0].lines == [
                expected
            ])
    }
}
