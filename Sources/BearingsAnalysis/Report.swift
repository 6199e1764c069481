import Foundation
import BearingsModel

extension Analysis {
    /// What the analysis stage works out of a validated data set, once, before any page is
    /// rendered: each metric's series, this project's shares, every bet judged and the gaps counted.
    /// The renderer reads it and computes nothing of the measurements on its own but words and
    /// drawings.
    package struct Report: Sendable {
        /// The day "due for review" and "too early" are judged against: SOURCE_DATE_EPOCH's day when
        /// set, else the newest data date.
        package let referenceDate: Day
        /// Each metric's series, by metric id.
        package let series: [String: MetricSeries]
        /// This project's share of each metric where shares apply (`shareApplies`), by metric id.
        package let shares: [String: [SharePoint]]
        /// Each decision's expectations judged, by decision id; decisions without any are absent.
        package let betVerdicts: [String: [ExpectationVerdict]]
        /// How many periods each metric's lines miss in all, by metric id.
        package let gapCounts: [String: Int]
        /// This project's crossovers and ties in each metric (`Analysis.crossovers`), by metric id:
        /// worked out once here, since the dashboard, the trends page, the metric pages, `site.json`
        /// and the digest all read them.
        package let crossovers: [String: Crossings]
    }

    /// This project's crossovers and ties in one metric, as `Analysis.crossovers` gives them.
    package struct Crossings: Sendable {
        /// Every change of order against a competitor, by date and competitor.
        package let crossovers: [Crossover]
        /// Every tie, by date and competitor.
        package let ties: [(Day, String)]

        /// Crossings as given.
        package init(crossovers: [Crossover], ties: [(Day, String)]) {
            self.crossovers = crossovers
            self.ties = ties
        }
    }

    /// The reference date of a build: the day of `sourceDateEpoch` when given, else the newest data
    /// date (the first day of the calendar for a data set without any).
    static func referenceDate(_ dataSet: DataSet, sourceDateEpoch: Int?) -> Day {
        sourceDateEpoch.map { Day(ordinal: Int((Double($0) / 86400).rounded(.down))) }
            ?? dataSet.newestDate ?? Day(ordinal: 0)
    }

    /// The analysis stage: the series first, then the shares and gap counts of each metric and the
    /// verdicts of each decision, each kind in parallel (they are independent of one another).
    package static func report(_ dataSet: DataSet, sourceDateEpoch: Int?) -> Report {
        let reference = referenceDate(dataSet, sourceDateEpoch: sourceDateEpoch)
        let projectID = dataSet.project.id
        let series = Analysis.series(dataSet)
        let metricIDs = series.keys.sorted()
        let perMetric = Slots<(shares: [SharePoint]?, gaps: Int, crossings: Crossings?)>(
            count: metricIDs.count, empty: (nil, 0, nil))
        DispatchQueue.concurrentPerform(iterations: metricIDs.count) { index in
            guard let metricSeries = series[metricIDs[index]] else { return }
            let shares = shareApplies(metricSeries.metric) ? share(metricSeries, of: projectID) : nil
            let gaps = metricSeries.lines.reduce(0) { $0 + metricSeries.gapCount($1) }
            let (crossovers, ties) = Analysis.crossovers(metricSeries, project: projectID)
            perMetric.set(index, (shares, gaps, Crossings(crossovers: crossovers, ties: ties)))
        }
        var shares: [String: [SharePoint]] = [:]
        var gapCounts: [String: Int] = [:]
        var crossings: [String: Crossings] = [:]
        for (id, found) in zip(metricIDs, perMetric.all) {
            shares[id] = found.shares
            gapCounts[id] = found.gaps
            crossings[id] = found.crossings
        }
        let decisionsByID = Dictionary(dataSet.decisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let judged = dataSet.decisions.filter { !$0.expectations.isEmpty }
        let verdicts = Slots<[ExpectationVerdict]>(count: judged.count, empty: [])
        let allShares = shares
        DispatchQueue.concurrentPerform(iterations: judged.count) { index in
            let decision = judged[index]
            verdicts.set(
                index,
                Analysis.verdicts(
                    decision, project: projectID, series: series, shares: allShares, reference: reference,
                    successorDate: decision.supersededBy.flatMap { decisionsByID[$0]?.date }))
        }
        var betVerdicts: [String: [ExpectationVerdict]] = [:]
        for (decision, found) in zip(judged, verdicts.all) { betVerdicts[decision.id] = found }
        return Report(
            referenceDate: reference, series: series, shares: shares, betVerdicts: betVerdicts, gapCounts: gapCounts,
            crossovers: crossings)
    }
}
