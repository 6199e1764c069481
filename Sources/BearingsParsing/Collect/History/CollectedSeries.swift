import BearingsModel

/// The series file `bearings collect --history` writes for one metric, `series/collected-<id>.csv`:
/// `date,metric,project,value,note`, one row per project and complete period, sorted by date then
/// project, values as whole numbers. The `note` column is left empty: a series note becomes an event
/// on the metric's charts, and where each value comes from is kept beside the file instead, in
/// `series/collected-<id>.sources.txt` (`provenancePath`).
public struct CollectedSeries: Sendable, Equatable {
    /// One row, as written.
    public struct Row: Sendable, Equatable {
        /// The period's first day.
        public var date: Day
        /// The project id.
        public var project: String
        /// The line as it is in the file (kept byte for byte when the file is written again).
        public var line: String

        /// A new row: `date,metric,project,value,` (ids are slugs, so nothing needs quoting).
        public init(date: Day, metric: String, project: String, value: Int64) {
            self.date = date
            self.project = project
            line = "\(date),\(metric),\(project),\(value),"
        }

        init(date: Day, project: String, line: String) {
            self.date = date
            self.project = project
            self.line = line
        }
    }

    /// The header row.
    public static let header = "date,metric,project,value,note"

    /// The rows, in any order.
    public var rows: [Row]

    /// An empty series.
    public init() { rows = [] }

    /// The series file's path for `metric` in `dataDirectory`.
    public static func path(dataDirectory: String, metric: String) -> String {
        joinPath(joinPath(dataDirectory, "series"), "collected-\(metric).csv")
    }

    /// The provenance file's path beside it: a `.txt`, which Bearings does not read as data.
    public static func provenancePath(dataDirectory: String, metric: String) -> String {
        joinPath(joinPath(dataDirectory, "series"), "collected-\(metric).sources.txt")
    }

    /// Reads a file this type wrote; throws why not when it is something else (a hand-written file of
    /// the same name, which is then left alone).
    public init(text: String, metric: String) throws(CollectFailure) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Self.header else {
            throw CollectFailure(
                "its first line is not '\(Self.header)', so 'bearings collect --history' did not write it")
        }
        rows = []
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 5, let date = Day(iso: String(fields[0])), fields[1] == metric,
                !fields[2].isEmpty, Int64(fields[3]) != nil
            else {
                throw CollectFailure(
                    "line \(index + 2) is not 'date,\(metric),project,value,' as 'bearings collect --history' writes it"
                )
            }
            rows.append(Row(date: date, project: String(fields[2]), line: line))
        }
    }

    /// The periods a project has a row for.
    public func dates(of project: String) -> Set<Day> {
        Set(rows.filter { $0.project == project }.map(\.date))
    }

    /// The file's text: the header, then the rows by date, then project.
    public var text: String {
        let sorted = rows.sorted { ($0.date, $0.project) < ($1.date, $1.project) }
        return ([Self.header] + sorted.map(\.line)).joined(separator: "\n") + "\n"
    }
}
