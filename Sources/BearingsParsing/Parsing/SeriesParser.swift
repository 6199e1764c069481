import CSV
import BearingsModel

/// Reads series/<any>.csv: tidy CSV with `date,metric,project,value` columns in any order.
public enum SeriesParser {
    static let requiredColumns = ["date", "metric", "project", "value"]

    /// What one series file holds: its values, the notes of its optional `note` column, and where
    /// it names each project.
    public struct File: Sendable, Equatable {
        /// Every value, in file order.
        public var observations: [Observation] = []
        /// Every non-empty note, as an event of its metric about its project, in file order.
        public var notes: [(metric: String, event: MetricEvent)] = []
        /// The first `project` field naming each project id, in file order: one place per id and
        /// file to say that it is not declared (every row repeating it would say nothing new).
        public var projects: [ProjectReference] = []

        public static func == (lhs: File, rhs: File) -> Bool {
            lhs.observations == rhs.observations && lhs.notes.map(\.metric) == rhs.notes.map(\.metric)
                && lhs.notes.map(\.event) == rhs.notes.map(\.event) && lhs.projects == rhs.projects
        }
    }

    /// Parses a series file into observations; with `knownMetrics`, a row naming another metric is
    /// reported at its metric field (once per metric) and dropped.
    public static func parse(_ source: SourceText, knownMetrics: Set<String>? = nil) -> ([Observation], [Diagnostic]) {
        let (file, diagnostics) = parseFile(source, knownMetrics: knownMetrics)
        return (file.observations, diagnostics)
    }

