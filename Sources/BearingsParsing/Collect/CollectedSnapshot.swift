import BearingsModel

/// The text of the snapshot `bearings collect` writes: an ordinary snapshot whose table has one row per
/// collected metric, `?` where a value could not be had, and under it where every value comes from.
public enum CollectedSnapshot {
    /// One value asked for.
    public struct Value: Sendable, Equatable {
        /// The metric id (the table row).
        public var metric: String
        /// The project id (the table column).
        public var project: String
        /// The source asked.
        public var source: CollectSource
        /// The URL asked, as it may be shown (never with a token, which only ever goes in a header).
        public var url: String
        /// The number, or why there is none.
        public var outcome: Result<Int64, CollectFailure>

        /// Creates a value.
        public init(
            metric: String, project: String, source: CollectSource, url: String,
            outcome: Result<Int64, CollectFailure>
        ) {
            self.metric = metric
            self.project = project
            self.source = source
            self.url = url
            self.outcome = outcome
        }
    }

    /// The snapshot: front matter with the date, a title, the table (rows in `metrics` order, columns in
    /// `projects` order, empty where nothing was asked), then one provenance line per value in the same
    /// order, so the same answers always give the same bytes.
    public static func text(date: Day, metrics: [String], projects: [String], values: [Value]) -> String {
        var cells: [String: [String: Value]] = [:]
        for value in values { cells[value.metric, default: [:]][value.project] = value }
        let rows = metrics.map { metric in
            [metric]
                + projects.map { project in
                    switch cells[metric]?[project]?.outcome {
                    case .success(let number): String(number)
                    case .failure: "?"
                    case nil: ""
                    }
                }
        }
        var lines = ["---", "date: \(date)", "---", "# Collected \(date)", ""]
        lines += table(header: ["metric"] + projects, rows: rows)
        lines += ["", "## Where the numbers come from", ""]
        for metric in metrics {
            for project in projects {
                guard let value = cells[metric]?[project] else { continue }
                let asked = "<\(value.url)>"
                switch value.outcome {
                case .success(let number):
                    lines.append("- `\(metric)` for `\(project)`: \(number), from \(asked) (\(value.source.rawValue))")
                case .failure(let failure):
                    lines.append(
                        "- `\(metric)` for `\(project)`: not measured, \(failure.reason); asked \(asked) (\(value.source.rawValue))"
                    )
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table with aligned columns, numbers right-aligned (as `bearings new snapshot` writes them).
    static func table(header: [String], rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in
            max(3, ([header] + rows).map { $0[column].count }.max() ?? 0)
        }
        func row(_ cells: [String]) -> String {
            "| "
                + cells.enumerated().map { column, text in
                    let padding = String(repeating: " ", count: widths[column] - text.count)
                    return column == 0 ? text + padding : padding + text
                }.joined(separator: " | ") + " |"
        }
        let rule =
            "| "
            + widths.enumerated().map { column, width in
                column == 0 ? String(repeating: "-", count: width) : String(repeating: "-", count: width - 1) + ":"
            }.joined(separator: " | ") + " |"
        return [row(header), rule] + rows.map(row)
    }
}
