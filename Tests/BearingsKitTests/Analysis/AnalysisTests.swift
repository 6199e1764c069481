@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsModel
@testable import BearingsRendering
import Testing

/// Analysis on small hand-made series whose answers can be read off the table.
struct AnalysisTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    /// A data set with one metric and the given (date, project, value) points.
    static func dataSet(
        _ points: [(String, String, Double)], kind: Metric.Kind = .usage, unit: String? = nil, lag: Lag? = nil,
        higherIsBetter: Bool = true, decisions: [Decision] = []
    ) -> DataSet {
        let location = SourceLocation(path: "t.md")
        let project = Project(name: "Us", id: "us", competitors: [.init(id: "them", name: "Them")], location: location)
        let metric = Metric(
            id: "m", name: "M", kind: kind, unit: unit, lag: lag, higherIsBetter: higherIsBetter, location: location)
        let observations = points.map {
            Observation(date: day($0.0), metric: "m", project: $0.1, value: $0.2, text: "", location: location)
        }
        return DataSet(project: project, metrics: [metric], decisions: decisions, observations: observations)
    }

    static func series(_ dataSet: DataSet) -> MetricSeries {
        Analysis.series(dataSet)["m"] ?? MetricSeries(metric: dataSet.metrics[0], lines: [], dates: [])
    }

    @Test func crossoversCountPassesThatLastAndSkipTies() {
        // February's lead is followed by a tie, so it is no pass; June's is the newest comparison.
        let data = Self.dataSet([
            ("2020-01-01", "us", 1), ("2020-01-01", "them", 2),
            ("2020-02-01", "us", 3), ("2020-02-01", "them", 2),
            ("2020-03-01", "us", 2), ("2020-03-01", "them", 2),
            ("2020-04-01", "us", 1), ("2020-04-01", "them", 2),
            ("2020-05-01", "us", 5),
            ("2020-06-01", "us", 3), ("2020-06-01", "them", 2),
        ])
        let (crossovers, ties) = Analysis.crossovers(Self.series(data), project: "us")
        #expect(crossovers.map { "\($0.date) \($0.weLead)" } == ["2020-06-01 true"])
        #expect(ties.map { "\($0.0)" } == ["2020-03-01"])
    }

    @Test func lowerIsBetterTurnsPassingAround() {
        let data = Self.dataSet(
            [("2020-01-01", "us", 5), ("2020-01-01", "them", 3), ("2020-02-01", "us", 1), ("2020-02-01", "them", 3)],
            higherIsBetter: false)
        #expect(Analysis.crossovers(Self.series(data), project: "us").crossovers.map(\.weLead) == [true])
    }

    @Test func shareIsUnknownWhereAMemberOfTheCategoryIsNotMeasured() {
        // Monthly: "us" misses February, "them" misses March. Over the members left the share
        // would read 0% and 100%; it is unknown on both dates.
        let data = Self.dataSet([
            ("2020-01-01", "us", 1), ("2020-01-01", "them", 3),
            ("2020-02-01", "them", 4),
            ("2020-03-01", "us", 2),
        ])
        let series = Self.series(data)
        #expect(series.cadence == .month)
        let shares = Analysis.share(series, of: "us")
        #expect(
            shares.map { "\($0.date) \($0.share.map { String($0) } ?? "unknown") \($0.notMeasured)" } == [
                "2020-01-01 0.25 []", "2020-02-01 unknown [\"us\"]", "2020-03-01 unknown [\"them\"]",
            ])
        #expect(shares.map(\.projectsMeasured) == Array(repeating: ["us", "them"], count: 3))
        #expect(Analysis.denominatorChanges(shares).isEmpty)
    }

    @Test func aProjectJoinsTheCategoryAtItsFirstValue() {
        let data = Self.dataSet([
            ("2020-01-01", "them", 3), ("2020-02-01", "them", 4), ("2020-02-01", "us", 1), ("2020-03-01", "us", 2),
            ("2020-03-01", "them", 6),
        ])
        let shares = Analysis.share(Self.series(data), of: "us")
        // Before its first value "us" is not in the category, and its own share is unknown.
        #expect(shares.map(\.share) == [nil, 0.2, 0.25])
        #expect(shares.map(\.projectsMeasured) == [["them"], ["us", "them"], ["us", "them"]])
        #expect(Analysis.denominatorChanges(shares).map(\.description) == ["2020-02-01"])
    }

    @Test func aBreakStartsTheCategoryAfreshAndStopsComparisons() {
        // A counting change on 2020-03-01: "them" is no longer reported after it, which is no
        // gap in the new series; the crossover of March is not computed across the break.
        var data = Self.dataSet([
            ("2020-01-01", "us", 1), ("2020-01-01", "them", 3), ("2020-02-01", "us", 2), ("2020-02-01", "them", 3),
            ("2020-03-01", "us", 5), ("2020-04-01", "us", 6), ("2020-04-01", "them", 2),
        ])
        data.metrics[0].events = [
            MetricEvent(
                date: Self.day("2020-03-01"), text: "New counting", isBreak: true, location: data.metrics[0].location)
        ]
        let series = Self.series(data)
        #expect(series.breaks.map(\.description) == ["2020-03-01"])
        #expect(Analysis.share(series, of: "us").map(\.share) == [0.25, 0.4, 1.0, 0.75])
        // The order flips between February (3 > 2) and April (6 > 2), but across the break.
        #expect(Analysis.crossovers(series, project: "us").crossovers.isEmpty)
        let change = Analysis.change(series.line("us") ?? .init(project: "", points: []), in: series)
        #expect(change?.previous?.date.description == "2020-03-01")
        let march = Analysis.change(
            .init(project: "us", points: Array((series.line("us")?.points ?? []).prefix(3))), in: series)
        #expect(march?.previous == nil)
    }

    @Test func monthlyChangesCompareOnePeriodAndOneYearBackOrSayUnknown() throws {
        let data = Self.dataSet([
            ("2019-05-01", "us", 8), ("2019-06-01", "us", 10), ("2019-07-01", "us", 12), ("2020-05-01", "us", 20),
            ("2020-07-01", "us", 30),
        ])
        let series = Self.series(data)
        let line = try #require(series.line("us"))
        let change = try #require(Analysis.change(line, in: series))
        // June 2020 was not measured: no "since previous" bridged to May.
        #expect(change.previous == nil)
        #expect(change.yearAgo?.date.description == "2019-07-01")
        #expect(change.overYearRelative == 1.5)
        #expect(
            series.gaps(line).map(\.description) == [
                "2019-08-01", "2019-09-01", "2019-10-01", "2019-11-01", "2019-12-01", "2020-01-01", "2020-02-01",
                "2020-03-01", "2020-04-01", "2020-06-01",
            ])
        #expect(series.gapCount(line) == 10)
    }

    @Test func chartLinesAreCutAtAMissingPeriodOrABreakButNotBetweenIrregularValues() throws {
        // Monthly with June missing: one gap, drawn as a point without a value.
        var monthly = Self.dataSet([
            ("2020-04-01", "us", 1), ("2020-05-01", "us", 2), ("2020-07-01", "us", 3), ("2020-08-01", "us", 4),
        ])
        monthly.metrics[0].cadence = .month
        let series = Self.series(monthly)
        let line = try #require(series.line("us"))
        #expect(SiteRenderer.chartPoints(line, in: series).map { $0.value } == [1, 2, nil, 3, 4])
        // Biennial, like ICCV: irregular, so nothing is missing and the line is whole.
        let biennial = Self.series(Self.dataSet([("2017-11-01", "us", 1), ("2019-11-01", "us", 5)]))
        #expect(biennial.cadence == nil)
        let two = try #require(biennial.line("us"))
        #expect(SiteRenderer.chartPoints(two, in: biennial).map { $0.value } == [1, 5])
        // A break between two irregular values cuts the line.
        var split = Self.dataSet([("2017-11-01", "us", 1), ("2019-11-01", "us", 5)])
        split.metrics[0].events = [
            MetricEvent(
                date: Self.day("2018-06-01"), text: "New count", isBreak: true, location: split.metrics[0].location)
        ]
        let splitSeries = Self.series(split)
        let splitLine = try #require(splitSeries.line("us"))
        #expect(SiteRenderer.chartPoints(splitLine, in: splitSeries).map { $0.value } == [1, nil, 5])
    }

    @Test func sharesDoNotApplyToPercentagesOrVanity() {
        let location = SourceLocation(path: "t.md")
        #expect(!Analysis.shareApplies(Metric(id: "p", name: "P", kind: .usage, unit: "%", location: location)))
        #expect(!Analysis.shareApplies(Metric(id: "v", name: "V", kind: .vanity, location: location)))
        #expect(Analysis.shareApplies(Metric(id: "c", name: "C", kind: .community, location: location)))
    }

    @Test func irregularChangeOverAYearUsesTheNewestPointAtLeast365DaysOld() throws {
        let data = Self.dataSet([
            ("2019-01-01", "us", 10), ("2019-06-01", "us", 20), ("2020-05-31", "us", 30), ("2020-06-01", "us", 40),
        ])
        let series = Self.series(data)
        // Spacings of 151, 365 and 1 days: no cadence holds half of them.
        #expect(series.cadence == nil)
        let line = try #require(series.line("us"))
        let change = try #require(Analysis.change(line, in: series))
        #expect(change.previous?.value == 30)
        // 2020-06-01 − 366 days; 2019-06-02 would be too late.
        #expect(change.yearAgo?.date.description == "2019-06-01")
        #expect(change.overYear == 20)
        #expect(change.overYearRelative == 1.0)
        #expect(change.sincePreviousRelative == 10.0 / 30.0)
    }

    @Test func betReviewIsTooEarlyUntilTheLagHasPassed() throws {
        let location = SourceLocation(path: "d.md")
        let decision = Decision(
            id: "0001-x", title: "X", status: .accepted, date: Self.day("2020-01-15"), watch: ["m"], location: location)
        let points: [(String, String, Double)] = [
            ("2020-01-01", "us", 1), ("2020-01-01", "them", 3), ("2020-06-01", "us", 3), ("2020-06-01", "them", 3),
        ]
        let early = Self.dataSet(points, lag: Lag(amount: 6, unit: .month))
        let review = try #require(
            Analysis.review(decision, project: "us", series: Analysis.series(early), reference: Self.day("2020-06-01")))
        #expect(review.watched.map(\.tooEarly) == [true])
        #expect(review.watched.first?.then?.value == 1)
        #expect(review.watched.first?.shareThen == 0.25)
        // June's value is the only one since the decision and is not settled: shown apart, not judged.
        #expect(review.watched.first?.now == nil)
        #expect(review.watched.first?.unsettled?.date.description == "2020-06-01")
        #expect(review.watched.first?.unsettled?.value == 3)
        #expect(review.watched.first?.shareNow == nil)
        #expect(review.watched.first?.shareChange == nil)
        // With a 3-month lag, June's value is settled from September on, not before.
        let settled = Analysis.series(Self.dataSet(points, lag: Lag(amount: 3, unit: .month)))
        let before = Analysis.review(decision, project: "us", series: settled, reference: Self.day("2020-08-31"))
        #expect(before?.watched.map(\.tooEarly) == [true])
        let after = Analysis.review(decision, project: "us", series: settled, reference: Self.day("2020-09-01"))
        #expect(after?.watched.map(\.tooEarly) == [false])
        #expect(after?.watched.first?.now?.value == 3)
        #expect(after?.watched.first?.unsettled == nil)
        #expect(after?.watched.first?.shareNow == 0.5)
        #expect(after?.watched.first?.shareChange == 0.25)
        // Superseded on 2020-03-01: "now" stops there, and no value lies between the two dates.
        let until = Analysis.review(
            decision, project: "us", series: settled, reference: Self.day("2020-09-01"), until: Self.day("2020-03-01"))
        #expect(until?.watched.first?.now == nil)
        #expect(until?.watched.first?.unsettled == nil)
        #expect(until?.watched.map(\.tooEarly) == [true])
    }

    @Test func dueForReviewListsStandingBetsWhoseReviewDateHasCome() {
        let location = SourceLocation(path: "d.md")
        func decision(_ id: String, _ status: Decision.Status, _ review: String) -> Decision {
            Decision(
                id: id, title: id, status: status, date: Self.day("2019-01-01"), review: Self.day(review),
                location: location)
        }
        let decisions = [
            decision("b", .accepted, "2020-06-01"), decision("a", .proposed, "2020-01-01"),
            decision("c", .superseded, "2020-01-01"), decision("d", .accepted, "2020-06-02"),
        ]
        #expect(
            Analysis.dueForReview(decisions, verdicts: [:], reference: Self.day("2020-06-01")).map(\.decision.id) == [
                "a", "b",
            ])
    }

    @Test func dueComesFromAReviewDateOrAFinalVerdictAfterTheLastReview() {
        let location = SourceLocation(path: "d.md")
        var decision = Decision(
            id: "0001-x", title: "X", status: .accepted, date: Self.day("2014-01-01"), review: Self.day("2015-01-01"),
            location: location)
        decision.reviewed = Self.day("2015-06-01")
        let expectation = Expectation(
            metric: "m", condition: .passes("them"), conditionText: "them", by: Self.day("2016-12-31"),
            location: location)
        func verdict(_ verdict: ExpectationVerdict.Verdict) -> ExpectationVerdict {
            ExpectationVerdict(
                decision: "0001-x", expectation: expectation, by: Self.day("2016-12-31"), verdict: verdict,
                judged: SeriesPoint(date: Self.day("2016-12-01"), value: 80, observation: 0))
        }
        let lags = ["m": Lag(amount: 6, unit: .month)]
        // The review date is covered by the review of 2015-06-01; the met verdict is final once
        // 2016-12-01 + 6 months = 2017-06-01 has come, not at its 'by' date.
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.met)], lags: lags, reference: Self.day("2017-05-31")) == nil
        )
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.met)], lags: lags, reference: Self.day("2018-01-01"))
                == Self.day("2017-06-01"))
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.missed)], lags: [:], reference: Self.day("2018-01-01"))
                == Self.day("2016-12-31"))
        // Too early and no data never make it due; neither does anything once it is reviewed after.
        for other in [ExpectationVerdict.Verdict.tooEarly, .noData, .withdrawn] {
            #expect(
                Analysis.dueSince(decision, verdicts: [verdict(other)], lags: lags, reference: Self.day("2018-01-01"))
                    == nil)
        }
        decision.reviewed = Self.day("2017-06-01")
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.met)], lags: lags, reference: Self.day("2018-01-01")) == nil
        )
        // Without the review, the review date is the longest wait.
        decision.reviewed = nil
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.met)], lags: lags, reference: Self.day("2018-01-01"))
                == Self.day("2015-01-01"))
        decision.status = .rejected
        #expect(
            Analysis.dueSince(decision, verdicts: [verdict(.met)], lags: lags, reference: Self.day("2018-01-01")) == nil
        )
    }
}
