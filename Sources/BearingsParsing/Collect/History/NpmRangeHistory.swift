import Foundation
import BearingsModel

/// npm-downloads with `--history`: `GET {NPM}/downloads/range/{start}:{end}/{package}`, downloads per
/// day summed per month, in requests of at most 18 months (the API's limit for one package).
struct NpmRangeHistory: CollectHistory {
    var period: HistoryPeriod { .month }
    /// npm's download counts start on 2015-01-10.
    var earliest: Day { Day(year: 2015, month: 1, day: 1) ?? Day(ordinal: 0) }
    /// The first day the API has.
    static let firstDay = Day(year: 2015, month: 1, day: 10) ?? Day(ordinal: 0)
    /// Months in one request.
    static let monthsPerRequest = 18

    func origin(_ context: HistoryContext) -> String {
        "npm's download counts at " + CollectBases.shown(context.bases.url(.npm, "/downloads/range"))
    }

    func requests(for argument: String, from: Day, to: Day, context: HistoryContext) -> [HistoryRequest] {
        var requests: [HistoryRequest] = []
        var start = from
        while start < to {
            let next = min(start.addingMonths(Self.monthsPerRequest), to)
            let first = max(start, Self.firstDay)
            let last = next.addingDays(-1)
            if first <= last {
                // A scoped name keeps its slash, as the API takes it (and the point source sends it).
                requests.append(
                    HistoryRequest(
                        service: .npm, url: context.bases.url(.npm, "/downloads/range/\(first):\(last)/\(argument)")))
            }
            start = next
        }
        return requests
    }

    /// `{"start": …, "end": …, "package": …, "downloads": [{"downloads": n, "day": "YYYY-MM-DD"}, …]}`.
    struct Answer: Decodable {
        struct DayCount: Decodable {
            var downloads: Int64
            var day: String
        }
        var downloads: [DayCount]
    }

    func values(from answer: CollectAnswer, request: HistoryRequest) -> Result<[Day: Int64], CollectFailure> {
        let decoded: Answer
        do {
            decoded = try JSONDecoder().decode(Answer.self, from: Data(answer.body))
        } catch {
            return .failure(CollectFailure("the answer is not npm's downloads per day"))
        }
        var months: [Day: Int64] = [:]
        for entry in decoded.downloads {
            guard let day = Day(iso: entry.day), entry.downloads >= 0 else {
                return .failure(CollectFailure("the answer has a day that is not a date and a whole number ≥ 0"))
            }
            let month = period.start(of: day)
            let (sum, overflow) = months[month, default: 0].addingReportingOverflow(entry.downloads)
            guard !overflow else { return .failure(CollectFailure("the downloads of \(month) overflow")) }
            months[month] = sum
        }
        return .success(months)
    }
}
