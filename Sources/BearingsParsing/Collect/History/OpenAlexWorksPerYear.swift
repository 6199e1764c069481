import Foundation
import BearingsModel

/// openalex-works-per-year: `GET {OPENALEX}/works?search={query}&filter=publication_year:{first}-{last}&group_by=publication_year`,
/// the works that match the query (as `openalex-works` counts them) per publication year, in one request.
///
/// OpenAlex answers `{"meta": {"count": …, "groups_count": n, …}, "group_by": [{"key": "2021",
/// "key_display_name": "2021", "count": 6}, …]}`: keys are strings, groups are sorted by count, not
/// year, and a year without works has no group. A page holds at most 200 groups; the filter keeps the
/// years asked for (at most 130, 1970 to 2099), so one page holds them all, and an answer that says it
/// has more groups than it gives is refused rather than read short. The `unknown` group (works without
/// a year) is hidden unless asked for; should it come, it is left out, as are years outside 1970–2099.
struct OpenAlexWorksPerYear: CollectHistory {
    var period: HistoryPeriod { .year }
    /// The first year Bearings asks for: dates before 1970 are not read (`Day.readableYears`).
    var earliest: Day { Self.years.lowerBound }
    /// The years a group may be read as: 1970 to 2099.
    static let years: ClosedRange<Day> = {
        let first = Day(year: 1970, month: 1, day: 1) ?? Day(ordinal: 0)
        let last = Day(year: 2099, month: 1, day: 1) ?? first
        return first...last
    }()

    func origin(_ context: HistoryContext) -> String {
        "OpenAlex's works per publication year at " + CollectBases.shown(context.bases.url(.openalex, "/works"))
    }

    func requests(for argument: String, from: Day, to: Day, context: HistoryContext) -> [HistoryRequest] {
        let first = max(from.year, Self.years.lowerBound.year)
        let last = min(to.addingDays(-1).year, Self.years.upperBound.year)
        guard first <= last else { return [] }
        return [
            HistoryRequest(
                service: .openalex,
                url: context.bases.url(
                    .openalex,
                    "/works?search=\(argument.percentEncodedStrictly)&filter=publication_year:\(first)-\(last)"
                        + "&group_by=publication_year"))
        ]
    }

    /// The answer's shape; `meta` and `groups_count` may be missing (older answers have no count).
    struct Answer: Decodable {
        struct Meta: Decodable {
            var groups_count: Int?
        }
        struct Group: Decodable {
            var key: Key
            var count: Int64
        }
        /// A key as OpenAlex writes it (a string), or as a number should it ever come bare.
        struct Key: Decodable {
            var text: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self.text = text
                } else {
                    text = String(try container.decode(Int64.self))
                }
            }
        }
        var meta: Meta?
        var group_by: [Group]
    }

    func values(from answer: CollectAnswer, request: HistoryRequest) -> Result<[Day: Int64], CollectFailure> {
        guard let decoded = try? JSONDecoder().decode(Answer.self, from: Data(answer.body)) else {
            return .failure(CollectFailure("the answer is not OpenAlex's groups (group_by: key, count)"))
        }
        if let total = decoded.meta?.groups_count, total > decoded.group_by.count {
            return .failure(
                CollectFailure("OpenAlex gave \(decoded.group_by.count) of its \(total) groups; ask for fewer years"))
        }
        var years: [Day: Int64] = [:]
        for group in decoded.group_by {
            guard group.count >= 0 else {
                return .failure(CollectFailure("the count of '\(group.key.text)' in the answer is negative"))
            }
            if group.key.text == "unknown" { continue }
            guard group.key.text.utf8.count == 4, group.key.text.utf8.allSatisfy({ (48...57).contains($0) }),
                let year = Int(group.key.text),
                let day = Day(year: year, month: 1, day: 1)
            else {
                return .failure(CollectFailure("the answer has a group '\(group.key.text)', which is not a year"))
            }
            guard Self.years.contains(day) else { continue }
            guard years[day] == nil else { return .failure(CollectFailure("the answer names \(year) twice")) }
            years[day] = group.count
        }
        return .success(years)
    }

    /// The groups `values(from:request:)` leaves out: `unknown`, and years outside 1970–2099.
    func notes(from answer: CollectAnswer, request: HistoryRequest) -> [String] {
        guard let decoded = try? JSONDecoder().decode(Answer.self, from: Data(answer.body)) else { return [] }
        return decoded.group_by.compactMap { group in
            let works = "\(group.count) work\(group.count == 1 ? "" : "s")"
            if group.key.text == "unknown" {
                return "\(works) without a publication year (OpenAlex's unknown group) left out"
            }
            guard let year = Int(group.key.text), let day = Day(year: year, month: 1, day: 1), !Self.years.contains(day)
            else { return nil }
            return "\(works) of \(year) left out: Bearings reads the years 1970 to 2099"
        }
    }
}
