import Foundation
import BearingsAnalysis
import BearingsLoading
import BearingsModel

extension SiteRenderer {
    /// Atom feed of decisions and snapshots, newest first, handed to `write` in pieces of about
    /// `chunkSize` bytes from one reused buffer, like the data files: neither made as a `String`
    /// nor held whole (6 MB on the benchmark's 10,012 files, held twice while its text grew).
    func feed(_ write: ([UInt8]) -> Void) {
        struct Entry {
            var date: Day
            var title: String
            var path: String
            var summary: String
            var kind: String
        }
        var entries: [Entry] = dataSet.decisions.compactMap { decision in
            guard let date = decision.date else { return nil }
            return Entry(
                date: date, title: "Decision \(decisionLabel(decision)): \(decision.title)",
                path: Self.decisionHref(decision.id),
                summary: "\(decision.statusText ?? "No status"). \(decision.body.summary ?? "")", kind: "decision")
        }
        entries += dataSet.snapshots.map { snapshot in
            Entry(
                date: snapshot.date, title: "Snapshot: \(snapshot.title)", path: snapshotPaths[snapshot.id] ?? "",
                summary:
                    "\(counted(snapshot.observations.count, "value", "values")) for \(counted(snapshot.metrics.count, "metric", "metrics")). \(snapshot.notes.summary ?? "")",
                kind: "snapshot")
        }
        // A bet whose verdict is final (met or missed), dated at the last of its judging dates.
        for decision in dataSet.decisions {
            guard let verdicts = betVerdicts[decision.id], let verdict = Analysis.betVerdict(verdicts),
                verdict == .met || verdict == .missed, let date = verdicts.compactMap(\.by).max()
            else { continue }
            entries.append(
                Entry(
                    date: date, title: "Bet \(verdict.words): \(decisionLabel(decision)) \(decision.title)",
                    path: "decisions/\(decision.id).html#bet-title",
                    summary: verdicts.map { "\(expectationSummary($0.expectation)): \($0.verdict.words)" }
                        .joined(separator: "; ") + ".", kind: "bet"))
        }
        entries.sort { ($0.date, $0.path) > ($1.date, $1.path) }
        var out = ByteBuffer(capacity: Self.chunkSize + 4096)
        let idBase = baseURL ?? "urn:bearings:\(dataSet.project.id):"
        func xml(_ text: String) -> String { HTML.escape(text) }
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        out.append("  <title>\(xml(dataSet.project.name)): decisions and snapshots</title>\n")
        out.append("  <id>\(xml(idBase))</id>\n")
        if let baseURL {
            out.append("  <link rel=\"self\" href=\"\(xml(baseURL))feed.xml\"/>\n  <link href=\"\(xml(baseURL))\"/>\n")
        }
        out.append("  <updated>\(entries.first.map { "\($0.date)T00:00:00Z" } ?? "1970-01-01T00:00:00Z")</updated>\n")
        out.append("  <author><name>\(xml(dataSet.project.name))</name></author>\n")
        for entry in entries {
            out.append("  <entry>\n")
            out.append("    <title>\(xml(entry.title))</title>\n")
            out.append("    <id>\(xml(idBase + entry.path))</id>\n")
            out.append("    <link href=\"\(xml((baseURL ?? "") + entry.path))\"/>\n")
            out.append("    <updated>\(entry.date)T00:00:00Z</updated>\n")
            out.append("    <category term=\"\(entry.kind)\"/>\n")
            out.append("    <summary>\(xml(entry.summary.trimmingSpaces))</summary>\n")
            out.append("  </entry>\n")
            if out.count >= Self.chunkSize {
                write(out.bytes)
                out.removeAll()
            }
        }
        out.append("</feed>\n")
        write(out.bytes)
    }

