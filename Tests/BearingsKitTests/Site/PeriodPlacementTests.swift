import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsCharts
@testable import BearingsModel

/// A value stands for its period, and a decision's chart draws what its bet is about, on real
/// data: Fixtures/sites/githut-quarterly (GitHut's quarterly pull requests of eight languages,
/// each dated the last day of its quarter) and the truth site's yearly papers (dated 1 December).
/// Every expected position comes from `expected.py` beside the fixture or from the dates by hand.
struct PeriodPlacementTests {
    static let quarterly = planSite("githut-quarterly")
    static let truth = planSite("truth")

    /// The SVG of the `index`th chart of `kind` ("line-chart", "share-chart") and `variant` on a page.
    static func chart(_ page: String?, kind: String = "line-chart", variant: String = "wide", index: Int = 0) -> String
    {
        guard let page else { return "" }
        let charts = page.components(separatedBy: "<svg ").dropFirst().filter {
            $0.contains("class=\"chart \(variant) \(kind)\"")
        }
        guard index < charts.count else { return "" }
        return charts[index].components(separatedBy: "</svg>").first ?? ""
    }

    /// The date ticks: each label with the x of its tick mark, in order.
    static func ticks(_ svg: String) -> [(label: String, x: String)] {
        let marks = svg.matches(of: #/<line class="tick" x1="([\d.]+)"/#).map { String($0.1) }
        let labels = svg.matches(of: #/<text class="tick-label" x="[\d.]+" y="[\d.]+" text-anchor="middle">([^<]*)</#)
            .map { String($0.1) }
        return zip(labels, marks).map { ($0, $1) }
    }

    /// The x of every point of the emphasised line (this project's), as written.
    static func emphasisedPoints(_ svg: String) -> [String] {
        guard let path = svg.firstMatch(of: #/<path class="series [^"]*emph" fill="none" d="([^"]*)"/#) else {
            return []
        }
        return String(path.1).matches(of: #/[ML]([\d.]+) /#).map { String($0.1) }
    }

    /// The fraction of the way from the first quarter's start (2021 Q1) to the last's (2023 Q4)
    /// at which each quarter starts, from expected.py.
    static let quarterFractions = [
        0.000000, 0.089731, 0.180459, 0.272183, 0.363908, 0.453639, 0.544367, 0.636092, 0.727817, 0.817547,
        0.908275, 1.000000,
    ]
    static let quarterNames = [
        "2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4", "2022 Q1", "2022 Q2", "2022 Q3", "2022 Q4", "2023 Q1", "2023 Q2",
        "2023 Q3", "2023 Q4",
    ]

    @Test(arguments: ["wide", "narrow"])
    func quarterlyPointsAreDrawnWhereTheirQuarterStarts(_ variant: String) throws {
        let svg = Self.chart(Self.quarterly?.text("metrics/pull-requests.html"), variant: variant)
        let points = Self.emphasisedPoints(svg).compactMap(Double.init)
        try #require(points.count == 12)
        let first = points[0], last = points[11]
        for (index, fraction) in Self.quarterFractions.enumerated() {
            // Coordinates are written with one decimal: the point and both ends are each within 0.05.
            #expect(
                abs(points[index] - (first + fraction * (last - first))) <= 0.11,
                "\(Self.quarterNames[index]) at \(points[index])")
        }
        // Each quarter tick is exactly where that quarter's points are: "2022 Q1" is not the
        // 2021 Q4 value dated 2021-12-31, a day before it.
        let ticks = Self.ticks(svg)
        #expect(!ticks.isEmpty)
        let written = Self.emphasisedPoints(svg)
        for tick in ticks {
            // A year's tick (on the narrow chart) is where its first quarter is.
            let name = tick.label.count == 4 ? "\(tick.label) Q1" : tick.label
            let index = try #require(Self.quarterNames.firstIndex(of: name), "tick \(tick.label)")
            #expect(tick.x == written[index], "tick \(tick.label) at \(tick.x), its point at \(written[index])")
        }
        #expect(
            ticks.map(\.label)
                == (variant == "wide"
                    ? ["2021 Q1", "2021 Q3", "2022 Q1", "2022 Q3", "2023 Q1", "2023 Q3"] : ["2021", "2022", "2023"]))
    }

    @Test func theTableNamesTheQuarterTheChartDrawsTheValueAt() throws {
        let page = try #require(Self.quarterly?.text("metrics/pull-requests.html"))
        #expect(page.contains("<time datetime=\"2022-03-31\">2022 Q1</time>"))
        #expect(page.contains("<time datetime=\"2021-12-31\">2021 Q4</time>"))
    }

    @Test func yearlyPointsDatedInDecemberSitOnTheirOwnYearsTick() throws {
        // Papers are dated 2017-12-01 … 2020-12-01: each on the tick of its own year.
        let svg = Self.chart(Self.truth?.text("metrics/papers.html"))
        let ticks = Self.ticks(svg)
        let points = Self.emphasisedPoints(svg)
        #expect(ticks.map(\.label) == ["2017", "2018", "2019", "2020"])
        #expect(points.count == 4)
        #expect(ticks.map(\.x) == points)
    }

    @Test func theDecisionChartDrawsTheCompetitorItsBetNames() throws {
        let page = try #require(Self.quarterly?.text("decisions/0001-stay-ahead-of-dart.html"))
        for variant in ["wide", "narrow"] {
            let svg = Self.chart(page, variant: variant)
            let names = svg.matches(of: #/<text class="end-label[^"]*" x="[\d.]+" y="[\d.]+">([^<]*)</#)
                .map { String($0.1) }
            // Rust, Dart (named by the bet), then the three nearest to Rust's 12,292 in 2023 Q4.
            #expect(Set(names) == ["Rust", "Dart", "Scala", "Kotlin", "Swift"], "\(variant): \(names)")
        }
        let wide = Self.chart(page)
        #expect(wide.contains("expected by 2023-12-31: ahead of Dart"))
        #expect(!page.contains("passes dart"))
        #expect(wide.contains("Pull requests opened on GitHub for Rust, Kotlin, Swift, Scala, Dart, 2021 Q1"))
        // The decision (2022-02-15) is marked on the tick of its quarter.
        let marker = try #require(wide.firstMatch(of: #/<line class="rule" x1="([\d.]+)"/#)).1
        #expect(Self.ticks(wide).first { $0.label == "2022 Q1" }?.x == String(marker))
    }

    @Test func aShareExpectationIsDrawnOnTheShareChartWithItsThreshold() throws {
        let page = try #require(Self.quarterly?.text("decisions/0001-stay-ahead-of-dart.html"))
        let share = Self.chart(page, kind: "share-chart")
        let rule = try #require(share.firstMatch(of: #/<line class="threshold" x1="[\d.]+" y1="([\d.]+)"/#))
        #expect(share.contains("expected: share at least 10% by 2023-12-31"))
        // The rule sits at 10% on the value axis: between the grid lines it lies between, in proportion.
        let grid = share.matches(
            of: #/<line class="grid[^"]*" x1="[\d.]+" y1="([\d.]+)"[^>]*/>\n<text class="tick-label"[^>]*>([\d.]+)%</#
        )
        .compactMap { match in Double(match.1).flatMap { y in Double(match.2).map { (value: $0, y: y) } } }
        try #require(grid.count >= 2)
        let low = try #require(grid.last { $0.value <= 10 }), high = try #require(grid.first { $0.value >= 10 })
        let expected =
            low.value == high.value ? low.y : low.y + (10 - low.value) / (high.value - low.value) * (high.y - low.y)
        #expect(abs((Double(rule.1) ?? 0) - expected) <= 0.11)
        // The value chart carries no share rule, and the share chart no value expectation.
        #expect(!Self.chart(page).contains("class=\"threshold\""))
        #expect(!share.contains("expected by 2023-12-31: ahead of Dart"))
    }

    @Test func aLineThatStopsIsNamedAtItsLastPointNotAtTheRightEdge() throws {
        // Monthly: A measured Jan–Dec 2020, B only Jan–Jun (it stopped being reported).
        let months = (1...12).map { Day(year: 2020, month: $0, day: 1)?.ordinal ?? 0 }
        let spec = LineChartSpec(
            title: "t", description: "d",
            lines: [
                ChartLine(
                    label: "A", points: months.map { ChartPoint(day: $0, value: 10) }, emphasised: true, style: 0),
                ChartLine(label: "B", points: months.prefix(6).map { ChartPoint(day: $0, value: 5) }, style: 1),
            ],
            idPrefix: "x", cadence: .month)
        let svg = LineChart.svg(spec)
        let labels = Dictionary(
            svg.matches(of: #/<text class="end-label[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([AB])</#).map {
                (String($0.3), (x: Double($0.1) ?? 0, y: Double($0.2) ?? 0))
            }, uniquingKeysWith: { first, _ in first })
        let paths = svg.matches(of: #/<path class="series [^"]*" fill="none" d="([^"]*)"/#).map { String($0.1) }
        try #require(paths.count == 2)
        // Drawn non-emphasised first: B's path, then A's.
        let lastOfB = try #require(paths[0].matches(of: #/L([\d.]+) ([\d.]+)/#).last)
        let lastOfA = try #require(paths[1].matches(of: #/L([\d.]+) ([\d.]+)/#).last)
        let b = try #require(labels["B"]), a = try #require(labels["A"])
        #expect(b.x == (Double(lastOfB.1) ?? 0) + 6)
        #expect(b.y == (Double(lastOfB.2) ?? 0) - 6)
        // A reaches the newest month: its name stays in the column right of the plot.
        #expect(a.x > (Double(lastOfA.1) ?? 0) + 6)
    }

    @Test func aDecisionAfterTheNewestValueSaysWhyItsChartCannotMarkIt() throws {
        let page = try #require(Self.quarterly?.text("decisions/0002-write-the-2024-survey.html"))
        #expect(
            page.contains(
                "<figcaption class=\"chart-note\">This decision, dated 2024-05-06, is after the newest value (2023 Q4), so the chart cannot mark it.</figcaption>"
            ))
        #expect(!Self.chart(page).contains("class=\"marker\""))
        // The decision whose date is inside the data is marked, with no such caption.
        let marked = try #require(Self.quarterly?.text("decisions/0001-stay-ahead-of-dart.html"))
        #expect(!marked.contains("chart-note"))
    }

    /// Each text's box from its x, baseline, anchor and estimated width (12-unit text).
    static func boxes(_ svg: String, _ textClass: String) -> [(
        text: String, x: ClosedRange<Double>, y: ClosedRange<Double>
    )] {
        svg.matches(of: #/<text class="([^"]*)" x="([\d.]+)" y="([\d.]+)"( text-anchor="end")?>([^<]*)</#).compactMap {
            match in
            guard String(match.1) == textClass, let x = Double(match.2), let y = Double(match.3) else { return nil }
            let width = TextWidth.estimate(String(match.5), fontSize: 12)
            return (String(match.5), match.4 == nil ? x...(x + width) : (x - width)...x, (y - 12)...(y + 3))
        }
    }

    @Test(arguments: ["wide", "narrow"])
    func theWordsOfAnExpectedValueNeverOverprintAnEvents(_ variant: String) throws {
        // The truth site's first decision: rules at 30% and 100 downloads under five event texts.
        let page = try #require(Self.truth?.text("decisions/0001-measure-downloads.html"))
        for kind in ["line-chart", "share-chart"] {
            let svg = Self.chart(page, kind: kind, variant: variant)
            #expect(svg.contains("class=\"threshold\""), "\(kind) \(variant) has its rule")
            let events = Self.boxes(svg, "event-label")
            #expect(!events.isEmpty)
            for label in Self.boxes(svg, "threshold-label") {
                for event in events where event.x.overlaps(label.x) && event.y.overlaps(label.y) {
                    Issue.record("\(kind) \(variant): '\(label.text)' over '\(event.text)'")
                }
            }
        }
    }
}