    /// Parses a series file into its values and notes (see `parse(_:knownMetrics:)`).
    public static func parseFile(_ source: SourceText, knownMetrics: Set<String>? = nil) -> (File, [Diagnostic]) {
        var notes: [(metric: String, event: MetricEvent)] = []
        var diagnostics: [Diagnostic] = []
        let path = source.path
        let reader: CSVReader
        do {
            reader = try CSVReader(string: source.text, hasHeaderRow: false)
        } catch {
            return (File(), [.error(SourceLocation(path: path), "the CSV file cannot be read: \(error)")])
        }
        let lines = source.text.lines
        var line = 1
        var header: [String: Int]?
        var observations: [Observation] = []
        var projects: [ProjectReference] = []
        var namedProjects = Set<String>()
        var lastProject = ""
        var reportedMetrics = Set<String>()
        if let (quoteLine, quoteColumn) = unclosedQuote(source.text) {
            // The CSV reader would silently take the rest of the file as that one field.
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: quoteLine, column: quoteColumn),
                    "the quoted field starting here never closes",
                    hint: "end it with '\"'; inside quotes, write a quote as '\"\"'"))
        }
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
            if row == [""] { continue }  // a blank line
            // A quoted field may hold line breaks, so a row can span several lines of the file.
            let rowLines = lines[min(rowLine - 1, lines.count)..<min(line - 1, lines.count)]
            let starts = fieldStarts(rowLines.joined(separator: "\n"))
            func location(_ index: Int) -> SourceLocation {
                guard index < starts.count else { return SourceLocation(path: path, line: rowLine, column: 1) }
                return SourceLocation(path: path, line: rowLine + starts[index].line, column: starts[index].column)
            }
            guard let columnIndex = header else {
                var found: [String: Int] = [:]
                for (index, name) in row.enumerated() {
                    let key = name.trimmingSpaces.lowercased()
                    if found[key] == nil { found[key] = index }
                }
                let missing = requiredColumns.filter { found[$0] == nil }
                if missing.count == requiredColumns.count {
                    diagnostics.append(
                        .error(
                            location(0), "the CSV file has no header row",
                            hint: "the first line must name the columns: date,metric,project,value"))
                    return (File(), diagnostics)
                }
                if !missing.isEmpty {
                    diagnostics.append(
                        .error(
                            location(0),
                            "the header has no \(missing.map { "'\($0)'" }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s")",
                            hint: "the first line must name the columns: date,metric,project,value"))
                    return (File(), diagnostics)
                }
                header = found
                continue
            }
            let dateIndex = columnIndex["date"] ?? 0, metricIndex = columnIndex["metric"] ?? 1
            let projectIndex = columnIndex["project"] ?? 2, valueIndex = columnIndex["value"] ?? 3
            let needed = max(dateIndex, metricIndex, projectIndex, valueIndex) + 1
            guard row.count >= needed else {
                diagnostics.append(
                    .error(
                        location(0),
                        "this row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(header?.count ?? needed)",
                        hint: "give every row a date, metric, project and value"))
                continue
            }
            let dateText = row[dateIndex].trimmingSpaces
            let metric = row[metricIndex].trimmingSpaces
            let project = row[projectIndex].trimmingSpaces
            let valueText = row[valueIndex].trimmingSpaces
            let noteIndex = columnIndex["note"]
            let note = noteIndex.flatMap { $0 < row.count ? row[$0].trimmingSpaces : nil } ?? ""
            var rowIsValid = true
            var day: Day?
            switch FieldReader.readDay(dateText) {
            case .success(let found): day = found
            case .failure(let problem):
                rowIsValid = false
                diagnostics.append(
                    .error(
                        location(dateIndex), problem.message,
                        hint: problem.hint ?? "write dates as YYYY-MM-DD, e.g. 2019-06-30"))
            }
            if !Slug.isSlug(metric) {
                rowIsValid = false
                diagnostics.append(
                    .error(
                        location(metricIndex),
                        metric.isEmpty ? "the metric is empty" : "'\(metric)' is not a metric id",
                        hint: "use the metric's file name without '.md'"))
            } else if let knownMetrics, !knownMetrics.contains(metric) {
                rowIsValid = false
                if reportedMetrics.insert(metric).inserted {
                    diagnostics.append(
                        .error(
                            location(metricIndex), "unknown metric '\(metric)'",
                            hint: Suggestion.hintFor(metric, among: knownMetrics, kind: "metric")))
                }
            }
            if !Slug.isSlug(project) {
                rowIsValid = false
                diagnostics.append(
                    .error(
                        location(projectIndex),
                        project.isEmpty ? "the project is empty" : "'\(project)' is not a project id",
                        hint: "use the project's id from project.md"))
            } else if project != lastProject {
                // Rows run in blocks of one project as a rule: most need no lookup at all.
                lastProject = project
                if namedProjects.insert(project).inserted {
                    projects.append(ProjectReference(id: project, location: location(projectIndex)))
                }
            }
            if rowIsValid, let day, let noteIndex, !note.isEmpty {
                notes.append(
                    (metric, MetricEvent(date: day, text: note, project: project, location: location(noteIndex))))
            }
            switch ValueParser.parse(valueText) {
            case .missing: continue
            case .invalid(let message):
                diagnostics.append(.error(location(valueIndex), message, hint: ValueParser.hint))
            case .value(let value, _):
                if rowIsValid, let day {
                    observations.append(
                        Observation(
                            date: day, metric: metric, project: project, value: value, text: valueText,
                            location: location(valueIndex)))
                }
            }
        }
        if header == nil {
            diagnostics.append(
                .error(
                    SourceLocation(path: path), "the CSV file has no header row",
                    hint: "the first line must name the columns: date,metric,project,value"))
        }
        return (File(observations: observations, notes: notes, projects: projects), diagnostics)
    }

    /// Where a quoted field that is still open at the end of the file starts (RFC 4180: a quote opens
    /// a quoted field only at the field's start; `""` inside it is a quote).
    static func unclosedQuote(_ text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0
        var atFieldStart = true
        var opened: (line: Int, column: Int)?
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            column += 1
            if opened != nil {
                if scalar == "\n" {
                    line += 1
                    column = 0
                } else if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        column += 1
                    } else {
                        opened = nil
                        pending = next
                    }
                }
                continue
            }
            switch scalar {
            case "\n":
                line += 1
                column = 0
                atFieldStart = true
            case ",":
                atFieldStart = true
            case "\"" where atFieldStart:
                opened = (line, column)
            default:
                atFieldStart = false
            }
        }
        return opened
    }

    /// Where each field of a CSV row starts: lines after the row's first (0-based) and 1-based column.
    static func fieldStarts(_ row: String) -> [(line: Int, column: Int)] {
        var starts = [(line: 0, column: 1)]
        var inQuotes = false
        var line = 0
        var column = 1
        for scalar in row.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            column += 1
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == ",", !inQuotes { starts.append((line, column)) }
        }
        return starts
    }
}
