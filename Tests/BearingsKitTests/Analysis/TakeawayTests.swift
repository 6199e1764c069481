import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsLoading
@testable import BearingsModel

/// The takeaway under every chart (SPEC §4, issue #27), on small monthly series whose every
/// number is worked out by hand in the comments: shares are our value ÷ the sum of every project's
/// value that month, printed to one decimal; months are labelled "Jan 2020".
struct TakeawayTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    static let location = SourceLocation(path: "t.md")

    /// One usage metric "m" of Us, Them and Gizmo with the given (date, project, value) points.
    static func series(
        _ points: [(String, String, Double)], unit: String? = nil, lag: Lag? = nil, breakOn: String? = nil
    ) -> MetricSeries {
        let project = Project(
            name: "Us", id: "us", competitors: [.init(id: "them", name: "Them"), .init(id: "gizmo", name: "Gizmo")],
            location: location)
        let events =
            breakOn.map { [MetricEvent(date: day($0), text: "split", isBreak: true, location: location)] } ?? []
        let metric = Metric(id: "m", name: "M", kind: .usage, unit: unit, lag: lag, events: events, location: location)
        let observations = points.map {
            Observation(date: day($0.0), metric: "m", project: $0.1, value: $0.2, text: "", location: location)
        }
        let dataSet = DataSet(project: project, metrics: [metric], decisions: [], observations: observations)
        return Analysis.series(dataSet)["m"] ?? MetricSeries(metric: metric, lines: [], dates: [])
    }

    static func takeaway(_ reference: String) -> Takeaway {
        Takeaway(project: "us", names: ["us": "Us", "them": "Them", "gizmo": "Gizmo"], reference: day(reference))
    }

    func sentences(_ series: MetricSeries, reference: String) -> (share: String, values: String) {
        let takeaway = Self.takeaway(reference)
        return (takeaway.share(series, shares: Analysis.share(series, of: "us")), takeaway.values(series))
    }

    @Test func directionIsStayedWithinTwoPercentOfTheBase() {
        #expect(Takeaway.direction(from: 100, to: 102) == .stayed)
        #expect(Takeaway.direction(from: 100, to: 98) == .stayed)
        #expect(Takeaway.direction(from: 100, to: 102.5) == .rose)
        #expect(Takeaway.direction(from: 100, to: 97.5) == .fell)
        #expect(Takeaway.direction(from: 0, to: 0) == .stayed)
        #expect(Takeaway.direction(from: 0, to: 1) == .rose)
    }

    /// Shares 40 / 100 = 40.0%, 50 / 100 = 50.0%, 60 / 100 = 60.0%. Us leads Them 60 to 40 in March.
    @Test func aRiseSaysFromWhatToWhatAndWhoIsSecond() {
        let series = Self.series(
            [
                ("2020-01-01", "us", 40), ("2020-01-01", "them", 60), ("2020-02-01", "us", 50),
                ("2020-02-01", "them", 50), ("2020-03-01", "us", 60), ("2020-03-01", "them", 40),
            ], unit: "papers")
        let (share, values) = sentences(series, reference: "2020-03-01")
        #expect(share == "Us's share rose from 40.0% in Jan 2020 to 60.0% in Mar 2020.")
        #expect(
            values
                == "Us, first of 2 in Mar 2020, rose from 40 papers in Jan 2020 to 60 papers in Mar 2020. Them, second, fell from 60 papers in Jan 2020 to 40 papers in Mar 2020."
        )
    }

    /// Us 60, 20, 40 against Them 40, 80, 60: shares 60.0%, 20.0%, 40.0%; the end (40) is above
    /// the low in between (20) by far more than 2%. Them leads in March, 60 to 40.
    @Test func aFallSaysItsLowAndWhoIsFirst() {
        let series = Self.series(
            [
                ("2020-01-01", "us", 60), ("2020-01-01", "them", 40), ("2020-02-01", "us", 20),
                ("2020-02-01", "them", 80), ("2020-03-01", "us", 40), ("2020-03-01", "them", 60),
            ], unit: "papers")
        let (share, values) = sentences(series, reference: "2020-03-01")
        #expect(
            share == "Us's share fell from 60.0% in Jan 2020 to 40.0% in Mar 2020, above its low of 20.0% in Feb 2020.")
        #expect(
            values
                == "Us, second of 2 in Mar 2020, fell from 60 papers in Jan 2020 to 40 papers in Mar 2020, above its low of 20 papers in Feb 2020. Them, first, rose from 40 papers in Jan 2020 to 60 papers in Mar 2020."
        )
    }

    /// Shares 50 / 100 = 50.0%, 70 / 100 = 70.0%, 101 / 200 = 50.5%: +1% of 50.0%, within 2%, so
    /// it stayed; the peak of 70.0% in between is 28% above the end.
    @Test func aShareThatStayedSaysSoAndItsPeak() {
        let series = Self.series([
            ("2020-01-01", "us", 50), ("2020-01-01", "them", 50), ("2020-02-01", "us", 70),
            ("2020-02-01", "them", 30), ("2020-03-01", "us", 101), ("2020-03-01", "them", 99),
        ])
        let (share, _) = sentences(series, reference: "2020-03-01")
        #expect(
            share
                == "Us's share stayed about the same, 50.0% in Jan 2020 and 50.5% in Mar 2020, below its peak of 70.0% in Feb 2020."
        )
    }

    /// Gizmo is last measured in February: the share is 20 / 100 = 20.0% in January, 30 / 100 =
    /// 30.0% in February, unknown from March; the rank in April cannot be known either.
    @Test func anUnknownNewestShareSaysSinceWhenAndWhy() {
        let series = Self.series([
            ("2020-01-01", "us", 20), ("2020-01-01", "them", 30), ("2020-01-01", "gizmo", 50),
            ("2020-02-01", "us", 30), ("2020-02-01", "them", 30), ("2020-02-01", "gizmo", 40),
            ("2020-03-01", "us", 30), ("2020-03-01", "them", 30),
            ("2020-04-01", "us", 40), ("2020-04-01", "them", 30),
        ])
        let (share, values) = sentences(series, reference: "2020-04-01")
        #expect(
            share
                == "Us's share is unknown since Mar 2020 (Gizmo not measured since Feb 2020); before that it rose from 20.0% in Jan 2020 to 30.0% in Feb 2020."
        )
        #expect(
            values
                == "Us rose from 20 in Jan 2020 to 40 in Apr 2020; its rank in Apr 2020 is unknown (Gizmo not measured then)."
        )
    }

    /// One month only: 10 / (10 + 30) = 25.0%.
    @Test func oneValueIsTooFewToShowAChange() {
        let series = Self.series([("2020-01-01", "us", 10), ("2020-01-01", "them", 30)])
        let (share, values) = sentences(series, reference: "2020-01-01")
        #expect(share == "Us's share was 25.0% in Jan 2020, the only period it is known; too few to show a change.")
        #expect(values == "Us has one value so far: 10 in Jan 2020; too few to show a change.")
    }

    /// A lag of 3 months judged on 2020-05-01: January and February are settled (Feb + 3 months =
    /// 2020-05-01), March to May are not. Shares 10 / 20 = 50.0%, 20 / 30 = 66.7%; May's 50 / 60 =
    /// 83.3% is not final, so it is said apart, never as the end point.
    @Test func aValueNotSettledYetIsNeverTheEndPoint() throws {
        let lag = try #require(Lag("3 months"))
        let series = Self.series(
            ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01"].enumerated().flatMap { index, date in
                [(date, "us", Double(index + 1) * 10), (date, "them", 10)]
            }, lag: lag)
        let (share, values) = sentences(series, reference: "2020-05-01")
        #expect(
            share
                == "Us's share rose from 50.0% in Jan 2020 to 66.7% in Feb 2020. Us's share of May 2020, 83.3%, is not settled yet."
        )
        #expect(
            values
                == "Us, first of 2 in Feb 2020, rose from 10 in Jan 2020 to 20 in Feb 2020. Them, second, stayed about the same, 10 in Jan 2020 and 10 in Feb 2020. Us's value of May 2020, 50, is not settled yet."
        )
        // Judged on 2020-03-15 nothing is settled (January settles on 04-01): no end point to state.
        let early = Self.takeaway("2020-03-15").values(series)
        #expect(
            early
                == "Us has no settled value yet: every value is within the metric's lag (it lags 3 months). Us's value of May 2020, 50, is not settled yet."
        )
    }

    /// A break on 2020-03-01: only March (30 / 40 = 75.0%) and April (40 / 50 = 80.0%) are compared.
    @Test func nothingIsComparedAcrossABreak() {
        let series = Self.series(
            [
                ("2020-01-01", "us", 10), ("2020-01-01", "them", 10), ("2020-02-01", "us", 20),
                ("2020-02-01", "them", 10), ("2020-03-01", "us", 30), ("2020-03-01", "them", 10),
                ("2020-04-01", "us", 40), ("2020-04-01", "them", 10),
            ], breakOn: "2020-03-01")
        let (share, values) = sentences(series, reference: "2020-04-01")
        #expect(share == "Us's share rose from 75.0% in Mar 2020 to 80.0% in Apr 2020, since the break in Mar 2020.")
        #expect(
            values
                == "Us, first of 2 in Apr 2020, rose from 30 in Mar 2020 to 40 in Apr 2020, since the break in Mar 2020. Them, second, stayed about the same, 10 in Mar 2020 and 10 in Apr 2020."
        )
    }

    /// Us is last measured in February, Them in March: the shares are 10 / 20 = 50.0% and 20 / 30 =
    /// 66.7%, then unknown.
    @Test func aProjectNoLongerMeasuredSaysSince() {
        let series = Self.series([
            ("2020-01-01", "us", 10), ("2020-01-01", "them", 10), ("2020-02-01", "us", 20),
            ("2020-02-01", "them", 10), ("2020-03-01", "them", 10),
        ])
        let (share, values) = sentences(series, reference: "2020-03-01")
        #expect(
            share
                == "Us's share is unknown in Mar 2020 (Us not measured since Feb 2020); before that it rose from 50.0% in Jan 2020 to 66.7% in Feb 2020."
        )
        #expect(
            values
                == "Us has not been measured since Feb 2020 (the newest values are of Mar 2020); before that it rose from 10 in Jan 2020 to 20 in Feb 2020."
        )
    }

    /// A decision of 2020-02-15: the base is the newest value on or before it, February's (20, share
    /// 20 / 40 = 50.0%); "now" the newest settled value after it, April's (40, 40 / 60 = 66.7%) with
    /// a lag of 1 month judged on 2020-05-01; May's 50 is not settled yet. The same review as the
    /// decision page's table (`Analysis.review`).
    @Test func aDecisionChartSaysWhatHappenedSinceTheDecision() throws {
        let lag = try #require(Lag("1 month"))
        let series = Self.series(
            ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01"].enumerated().flatMap { index, date in
                [(date, "us", Double(index + 1) * 10), (date, "them", 20)]
            }, unit: "papers", lag: lag)
        var decision = Decision(id: "0001-x", title: "X", date: Self.day("2020-02-15"), location: Self.location)
        decision.watch = ["m"]
        let review = try #require(
            Analysis.review(decision, project: "us", series: ["m": series], reference: Self.day("2020-05-01")))
        let watched = try #require(review.watched.first)
        let takeaway = Self.takeaway("2020-05-01")
        let decided = Self.day("2020-02-15")
        #expect(
            takeaway.sinceDecision(watched, series, decided: decided, until: nil)
                == "Since the decision (2020-02-15), Us rose from 20 papers (Feb 2020) to 40 papers (Apr 2020). May 2020's 50 papers is not settled yet."
        )
        #expect(
            takeaway.shareSinceDecision(watched, series, decided: decided, until: nil, unknownWhy: "")
                == "Since the decision (2020-02-15), Us's share rose from 50.0% (Feb 2020) to 66.7% (Apr 2020)."
        )
        // A decision before the first value has no base: from the first value after it, January's 10.
        var before = decision
        before.date = Self.day("2019-12-15")
        let unmeasured = try #require(
            Analysis.review(before, project: "us", series: ["m": series], reference: Self.day("2020-05-01"))?
                .watched.first)
        #expect(
            takeaway.sinceDecision(unmeasured, series, decided: Self.day("2019-12-15"), until: nil)
                == "Us had no value at the decision (2019-12-15); after it, it rose from 10 papers (Jan 2020) to 40 papers (Apr 2020). May 2020's 50 papers is not settled yet."
        )
        // Judged on 2020-03-15, nothing after the decision is settled yet (March settles on 04-01).
        let early = try #require(
            Analysis.review(decision, project: "us", series: ["m": series], reference: Self.day("2020-03-15"))?
                .watched.first)
        #expect(
            Self.takeaway("2020-03-15").sinceDecision(early, series, decided: decided, until: nil)
                == "Too early to say what Us did since the decision (2020-02-15): no settled value since it yet (it lags 1 month). May 2020's 50 papers is not settled yet."
        )
    }

    /// The example's dashboard, from data/series/github-innovation-graph.csv (github-pushers rows):
    /// 2020 Q1 (2020-01-01) PyTorch 1315, TensorFlow 1544, Keras 398: 1315 / 3257 = 40.37% → 40.4%;
    /// 2025 Q3 (2025-07-01) PyTorch 2996, TensorFlow 1107, Keras 329, JAX 229: 2996 / 4661 =
    /// 64.28% → 64.3%; the highest share between, 2022 Q4 (2022-10-01): 3667 / (3667 + 1383 + 349)
    /// = 3667 / 5399 = 67.92% → 67.9% (2023 Q1 is 3965 / 5902 = 67.2%, the others lower); JAX's
    /// first row is 2023-01-01, 2023 Q1.
    @Test func theExamplesDashboardCaptionHasItsNumbers() throws {
        let plan = try #require(BadgeAndPreviewTests.planExample())
        let index = try #require(plan.text("index.html"))
        let captions = index.components(separatedBy: "\n").filter { $0.hasPrefix("<p class=\"takeaway\">") }
        #expect(
            captions == [
                "<p class=\"takeaway\">PyTorch&#39;s share rose from 40.4% in 2020 Q1 to 64.3% in 2025 Q3, below its peak of 67.9% in 2022 Q4; counted in the total: JAX from 2023 Q1.</p>"
            ])
    }

    /// An incomplete folder, Fixtures/sites/truth (data/series/downloads.csv): downloads break on
    /// 2020-07-01 and Gizmo is last reported on 2020-09-01. Widget's share: Jul 50 / (50 + 100 + 20)
    /// = 29.4%, Aug 55 / 175 = 31.4%, Sep 60 / 180 = 33.3%, unknown from Oct.
    @Test func theIncompleteFoldersDashboardCaptionSaysSinceWhenTheShareIsUnknown() throws {
        let options = BuildOptions(load: LoadOptions(dataDirectory: Fixtures.path("sites/truth/data")))
        let index = try #require(try SiteBuilder.plan(options).plan?.text("index.html"))
        let captions = index.components(separatedBy: "\n").filter { $0.hasPrefix("<p class=\"takeaway\">") }
        #expect(
            captions == [
                "<p class=\"takeaway\">Widget&#39;s share is unknown since Oct 2020 (Gizmo not measured since Sep 2020); before that it rose from 29.4% in Jul 2020 to 33.3% in Sep 2020, since the break in Jul 2020.</p>"
            ])
    }

    /// Decision 0010 (2020-04-21) watches github-pushers: the base is the newest value on or before
    /// its date, 2020-04-01 (2020 Q2), PyTorch 2135; the newest, 2025 Q3, 2996 (lag 0, settled).
    @Test func theExamplesDecisionCaptionHasItsBase() throws {
        let plan = try #require(BadgeAndPreviewTests.planExample())
        let page = try #require(plan.text("decisions/0010-integrate-the-core-keep-libraries-apart.html"))
        let captions = page.components(separatedBy: "\n").filter { $0.hasPrefix("<p class=\"takeaway\">") }
        #expect(
            captions.first
                == "<p class=\"takeaway\">Since the decision (2020-04-21), PyTorch rose from 2,135 developers (2020 Q2) to 2,996 developers (2025 Q3).</p>"
        )
    }
}
