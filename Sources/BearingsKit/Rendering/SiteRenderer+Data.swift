import Foundation

extension SiteRenderer {
    /// Atom feed of decisions and snapshots, newest first.
    func feed() -> String {
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
                path: "decisions/\(decision.id).html",
                summary: "\(decision.statusText ?? "No status"). \(decision.body.summary ?? "")", kind: "decision")
        }
        entries += dataSet.snapshots.map { snapshot in
            Entry(
                date: snapshot.date, title: "Snapshot: \(snapshot.title)", path: snapshotPaths[snapshot.id] ?? "",
                summary: "\(snapshot.observations.count) values for \(snapshot.metrics.count) metrics. \(snapshot.notes.summary ?? "")",
                kind: "snapshot")
        }
        entries.sort { ($0.date, $0.path) > ($1.date, $1.path) }
        let idBase = baseURL ?? "urn:bearings:\(dataSet.project.id):"
        func xml(_ text: String) -> String { HTML.escape(text) }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(xml(dataSet.project.name)): decisions and snapshots</title>\n"
        out += "  <id>\(xml(idBase))</id>\n"
        if let baseURL { out += "  <link rel=\"self\" href=\"\(xml(baseURL))feed.xml\"/>\n  <link href=\"\(xml(baseURL))\"/>\n" }
        out += "  <updated>\(entries.first.map { "\($0.date)T00:00:00Z" } ?? "1970-01-01T00:00:00Z")</updated>\n"
        out += "  <author><name>\(xml(dataSet.project.name))</name></author>\n"
        for entry in entries {
            out += "  <entry>\n"
            out += "    <title>\(xml(entry.title))</title>\n"
            out += "    <id>\(xml(idBase + entry.path))</id>\n"
            out += "    <link href=\"\(xml((baseURL ?? "") + entry.path))\"/>\n"
            out += "    <updated>\(entry.date)T00:00:00Z</updated>\n"
            out += "    <category term=\"\(entry.kind)\"/>\n"
            out += "    <summary>\(xml(entry.summary.trimmingSpaces))</summary>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// sitemap.xml of every page, when a base URL is known.
    func sitemap(_ paths: [String]) -> String {
        guard let baseURL else { return "" }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in (paths + ["index.html"]).sorted() where path.hasSuffix(".html") && path != "404.html" {
            out += "  <url><loc>\(HTML.escape(baseURL + (path == "index.html" ? "" : path)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    /// Every data point with where it was written.
    func seriesCSV() -> String {
        var out = "date,metric,project,value,source_file,source_line\n"
        for observation in dataSet.observations {
            let fields = [
                observation.date.description, observation.metric, observation.project, plainNumber(observation.value),
                sourcePath(observation.location), String(observation.location.line),
            ]
            out += fields.map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number without exponent or trailing ".0".
    func plainNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The whole model as JSON, keys sorted.
    func siteJSON() -> String {
        struct Document: Encodable {
            var project: ProjectJSON
            var principles: [PrincipleJSON]
            var metrics: [MetricJSON]
            var decisions: [DecisionJSON]
            var snapshots: [SnapshotJSON]
            var observations: [ObservationJSON]
            var referenceDate: String
            var dataAsOf: String?
        }
        struct ProjectJSON: Encodable {
            var id, name: String
            var tagline, url, repository, headline: String?
            var competitors: [[String: String]]
        }
        struct PrincipleJSON: Encodable { var id, title: String }
        struct MetricJSON: Encodable {
            var id, name, kind, scale: String
            var unit, lag, source: String?
            var higherIsBetter: Bool
        }
        struct DecisionJSON: Encodable {
            var id, title: String
            var number: Int?
            var status, statusText, date, kind, review, supersededBy: String?
            var principles, watch, deciders, tags: [String]
        }
        struct SnapshotJSON: Encodable {
            var id, title, date, path: String
            var source: String?
            var metrics, projects: [String]
        }
        struct ObservationJSON: Encodable {
            var date, metric, project, text, sourceFile: String
            var value: Double
            var sourceLine: Int
        }
        let project = dataSet.project
        let document = Document(
            project: ProjectJSON(
                id: project.id, name: project.name, tagline: project.tagline, url: project.url,
                repository: project.repository, headline: headlineSeries?.metric.id,
                competitors: project.competitors.map { ["id": $0.id, "name": $0.name] }),
            principles: dataSet.principles.principles.map { PrincipleJSON(id: $0.id, title: $0.title) },
            metrics: dataSet.metrics.map {
                MetricJSON(
                    id: $0.id, name: $0.name, kind: $0.kind.rawValue, scale: $0.scale.rawValue, unit: $0.unit,
                    lag: $0.lag?.description, source: $0.source, higherIsBetter: $0.higherIsBetter)
            },
            decisions: dataSet.decisions.map {
                DecisionJSON(
                    id: $0.id, title: $0.title, number: $0.number, status: $0.status?.rawValue, statusText: $0.statusText,
                    date: $0.date?.description, kind: $0.kind?.rawValue, review: $0.review?.description,
                    supersededBy: $0.supersededBy, principles: $0.principles, watch: $0.watch, deciders: $0.deciders,
                    tags: $0.tags)
            },
            snapshots: dataSet.snapshots.map {
                SnapshotJSON(
                    id: $0.id, title: $0.title, date: $0.date.description, path: snapshotPaths[$0.id] ?? "",
                    source: $0.source, metrics: $0.metrics, projects: $0.projects)
            },
            observations: dataSet.observations.map {
                ObservationJSON(
                    date: $0.date.description, metric: $0.metric, project: $0.project, text: $0.text,
                    sourceFile: sourcePath($0.location), value: $0.value, sourceLine: $0.location.line)
            },
            referenceDate: referenceDate.description, dataAsOf: dataAsOf?.description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
