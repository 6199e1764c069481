import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsCharts
@testable import BearingsModel

/// One date format per cadence across the site (issue #27; docs/reference.md, "Dates"): an exact
/// date or a day's or week's value as ISO "2025-07-01", a month as "Jul 2025", a quarter as
/// "2025 Q3", a year as "2025". Expected strings are written by hand from the calendar.
struct DateFormatTests {
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    /// (cadence, day, label): days inside a period and on its edges.
    static let labels: [(Cadence, String, String)] = [
        (.day, "2025-07-01", "2025-07-01"),
        (.day, "2025-08-15", "2025-08-15"),
        // A week's value keeps the day it was taken (2025-08-15 is a Friday; its week starts 08-11).
        (.week, "2025-08-15", "2025-08-15"),
        (.month, "2025-07-01", "Jul 2025"),
        (.month, "2025-07-31", "Jul 2025"),
        (.month, "2019-11-01", "Nov 2019"),
        (.quarter, "2025-07-01", "2025 Q3"),
        (.quarter, "2025-09-30", "2025 Q3"),
        (.quarter, "2025-03-31", "2025 Q1"),
        (.quarter, "2025-10-01", "2025 Q4"),
        (.quarter, "2020-12-31", "2020 Q4"),
        (.year, "2020-06-01", "2020"),
    ]

    @Test(arguments: labels)
    func aDateAtItsCadencesPrecision(_ cadence: Cadence, _ iso: String, _ expected: String) {
        #expect(cadence.label(Self.day(iso)) == expected)
    }

    static func series(cadence: Cadence?, dates: [String]) -> MetricSeries {
        let metric = Metric(
            id: "m", name: "M", kind: .usage, cadence: cadence, location: SourceLocation(path: "metrics/m.md"))
        let points = dates.enumerated().map {
            SeriesPoint(date: day($0.element), value: 1, observation: Int32($0.offset))
        }
        return MetricSeries(
            metric: metric, lines: [MetricSeries.Line(project: "p", points: points)], dates: dates.map(day))
    }

    @Test func anIrregularMetricDatedOnFirstsOfMonthsShowsMonths() {
        // 2019-01-01, 2019-03-01, 2019-11-01: spacings of 59 and 245 days, no cadence's.
        let series = Self.series(cadence: nil, dates: ["2019-01-01", "2019-03-01", "2019-11-01"])
        #expect(series.cadence == nil)
        #expect(series.label(Self.day("2019-11-01")) == "Nov 2019")
    }

    @Test func anIrregularMetricDatedOnOtherDaysShowsISODates() {
        let series = Self.series(cadence: nil, dates: ["2019-01-03", "2019-04-20", "2019-11-07"])
        #expect(series.cadence == nil)
        #expect(series.label(Self.day("2019-11-07")) == "2019-11-07")
    }

    @Test func aQuarterlyMetricsDatesAreQuarters() {
        let series = Self.series(cadence: .quarter, dates: ["2025-04-01", "2025-07-01"])
        #expect(series.label(Self.day("2025-07-01")) == "2025 Q3")
        #expect(DateTicks.label(Self.day("2025-07-01").ordinal, cadence: .quarter) == "2025 Q3")
        #expect(DateTicks.label(Self.day("2025-07-01").ordinal, cadence: nil) == "2025-07-01")
    }

    @Test(arguments: [
        ("As of 2025 Q3", "As of 2025\u{00A0}Q3"),
        ("from 63.7% in 2024 Q3", "from 63.7% in 2024\u{00A0}Q3"),
        (
            "not measured since Sep 2020; newest data Dec 2020",
            "not measured since Sep\u{00A0}2020; newest data Dec\u{00A0}2020"
        ),
        ("judged on 2025-07-01", "judged on 2025\u{2011}07\u{2011}01"),
        // Not dates: a year alone, a number, words with hyphens, a quarter without its year.
        ("in 2020, 2,996 developers, a well-known Q3", "in 2020, 2,996 developers, a well-known Q3"),
    ])
    func cardLabelsKeepTheirDatesWhole(_ text: String, _ expected: String) {
        #expect(DayFormat.keepingDatesWhole(text) == expected)
    }

    @Test func aSparklinesNameSaysItsDatesAsTheCallerWordsThem() {
        let points = [
            ChartPoint(day: Self.day("2020-01-01").ordinal, value: 12),
            ChartPoint(day: Self.day("2025-07-01").ordinal, value: 61),
        ]
        let quarterly = Sparkline.svg(
            points: points, label: "PyTorch", dateText: { "in \(Cadence.quarter.label(Day(ordinal: $0)))" })
        #expect(quarterly.contains("<title>PyTorch, from 12 in 2020 Q1 to 61 in 2025 Q3</title>"))
        // Without a cadence: ISO dates, as before.
        #expect(
            Sparkline.svg(points: points, label: "PyTorch").contains(
                "<title>PyTorch, from 12 on 2020-01-01 to 61 on 2025-07-01</title>"))
    }

    /// The numbers fixture's headline change, +93.96 points over two years from 5.66% in Dec 2021
    /// (worked by hand in NumbersSiteTests): the figure keeps "pts" with its number and the label
    /// its month whole, with no-break spaces, so neither splits in a narrow card.
    @Test func theHeadlineCardsKeepAChangeAndItsDateWhole() throws {
        let page = try #require(planSite("numbers")?.text("index.html"))
        #expect(
            page.contains(
                "<span class=\"figure-value\">+94.0\u{00A0}pts</span> <span class=\"figure-label\">change in share over 2 years, from 5.7% in Dec\u{00A0}2021</span>"
            ))
    }

    /// The truth fixture's decision 0001 expects six things "by" dates written in its front matter
    /// as 2020-03-31, 2020-02-29, 2020-12-31, 2020-04-30, 2020-06-30 and 2020-10-31: the page says
    /// them the same way (it said "31 Mar 2020" before issue #27).
    @Test func aDecisionsExpectationsSayTheirDatesInISO() throws {
        let page = try #require(planSite("truth")?.text("decisions/0001-measure-downloads.html"))
        let dates = page.matches(of: #/<li><span class="verdict[^"]*">[^<]*</span> [^<]* by ([^<]*)<br>/#).map {
            String($0.1)
        }
        #expect(dates == ["2020-03-31", "2020-02-29", "2020-12-31", "2020-04-30", "2020-06-30", "2020-10-31"])
    }
}
