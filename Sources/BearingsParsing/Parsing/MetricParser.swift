import BearingsModel

/// Reads metrics/<id>.md.
public enum MetricParser {
    /// The front matter keys of a metric (`cadence`, `events` and `collect` are read by other stages).
    static let keys = [
        "name", "kind", "unit", "lag", "higher_is_better", "scale", "source", "cadence", "events", "collect",
    ]

    /// Parses a metric definition; `id` is the file name without `.md`.
    public static func parse(_ source: SourceText, id: String, options: MarkdownOptions = MarkdownOptions())
        -> (Metric?, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(path: source.path, line: 1, column: 1)
        if !Slug.isSlug(id) {
            diagnostics.append(
                .error(
                    location, "the metric file name '\(id).md' is not a slug",
                    hint: "rename it to '\(Slug.make(id)).md': lower-case letters, digits and '-'"))
        }
        let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
        return parse(source, id: id, options: options, frontMatter: frontMatter, diagnostics: diagnostics)
    }

    /// The rest of `parse(_:id:options:)`, once the front matter is read (the fuzz target reads it
    /// once for several parsers); `diagnostics` are those the name and reading it gave.
    static func parse(
        _ source: SourceText, id: String, options: MarkdownOptions, frontMatter: FrontMatter, diagnostics: [Diagnostic]
    ) -> (Metric?, [Diagnostic]) {
        var diagnostics = diagnostics
        let location = SourceLocation(path: source.path, line: 1, column: 1)
        if !frontMatter.isPresent {
            diagnostics.append(
                .error(
                    location, "the metric has no front matter",
                    hint: "start the file with '---', 'name: …', 'kind: usage', and '---'"))
            return (nil, diagnostics)
        }
        var fields = FieldReader(frontMatter)
        let name = fields.string("name", required: true, hint: "add 'name: What is counted' to the front matter")
        let kind = fields.choice("kind", Metric.Kind.self, required: true)
        let unit = fields.string("unit")
        var lag: Lag?
        if let text = fields.string("lag") {
            lag = Lag(text)
            if lag == nil {
                fields.diagnostics.append(
                    .error(
                        frontMatter.valueLocation("lag"), "'\(text)' is not a lag",
                        hint: "write a number and a unit: '0', '10 days', '3 weeks', '6 months' or '1 year'"))
            }
        }
        let higherIsBetter = fields.bool("higher_is_better") ?? true
        let scale = fields.choice("scale", Metric.Scale.self) ?? .linear
        let sourceURL = fields.string("source")
        let cadence = fields.choice("cadence", Cadence.self)
        let collect = CollectBlockParser.parse(frontMatter, diagnostics: &fields.diagnostics)
        diagnostics += fields.diagnostics
        let events = Self.events(frontMatter, diagnostics: &diagnostics)
        diagnostics += frontMatter.unknownKeys(known: keys, file: "a metric")
        guard let name, let kind else { return (nil, diagnostics) }
        var blocks = Markdown.parse(frontMatter.body, options: options).blocks
        if blocks.first?.node.kind == .heading(level: 1) { blocks.removeFirst() }
        let metric = Metric(
            id: id, name: name, kind: kind, unit: unit, lag: lag, higherIsBetter: higherIsBetter, scale: scale,
            source: sourceURL, cadence: cadence, events: events, description: MarkdownDocument(blocks: blocks),
            location: location, collect: collect)
        return (metric, diagnostics)
    }
}
