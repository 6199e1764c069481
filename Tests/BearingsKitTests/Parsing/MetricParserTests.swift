import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// metrics/<id>.md: what a metric measures and how to read it.
struct MetricParserTests {
    private func parse(_ text: String, id: String = "papers-share") -> (Metric?, [Diagnostic]) {
        MetricParser.parse(SourceText(path: "data/metrics/\(id).md", text: text), id: id)
    }

    @Test func readsEveryKey() throws {
        let (metric, diagnostics) = parse(
            """
            ---
            name: Share of conference papers
            kind: usage
            unit: "%"
            lag: 6 months
            higher_is_better: false
            scale: log
            source: https://paperswithcode.com
            ---
            # Papers share

            Counted by *hand*.

            """)
        #expect(diagnostics == [])
        let read = try #require(metric)
        #expect(read.id == "papers-share")
        #expect(read.name == "Share of conference papers")
        #expect(read.kind == .usage)
        #expect(read.unit == "%")
        #expect(read.isPercentage)
        #expect(read.lag == Lag(amount: 6, unit: .month))
        #expect(!read.higherIsBetter)
        #expect(read.scale == .log)
        #expect(read.source == "https://paperswithcode.com")
        #expect(read.description.html == "<p>Counted by <em>hand</em>.</p>\n")
        #expect(read.location == SourceLocation(path: "data/metrics/papers-share.md"))
    }

    @Test func fillsInTheDefaults() throws {
        let (metric, diagnostics) = parse(
            "---\nname: GitHub stars\nkind: vanity\n---\n", id: "github-stars")
        #expect(diagnostics == [])
        let read = try #require(metric)
        #expect(read.kind == .vanity)
        #expect(read.unit == nil)
        #expect(read.lag == nil)
        #expect(read.higherIsBetter)
        #expect(read.scale == .linear)
        #expect(read.description.isEmpty)
    }

    static let kinds: [Example<String, Metric.Kind>] = [
        Example("usage", "usage", .usage), Example("vanity", "vanity", .vanity),
        Example("community", "community", .community), Example("quality", "quality", .quality),
        Example("capitalised", "Usage", .usage),
    ]

    @Test(arguments: kinds)
    func readsEachKind(_ example: Example<String, Metric.Kind>) {
        let (metric, _) = parse("---\nname: x\nkind: \(example.input)\n---\n")
        #expect(metric?.kind == example.expected)
    }

    static let mistakes: [Example<(id: String, text: String), (parsed: Bool, diagnostics: [Diagnostic])>] = [
        Example(
            "no kind", (id: "stars", text: "---\nname: Stars\n---\n"),
            (
                false,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md"),
                        "required front matter key 'kind' is missing",
                        hint: "add 'kind: usage' (one of usage, vanity, community or quality)")
                ]
            )),
        Example(
            "no name", (id: "stars", text: "---\nkind: vanity\n---\n"),
            (
                false,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md"),
                        "required front matter key 'name' is missing",
                        hint: "add 'name: What is counted' to the front matter")
                ]
            )),
        Example(
            "an unknown kind", (id: "stars", text: "---\nname: Stars\nkind: popularity\n---\n"),
            (
                false,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md", line: 3, column: 7),
                        "unknown kind 'popularity' (expected usage, vanity, community or quality)")
                ]
            )),
        Example(
            "no front matter", (id: "stars", text: "# Stars\n"),
            (
                false,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md"), "the metric has no front matter",
                        hint: "start the file with '---', 'name: …', 'kind: usage', and '---'")
                ]
            )),
        Example(
            "a lag in quarters",
            (id: "stars", text: "---\nname: Stars\nkind: vanity\nlag: 1 quarter\n---\n"),
            (
                true,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md", line: 4, column: 6),
                        "'1 quarter' is not a lag",
                        hint: "write a number and a unit: '0', '10 days', '3 weeks', '6 months' or '1 year'")
                ]
            )),
        Example(
            "an unknown scale",
            (id: "stars", text: "---\nname: Stars\nkind: vanity\nscale: logarithmic\n---\n"),
            (
                true,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md", line: 4, column: 8),
                        "unknown scale 'logarithmic' (expected linear or log)")
                ]
            )),
        Example(
            "higher_is_better that is not a boolean",
            (id: "stars", text: "---\nname: Stars\nkind: vanity\nhigher_is_better: mostly\n---\n"),
            (
                true,
                [
                    .error(
                        SourceLocation(path: "data/metrics/stars.md", line: 4, column: 19),
                        "'higher_is_better' must be true or false, not 'mostly'")
                ]
            )),
        Example(
            "a file name that is not a slug",
            (id: "GitHub_Stars", text: "---\nname: Stars\nkind: vanity\n---\n"),
            (
                true,
                [
                    .error(
                        SourceLocation(path: "data/metrics/GitHub_Stars.md"),
                        "the metric file name 'GitHub_Stars.md' is not a slug",
                        hint: "rename it to 'github-stars.md': lower-case letters, digits and '-'")
                ]
            )),
    ]

    @Test(arguments: mistakes)
    func reportsAMistakeInAMetric(
        _ example: Example<(id: String, text: String), (parsed: Bool, diagnostics: [Diagnostic])>
    ) {
        let (metric, diagnostics) = parse(example.input.text, id: example.input.id)
        #expect((metric != nil) == example.expected.parsed)
        #expect(diagnostics == example.expected.diagnostics)
    }
}
