import Foundation
import BearingsModel

/// A query for ClickHouse's HTTP interface: the SQL in the body of a POST, the answer's format in
/// `default_format`, every name only as a query parameter (`{repo:String}` in the SQL, `param_repo=…`
/// in the URL, bound by the server and never pasted into the SQL), and a `max_execution_time`.
/// The SQL aggregates on the server: the answer is one row per period.
public struct ClickHouseQuery: Sendable, Equatable {
    /// The SQL, constant text: it names values only as `{name:Type}`.
    public var sql: String
    /// The parameters' values by name (without `param_`).
    public var parameters: [String: String]

    /// Creates a query.
    public init(sql: String, parameters: [String: String]) {
        self.sql = sql
        self.parameters = parameters
    }

    /// The format asked for: JSON with the rows as arrays. ClickHouse quotes 64-bit integers in it or
    /// not depending on its version and `output_format_json_quote_64bit_integers`; both are read.
    static let format = "JSONCompact"

    /// The POST for `service`, its parameters sorted by name so the same query gives the same URL.
    public func request(_ service: CollectService, context: HistoryContext) -> HistoryRequest {
        let seconds = max(1, Int(context.timeout.rounded(.up)))
        var items = ["default_format=\(Self.format)", "max_execution_time=\(seconds)"]
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            items.append("param_\(name)=\(Self.escaped(value).percentEncodedStrictly)")
        }
        let url = context.bases.endpoint(service, query: items.joined(separator: "&"))
        return HistoryRequest(service: service, url: url, body: Array(sql.utf8))
    }

    /// A parameter's value as ClickHouse reads it: in its escaped (TabSeparated) form, where `\` starts
    /// an escape, so a backslash is doubled and a tab or line break written as `\t`, `\n`, `\r`.
    static func escaped(_ value: String) -> String {
        var result = ""
        // By scalar: "\r\n" is one Character, two escapes.
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The rows of a JSONCompact answer whose two columns are a period's first day (`YYYY-MM-DD`) and a
    /// whole number, quoted or not.
    public static func values(from answer: CollectAnswer) -> Result<[Day: Int64], CollectFailure> {
        let decoded: Answer
        do {
            decoded = try JSONDecoder().decode(Answer.self, from: Data(answer.body))
        } catch {
            return .failure(CollectFailure("the answer is not ClickHouse's JSONCompact"))
        }
        var result: [Day: Int64] = [:]
        for row in decoded.data {
            guard row.count == 2, case .text(let text) = row[0], let day = Day(iso: text) else {
                return .failure(CollectFailure("a row of the answer is not a date and a number"))
            }
            let number: Int64
            switch row[1] {
            case .integer(let value): number = value
            case .text(let text):
                guard let value = Int64(text) else {
                    return .failure(CollectFailure("'\(text)' in the answer is not a whole number"))
                }
                number = value
            case .other: return .failure(CollectFailure("a row of the answer is not a date and a number"))
            }
            guard number >= 0 else { return .failure(CollectFailure("\(number) in the answer is negative")) }
            guard result[day] == nil else { return .failure(CollectFailure("the answer names \(day) twice")) }
            result[day] = number
        }
        return .success(result)
    }

    /// JSONCompact: `{"meta": […], "data": [[…], …], "rows": n, …}`.
    struct Answer: Decodable {
        var data: [[Cell]]
    }

    /// One field: a string (dates; quoted 64-bit integers), a whole number, or anything else.
    enum Cell: Decodable {
        case text(String)
        case integer(Int64)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let number = try? container.decode(Int64.self) {
                self = .integer(number)
            } else {
                self = .other
            }
        }
    }

    /// The text of a ClickHouse error answer, cut to its first line and 300 characters: "Code: 60.
    /// DB::Exception: Unknown table …".
    public static func errorText(_ answer: CollectAnswer) -> String? {
        let text = String(decoding: answer.body.prefix(2000), as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first.map(String.init), line.hasPrefix("Code:")
        else { return nil }
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}

/// gharchive-stars, -forks, -issues, -contributors: GH Archive's `github_events` on ClickHouse, one
/// count per month for a repository.
struct GHArchiveHistory: CollectHistory {
    enum Count {
        /// WatchEvents (a star given; unstarring leaves no event).
        case stars
        /// ForkEvents.
        case forks
        /// IssuesEvents with action `opened`.
        case issues
        /// Distinct actors of PushEvents and of PullRequestEvents with action `opened`, logins ending
        /// `[bot]` left out.
        case contributors
    }

    var count: Count

    var period: HistoryPeriod { .month }
    /// GH Archive starts on 2011-02-12.
    var earliest: Day { Day(year: 2011, month: 2, day: 1) ?? Day(ordinal: 0) }

    func origin(_ context: HistoryContext) -> String {
        "GH Archive (github_events) on ClickHouse at "
            + CollectBases.shown(context.bases.endpoint(.gharchive, query: ""))
    }

    /// The SQL: constant text, the repository and the months only as parameters.
    var sql: String {
        let condition: String
        let value: String
        switch count {
        case .stars:
            condition = "event_type = 'WatchEvent'"
            value = "count()"
        case .forks:
            condition = "event_type = 'ForkEvent'"
            value = "count()"
        case .issues:
            condition = "event_type = 'IssuesEvent' AND action = 'opened'"
            value = "count()"
        case .contributors:
            condition =
                "event_type IN ('PushEvent', 'PullRequestEvent')"
                + " AND (event_type = 'PushEvent' OR action = 'opened') AND NOT endsWith(actor_login, '[bot]')"
            value = "uniqExact(actor_login)"
        }
        return """
            SELECT toStartOfMonth(created_at) AS period, \(value) AS value
            FROM github_events
            WHERE \(condition)
              AND repo_name = {repo:String}
              AND created_at >= {from:DateTime} AND created_at < {to:DateTime}
            GROUP BY period
            ORDER BY period
            """
    }

    func requests(for argument: String, from: Day, to: Day, context: HistoryContext) -> [HistoryRequest] {
        let query = ClickHouseQuery(
            sql: sql, parameters: ["repo": argument, "from": "\(from) 00:00:00", "to": "\(to) 00:00:00"])
        return [query.request(.gharchive, context: context)]
    }

    func values(from answer: CollectAnswer, request: HistoryRequest) -> Result<[Day: Int64], CollectFailure> {
        ClickHouseQuery.values(from: answer)
    }
}

/// clickpy-downloads: ClickPy's `pypi.pypi_downloads_per_day` on ClickHouse, the downloads per month of
/// a package (every version), by its name normalized as PyPI does.
struct ClickPyHistory: CollectHistory {
    var period: HistoryPeriod { .month }
    /// PyPI's download logs on BigQuery, which ClickPy loads, start in 2016.
    var earliest: Day { Day(year: 2016, month: 1, day: 1) ?? Day(ordinal: 0) }

    func origin(_ context: HistoryContext) -> String {
        "ClickPy (pypi.pypi_downloads_per_day) on ClickHouse at "
            + CollectBases.shown(context.bases.endpoint(.clickpy, query: ""))
    }

    static let sql = """
        SELECT toStartOfMonth(date) AS period, sum(count) AS value
        FROM pypi.pypi_downloads_per_day
        WHERE project = {package:String}
          AND date >= {from:Date} AND date < {to:Date}
        GROUP BY period
        ORDER BY period
        """

    /// PEP 503's normalized name: lower case, every run of `-`, `_` and `.` one `-`.
    static func normalized(_ name: String) -> String {
        var result = ""
        var inRun = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !inRun { result.append("-") }
                inRun = true
            } else {
                result.append(character)
                inRun = false
            }
        }
        return result
    }

    func requests(for argument: String, from: Day, to: Day, context: HistoryContext) -> [HistoryRequest] {
        let query = ClickHouseQuery(
            sql: Self.sql,
            parameters: ["package": Self.normalized(argument), "from": "\(from)", "to": "\(to)"])
        return [query.request(.clickpy, context: context)]
    }

    func values(from answer: CollectAnswer, request: HistoryRequest) -> Result<[Day: Int64], CollectFailure> {
        ClickHouseQuery.values(from: answer)
    }
}