    /// sitemap.xml of every page, when a base URL is known.
    func sitemap(_ paths: [String]) -> String {
        guard let baseURL else { return "" }
        var out =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in Set(paths + ["index.html"]).sorted() where path.hasSuffix(".html") && path != "404.html" {
            out += "  <url><loc>\(HTML.escape(baseURL + (path == "index.html" ? "" : path)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    /// Every data point with where it was written.
    func seriesCSV() -> String { String(decoding: Self.collected(seriesCSV), as: UTF8.self) }

    /// `seriesCSV()`'s bytes handed to `write` in pieces of about `chunkSize` bytes, so that the
    /// file (64 MB on a 10,000-file site) is never held whole. Written from the store's columns
    /// into one reused buffer: each metric's, project's and file's field worked out once, dates
    /// and whole numbers without a `String`.
    func seriesCSV(_ write: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(Self.chunkSize + 4096)
        out.append(utf8: "date,metric,project,value,source_file,source_line\n")
        let columns = dataSet.observations.writtenColumns
        let metricFields = columns.metricIDs.map { Array(csvField($0).utf8) }
        let projectFields = columns.projectIDs.map { Array(csvField($0).utf8) }
        let fileFields = columns.paths.map { Array(csvField(sourcePath(SourceLocation(path: $0))).utf8) }
        let comma = UInt8(ascii: ",")
        for index in columns.days.indices {
            out.append(day: columns.days[index])
            out.append(comma)
            out.append(contentsOf: metricFields[Int(columns.metrics[index])])
            out.append(comma)
            out.append(contentsOf: projectFields[Int(columns.projects[index])])
            out.append(comma)
            out.append(plainNumber: columns.values[index])
            out.append(comma)
            out.append(contentsOf: fileFields[Int(columns.files[index])])
            out.append(comma)
            out.append(decimal: Int(columns.lines[index]))
            out.append(UInt8(ascii: "\n"))
            if out.count >= Self.chunkSize {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        write(out)
    }

    /// About how many bytes of a data file are handed on at a time.
    static let chunkSize = 1 << 20

    /// The pieces a writer hands on, joined.
    static func collected(_ produce: (([UInt8]) -> Void) -> Void) -> [UInt8] {
        var whole: [UInt8] = []
        produce { whole += $0 }
        return whole
    }

    func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number without exponent or trailing ".0".
    static func plainNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Below a billion, a value whose shortest form has at most six decimals is that form
        // rounded to six: the value is far closer to it than half a millionth. Most values are.
        if abs(value) < 1e9 {
            let shortest = value.description
            if let point = shortest.utf8.firstIndex(of: UInt8(ascii: ".")),
                !shortest.utf8.contains(UInt8(ascii: "e")),
                shortest.utf8.distance(from: point, to: shortest.utf8.endIndex) <= 7
            {
                return shortest
            }
        }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The whole model as JSON, keys sorted. Measured values come as rows, one per line of an input
    /// file (a snapshot table row, a series row): `{"date", "file", "line", "metric", "values":
    /// {project: number}}`, in the order of `data/series.csv`'s first appearance of each row.
    func siteJSON() -> String { String(decoding: Self.collected(siteJSON), as: UTF8.self) }

    /// `siteJSON()`'s bytes handed to `write` in pieces of about `chunkSize` bytes, from one reused
    /// buffer; the rows are made a metric at a time while they are written, so neither they nor
    /// the file are held whole.
    func siteJSON(_ write: ([UInt8]) -> Void) {
        let project = dataSet.project
        func strings(_ list: [String]) -> JSONText { .array(list.map(JSONText.string)) }
        let projectJSON: JSONText = .object([
            (
                "competitors",
                .array(
                    project.competitors.map { .line(.object([("id", .string($0.id)), ("name", .string($0.name))])) })
            ),
            ("headline", .optional(headlineSeries?.metric.id)), ("id", .string(project.id)),
            ("name", .string(project.name)),
            ("repository", .optional(project.repository)), ("tagline", .optional(project.tagline)),
            ("url", .optional(project.url)),
        ])
        let principles: [JSONText] = dataSet.principles.principles.map {
            .line(.object([("id", .string($0.id)), ("title", .string($0.title))]))
        }
        let metrics: [JSONText] = dataSet.metrics.map {
            .object([
                ("higherIsBetter", .bool($0.higherIsBetter)), ("id", .string($0.id)),
                ("kind", .string($0.kind.rawValue)),
                ("cadence", .optional(series[$0.id]?.cadence?.rawValue)),
                (
                    "events",
                    .array(
                        ($0.events).map { event in
                            .line(
                                .object([
                                    ("break", .bool(event.isBreak)), ("date", .string(event.date.description)),
                                    ("project", .optional(event.project)), ("text", .string(event.text)),
                                ]))
                        })
                ),
                ("lag", .optional($0.lag?.description)), ("name", .string($0.name)),
                ("scale", .string($0.scale.rawValue)),
                ("source", .optional($0.source)), ("unit", .optional($0.unit)),
            ])
        }
        // Decisions and snapshots made one at a time while they are written (`.items`), not as
        // tables of 5,000 each held beside the first pages (about 10 MB on the benchmark's corpus).
        let decisionJSON: (Decision) -> JSONText = {
            .object([
                ("date", .optional($0.date?.description)), ("deciders", .line(strings($0.deciders))),
                ("id", .string($0.id)),
                ("kind", .optional($0.kind?.rawValue)), ("number", $0.number.map(JSONText.integer) ?? .null),
                ("principles", .line(strings($0.principles))), ("review", .optional($0.review?.description)),
                ("status", .optional($0.status?.rawValue)), ("statusText", .optional($0.statusText)),
                ("supersededBy", .optional($0.supersededBy)), ("tags", .line(strings($0.tags))),
                ("title", .string($0.title)),
                ("watch", .line(strings($0.watch))),
            ])
        }
        let snapshotJSON: (Snapshot) -> JSONText = {
            .object([
                ("date", .string($0.date.description)), ("id", .string($0.id)), ("metrics", .line(strings($0.metrics))),
                ("path", .string(snapshotPaths[$0.id] ?? "")), ("projects", .line(strings($0.projects))),
                ("source", .optional($0.source)), ("title", .string($0.title)),
            ])
        }
        let document: JSONText = .object([
            ("analysis", analysisJSON()),
            ("dataAsOf", .optional(dataAsOf?.description)),
            ("decisions", .items { item in dataSet.decisions.forEach { item(decisionJSON($0)) } }),
            ("metrics", .array(metrics)),
            ("observations", .writtenItems(observationRows)), ("principles", .array(principles)),
            ("project", projectJSON),
            ("referenceDate", .string(referenceDate.description)),
            ("snapshots", .items { item in dataSet.snapshots.forEach { item(snapshotJSON($0)) } }),
        ])
        var out: [UInt8] = []
        out.reserveCapacity(Self.chunkSize + 4096)
        document.write(into: &out, indent: 0, compact: false) { out in
            guard out.count >= Self.chunkSize else { return }
            write(out)
            out.removeAll(keepingCapacity: true)
        }
        out.append(UInt8(ascii: "\n"))
        write(out)
    }

    /// The rows of `site.json`: observations that share a file, line, metric and day, with their
    /// values by project (sorted), in the order of each row's first observation. The observations
    /// come sorted by metric, so a row is complete when its metric's run ends and rows are handed
    /// to `item` a metric at a time; when a metric's values do not form one run (a data set made
    /// by hand), all rows are handed on at the end, in the same order. Read from the store's
    /// columns: rows are told apart by the positions of their file and metric, not by their text.
    func observationRows(_ item: ((inout [UInt8]) -> Void) -> Void) {
        struct Row {
            var first: Int
            var values: [(rank: Int32, value: Double)]
        }
        struct RowKey: Hashable {
            var file: Int32
            var line: Int32
            var metric: Int32
            var day: Day
        }
        let columns = dataSet.observations.writtenColumns
        let count = columns.days.count
        var metricRuns = true
        var finished = Set<Int32>()
        for index in columns.metrics.indices.dropFirst() where columns.metrics[index - 1] != columns.metrics[index] {
            finished.insert(columns.metrics[index - 1])
            if finished.contains(columns.metrics[index]) {
                metricRuns = false
                break
            }
        }
        // What is the same for many rows is written once: files, metric and project names.
        let files = columns.paths.map { path -> [UInt8] in
            var bytes: [UInt8] = []
            bytes.append(jsonString: sourcePath(SourceLocation(path: path)))
            return bytes
        }
        func names(_ ids: [String]) -> [[UInt8]] {
            ids.map { id in
                var bytes: [UInt8] = []
                bytes.append(jsonString: id)
                return bytes
            }
        }
        let metricNames = names(columns.metricIDs)
        // Projects are written in the order of their ids; a row's values are sorted by rank.
        let byID = columns.projectIDs.indices.sorted { columns.projectIDs[$0] < columns.projectIDs[$1] }
        let projectNames = names(byID.map { columns.projectIDs[$0] })
        var rank = [Int32](repeating: 0, count: columns.projectIDs.count)
        for (position, project) in byID.enumerated() { rank[project] = Int32(position) }

        var rows: [Row] = []
        var rowIndex: [RowKey: Int] = [:]
        func flush() {
            // Each row as `.line(.object([...]))` would write it, keys in order.
            for row in rows {
                let first = row.first
                item { out in
                    out.append(utf8: "{\"date\": \"")
                    out.append(day: columns.days[first])
                    out.append(utf8: "\", \"file\": ")
                    out.append(contentsOf: files[Int(columns.files[first])])
                    out.append(utf8: ", \"line\": ")
                    out.append(decimal: Int(columns.lines[first]))
                    out.append(utf8: ", \"metric\": ")
                    out.append(contentsOf: metricNames[Int(columns.metrics[first])])
                    out.append(utf8: ", \"values\": {")
                    for (index, (project, value)) in row.values.sorted(by: { $0.rank < $1.rank }).enumerated() {
                        if index > 0 { out.append(utf8: ", ") }
                        out.append(contentsOf: projectNames[Int(project)])
                        out.append(utf8: ": ")
                        out.append(jsonNumber: value)
                    }
                    out.append(utf8: "}}")
                }
            }
            rows.removeAll(keepingCapacity: true)
            rowIndex.removeAll(keepingCapacity: true)
        }
        var lastMetric: Int32 = -1
        for index in 0..<count {
            let metric = columns.metrics[index]
            if metricRuns, metric != lastMetric {
                flush()
                lastMetric = metric
            }
            let key = RowKey(
                file: columns.files[index], line: columns.lines[index], metric: metric, day: columns.days[index])
            let value = (rank: rank[Int(columns.projects[index])], value: columns.values[index])
            if let row = rowIndex[key] {
                rows[row].values.append(value)
            } else {
                rowIndex[key] = rows.count
                rows.append(Row(first: index, values: [value]))
            }
        }
        flush()
    }

    /// The computed numbers, so anyone can check them (SPEC §4): this project's share of each
    /// metric that has a share chart, one entry per date (null where unknown); every crossover
    /// with whether it is settled; the decisions due for review.
    func analysisJSON() -> JSONText {
        let project = dataSet.project.id
        // Shares and crossovers are made while they are written, a metric at a time: on a large
        // site they are tens of thousands of rows.
        var sharesJSON: [(String, JSONText)] = []
        var charted: [(Metric, MetricSeries)] = []
        for metric in dataSet.metrics {
            guard let metricSeries = series[metric.id], !metricSeries.lines.isEmpty else { continue }
            charted.append((metric, metricSeries))
            if let points = shares[metric.id], metricSeries.lines.count > 1 {
                sharesJSON.append(
                    (
                        metric.id,
                        .writtenItems { item in
                            for point in points {
                                item { out in
                                    out.append(utf8: "{\"date\": \"")
                                    out.append(day: point.date)
                                    out.append(utf8: "\", \"share\": ")
                                    if let share = point.share {
                                        out.append(jsonNumber: share)
                                    } else {
                                        out.append(utf8: "null")
                                    }
                                    out.append(UInt8(ascii: "}"))
                                }
                            }
                        }
                    ))
            }
        }
        // Each as `.line(.object([...]))` would write it: tens of thousands on noisy weekly data.
        let crossoversJSON = JSONText.writtenItems { item in
            for (metric, metricSeries) in charted {
                for crossover in crossings(metricSeries).crossovers {
                    let (passer, passed) =
                        crossover.weLead ? (project, crossover.competitor) : (crossover.competitor, project)
                    item { out in
                        out.append(utf8: "{\"date\": \"")
                        out.append(day: crossover.date)
                        out.append(utf8: "\", \"metric\": ")
                        out.append(jsonString: metric.id)
                        out.append(utf8: ", \"passed\": ")
                        out.append(jsonString: passed)
                        out.append(utf8: ", \"passer\": ")
                        out.append(jsonString: passer)
                        out.append(
                            utf8: isSettled(crossover.date, metric) ? ", \"settled\": true}" : ", \"settled\": false}")
                    }
                }
            }
        }
        let due = dueDecisions.map { JSONText.string($0.decision.id) }
        let bets: [JSONText] = dataSet.decisions.flatMap { decision in
            (betVerdicts[decision.id] ?? []).map { verdict in
                .line(
                    .object([
                        ("by", .optional(verdict.by?.description)), ("condition", .string(verdict.expectation.summary)),
                        ("decision", .string(decision.id)), ("metric", .string(verdict.expectation.metric)),
                        ("value", verdict.value.map(JSONText.number) ?? .null),
                        ("verdict", .string(verdict.verdict.rawValue)),
                    ]))
            }
        }
        return .object([
            ("bets", .array(bets)), ("crossovers", crossoversJSON), ("due", .line(.array(due))),
            ("shares", .object(sharesJSON)),
        ])
    }
}
