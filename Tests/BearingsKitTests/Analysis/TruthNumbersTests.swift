import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsModel

/// Issue #30 part B, the rules one at a time: a change's span and base, crossovers that last,
/// ties of non-zero values, shares with two significant digits, units in the singular for one.
/// Every expected value is worked out by hand in the comments.
struct TruthNumbersTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    /// Us against Them, monthly, from January 2020: one pair of values per month.
    static func monthly(_ pairs: [(Double, Double)]) -> MetricSeries {
        let points = pairs.enumerated().flatMap { month, pair in
            let date = String(format: "2020-%02d-01", month + 1)
            return [(date, "us", pair.0), (date, "them", pair.1)]
        }
        return AnalysisTests.series(AnalysisTests.dataSet(points))
    }

    static func passes(_ series: MetricSeries) -> [String] {
        Analysis.crossovers(series, project: "us").crossovers.map { "\($0.date) \($0.weLead ? "us" : "them")" }
    }

    @Test func aPassThatLastsOnePeriodIsNoPass() {
        // Them ahead; Us ahead in February only, then again from April on: one pass, in April.
        let series = Self.monthly([(10, 20), (30, 20), (10, 20), (30, 20), (40, 20)])
        #expect(Self.passes(series) == ["2020-04-01 us"])
        // Back and forth every month, ending behind: no pass at all.
        #expect(Self.passes(Self.monthly([(10, 20), (30, 20), (10, 20), (30, 20), (10, 20)])).isEmpty)
    }

    @Test func aPassInTheNewestPeriodCounts() {
        // Ahead only in the newest month: nothing later says otherwise.
        #expect(Self.passes(Self.monthly([(10, 20), (10, 20), (30, 20)])) == ["2020-03-01 us"])
    }

    @Test func aTieInTheNextPeriodDoesNotConfirmAPass() {
        // Ahead in February, level in March, behind again in April: no pass; the tie is reported.
        let series = Self.monthly([(10, 20), (30, 20), (20, 20), (10, 20)])
        #expect(Self.passes(series).isEmpty)
        #expect(Analysis.crossovers(series, project: "us").ties.map { "\($0.0)" } == ["2020-03-01"])
    }

    @Test func zeroAgainstZeroIsNoTie() {
        // Neither project existed in January (0 and 0); level at 50 in April is a tie.
        let series = Self.monthly([(0, 0), (10, 20), (30, 20), (50, 50)])
        let (crossovers, ties) = Analysis.crossovers(series, project: "us")
        #expect(ties.map { "\($0.0) \($0.1)" } == ["2020-04-01 them"])
        // March's lead is followed by the tie, which does not confirm it: no pass.
        #expect(crossovers.isEmpty)
    }

    @Test func theSpanOfAChangeIsSaid() {
        // A cadence compares one year back: always "a year".
        #expect(
            Analysis.spanWords(from: Self.day("2019-06-01"), to: Self.day("2020-06-01"), cadence: .quarter) == "a year")
        // A conference every other year: 730 days, 24 months.
        #expect(Analysis.spanWords(from: Self.day("2021-12-01"), to: Self.day("2023-12-01"), cadence: nil) == "2 years")
        // 723 days (2023-12-10 to 2025-12-02) is 23.75 months: 24, two years.
        #expect(Analysis.spanWords(from: Self.day("2023-12-10"), to: Self.day("2025-12-02"), cadence: nil) == "2 years")
        // 547 days is 17.97 months.
        #expect(
            Analysis.spanWords(from: Self.day("2019-01-01"), to: Self.day("2020-07-01"), cadence: nil) == "18 months")
        #expect(Analysis.spanWords(from: Self.day("2019-01-01"), to: Self.day("2020-01-01"), cadence: nil) == "a year")
        #expect(Analysis.spanWords(from: Self.day("2020-01-01"), to: Self.day("2020-02-10"), cadence: nil) == "40 days")
    }

    @Test func aSmallBaseIsSaidAsTwoValues() {
        // 3 is under 5% of 263 (13.15): "+8666.7%" would mislead.
        #expect(Analysis.isSmallBase(3, latest: 263, isPercentage: false))
        // A typo in a first value: 5 against 11,429.
        #expect(Analysis.isSmallBase(5, latest: 11_429, isPercentage: false))
        // A count under 20.
        #expect(Analysis.isSmallBase(19, latest: 25, isPercentage: false))
        #expect(Analysis.isSmallBase(0, latest: 5, isPercentage: false))
        // 50 is 83% of 60; 19.5 is no whole count and 78% of 25; 12% of a percentage metric is 80% of 15%.
        #expect(!Analysis.isSmallBase(50, latest: 60, isPercentage: false))
        #expect(!Analysis.isSmallBase(19.5, latest: 25, isPercentage: false))
        #expect(!Analysis.isSmallBase(12, latest: 15, isPercentage: true))
        // A fall is not from a small base: 263 → 3 is −98.9%.
        #expect(!Analysis.isSmallBase(263, latest: 3, isPercentage: false))
    }

    @Test(arguments: [
        (0.00163, "0.16%"), (0.012, "1.2%"), (0.643, "64.3%"), (0.000163, "0.016%"),
        // 0.0996% rounds to 0.100 at three decimals: two significant digits are "0.10".
        (0.000996, "0.10%"),
        // 0.996% is 1.0% at one decimal.
        (0.00996, "1.0%"), (0.0094, "0.94%"), (1.0, "100.0%"), (0.0, "0.0%"),
    ])
    func sharesKeepTwoSignificantDigits(_ fraction: Double, _ expected: String) {
        #expect(ValueFormat.share(fraction) == expected)
    }

    @Test(arguments: [
        ("papers", "1 paper"), ("questions", "1 question"), ("repositories", "1 repository"),
        ("GitHub stars", "1 GitHub star"), ("class", "1 class"), ("downloads/day", "1 downloads/day"),
        ("ms", "1 ms"),
    ])
    func aCountOfOneIsSingular(_ unit: String, _ expected: String) {
        #expect(ValueFormat.full(1, unit: unit) == expected)
        #expect(ValueFormat.short(1, unit: unit) == expected)
        // Any other count keeps the unit as written.
        #expect(ValueFormat.full(2, unit: unit) == "2 \(unit)")
    }
}
