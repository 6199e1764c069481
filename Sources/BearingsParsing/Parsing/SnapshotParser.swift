import BearingsModel

/// Reads snapshots/<any>.md: a date and a measurement table.
public enum SnapshotParser {
    /// The front matter keys of a snapshot. Not `title`: a snapshot's title is its first `# `
    /// heading, so a `title:` key would be ignored, and is reported.
    static let keys = ["date", "source"]

    /// Parses a snapshot; `id` is the file name without `.md`.
    public static func parse(_ source: SourceText, id: String, options: MarkdownOptions = MarkdownOptions())
        -> (Snapshot?, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let path = source.path
        let fileStart = SourceLocation(path: path, line: 1, column: 1)
        let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
        if !frontMatter.isPresent {
            diagnostics.append(
                .error(
                    fileStart, "the snapshot has no front matter",
                    hint: "start the file with '---', a line 'date: YYYY-MM-DD', and '---'"))
            return (nil, diagnostics)
        }
        var fields = FieldReader(frontMatter)
        let date = fields.day("date", required: true)
        let sourceURL = fields.string("source")
        diagnostics += fields.diagnostics
        diagnostics += frontMatter.unknownKeys(known: keys, file: "a snapshot")
        // The measurement table (the first, as below) is read from its tree; its HTML is never shown.
        var tableSeen = false
        var blocks = Markdown.parse(frontMatter.body, options: options) { node in
            if tableSeen || !isMeasurementTable(node) { return true }
            tableSeen = true
            return false
        }.blocks
        var title: String?
        if let index = blocks.firstIndex(where: { $0.node.kind == .heading(level: 1) }) {
            title = blocks[index].node.plainText.trimmingSpaces
            blocks.remove(at: index)
        }
        guard let tableIndex = blocks.firstIndex(where: { isMeasurementTable($0.node) }) else {
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: max(frontMatter.closingLine + 1, 1), column: 1),
                    "the snapshot has no measurement table",
                    hint: "add a table whose first header cell is 'metric', e.g. '| metric | \("project-id") |'"))
            return (nil, diagnostics)
        }
        let table = blocks.remove(at: tableIndex).node
        let lines = source.text.lines
        var snapshot = Snapshot(
            id: id, title: title ?? date?.description ?? id, date: date ?? Day(ordinal: 0), source: sourceURL,
            notes: MarkdownDocument(blocks: blocks), location: fileStart)
        readTable(table, lines: lines, path: path, date: snapshot.date, into: &snapshot, diagnostics: &diagnostics)
        return (date == nil ? nil : snapshot, diagnostics)
    }

    static func isMeasurementTable(_ node: MarkdownNode) -> Bool {
        guard node.kind == .table, let header = node.children.first,
            let first = header.children.first
        else { return false }
        return first.plainText.trimmingSpaces.lowercased() == "metric"
    }

    private static func readTable(
        _ table: MarkdownNode, lines: [Substring], path: String, date: Day, into snapshot: inout Snapshot,
        diagnostics: inout [Diagnostic]
    ) {
        guard let header = table.children.first else { return }
        let headerColumns = cellColumns(line(header.line, lines))
        // Lists sized once (kept with every snapshot to the end of a build), not grown by appends.
        var projects: [String?] = []
        projects.reserveCapacity(max(0, header.children.count - 1))
        var projectLocations: [SourceLocation] = []
        projectLocations.reserveCapacity(max(0, header.children.count - 1))
        var firstColumn: [String: Int] = [:]
        for (index, cell) in header.children.enumerated().dropFirst() {
            let text = cell.plainText.trimmingSpaces
            let location = SourceLocation(
                path: path, line: header.line,
                column: index < headerColumns.count ? headerColumns[index] : header.column)
            if text.isEmpty {
                diagnostics.append(
                    .error(
                        location, "column \(index + 1) of the measurement table has no project id",
                        hint: "write the project's id (from project.md) in the header"))
                projects.append(nil)
            } else if !Slug.isSlug(text) {
                diagnostics.append(
                    .error(
                        location, "column header '\(text)' is not a project id",
                        hint: "use the id from project.md, e.g. '\(Slug.make(text))'"))
                projects.append(nil)
            } else if firstColumn[text] != nil {
                diagnostics.append(.error(location, "project '\(text)' has two columns in the measurement table"))
                projects.append(nil)
            } else {
                firstColumn[text] = index
                projects.append(text)
                projectLocations.append(location)
            }
        }
        var kept: [String] = []
        kept.reserveCapacity(projectLocations.count)
        for case let project? in projects { kept.append(project) }
        snapshot.projects = kept
        snapshot.projectLocations = projectLocations
        snapshot.metrics.reserveCapacity(max(0, table.children.count - 1))
        snapshot.metricLocations.reserveCapacity(max(0, table.children.count - 1))
        var seenMetrics: [String: Int] = [:]
        // Every cell a value at most: reserved once rather than grown (and left with slack) by appends.
        var observations = ObservationStore()
        observations.reserveCapacity(max(0, table.children.count - 1) * projects.count)
        defer {
            observations.finishAppending()
            snapshot.observations = ObservationList(store: observations)
        }
        for row in table.children.dropFirst() {
            let rawLine = line(row.line, lines)
            let columns = cellColumns(rawLine)
            let rowStart = SourceLocation(path: path, line: row.line, column: columns.first ?? row.column)
            if columns.count != header.children.count {
                diagnostics.append(
                    .error(
                        rowStart,
                        "this row has \(columns.count) cell\(columns.count == 1 ? "" : "s") but the header has \(header.children.count)",
                        hint: "give every row one cell per column; leave a cell empty when a value was not measured"))
            }
            guard let metricCell = row.children.first else { continue }
            let metric = metricCell.plainText.trimmingSpaces
            if metric.isEmpty {
                diagnostics.append(
                    .error(rowStart, "this row has no metric id", hint: "write the metric's file name without '.md'"))
                continue
            }
            if let previous = seenMetrics[metric] {
                diagnostics.append(
                    .error(
                        rowStart, "metric '\(metric)' already has a row at line \(previous)",
                        hint: "merge the two rows into one"))
                continue
            }
            seenMetrics[metric] = row.line
            snapshot.metrics.append(metric)
            snapshot.metricLocations.append(rowStart)
            for (index, cell) in row.children.enumerated().dropFirst() {
                guard index - 1 < projects.count, let project = projects[index - 1] else { continue }
                // cmark-gfm pads short rows with empty cells; those are "not measured" anyway.
                let text = cell.plainText.trimmingSpaces
                let location = SourceLocation(
                    path: path, line: row.line, column: index < columns.count ? columns[index] : rowStart.column)
                switch ValueParser.parse(text) {
                case .missing: break
                case .value(let value, _):
                    observations.append(
                        Observation(
                            date: date, metric: metric, project: project, value: value, text: text, location: location))
                case .invalid(let message):
                    diagnostics.append(.error(location, message, hint: ValueParser.hint))
                }
            }
        }
    }

    private static func line(_ number: Int, _ lines: [Substring]) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The 1-based column of each cell's first non-space character in a table row, read from the
    /// raw line because cmark-gfm pads or cuts rows to the header's width.
    static func cellColumns(_ line: Substring) -> [Int] {
        let scalars = Array(line.unicodeScalars)
        var boundaries: [Int] = []  // indices of unescaped pipes outside code spans
        var index = 0
        var inCode = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == "`" { inCode.toggle() }
            if scalar == "|", !inCode { boundaries.append(index) }
            index += 1
        }
        let firstContent = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? 0
        let lastContent = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? 0
        // Cells are the segments between pipes; a pipe that opens or closes the row has none beyond it.
        var edges = boundaries
        if edges.first != firstContent { edges.insert(firstContent - 1, at: 0) }
        if edges.last != lastContent || edges.count == 1 { edges.append(scalars.count) }
        var columns: [Int] = []
        for (left, right) in zip(edges, edges.dropFirst()) {
            var position = left + 1
            while position < right, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
            columns.append((position < right ? position : left + 1) + 1)
        }
        return columns
    }
}
