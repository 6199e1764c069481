import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// SPEC §1: in every front matter, a key Bearings does not know is a warning that names it, with
/// "did you mean" when a known key is close; keys of imported decision records are their own.
struct UnknownKeyTests {
    static let projectHint =
        "the keys of project.md are name, id, tagline, url, repository, edit_url, base_url, headline, competitors, unsafe_html; Bearings ignores any other"
    static let metricHint =
        "the keys of a metric are name, kind, unit, lag, higher_is_better, scale, source, cadence, events, collect; Bearings ignores any other"
    static let decisionHint =
        "the keys of a decision are status, date, kind, principles, watch, review, reviewed, superseded_by, deciders, tags, expect, title; Bearings ignores any other"
    static let snapshotHint = "the keys of a snapshot are date, source; Bearings ignores any other"

    /// What each parser reports for a file: (file kind, path, text) in, diagnostics out.
    static func diagnostics(_ kind: String, _ path: String, _ text: String) -> [Diagnostic] {
        let source = SourceText(path: path, text: text)
        switch kind {
        case "project": return ProjectParser.parse(source).1.sorted()
        case "metric": return MetricParser.parse(source, id: "pypi-downloads").1.sorted()
        case "decision": return DecisionParser.parse(source, id: "0001-use-python").1.sorted()
        case "imported": return DecisionParser.parse(source, id: "0001-use-python", origin: .imported).1.sorted()
        case "snapshot": return SnapshotParser.parse(source, id: "2019-06").1.sorted()
        default: return PrinciplesParser.parse(source).1.sorted()
        }
    }

    private static func at(_ path: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    static let table = "\n| metric | pytorch |\n| --- | --: |\n| pypi-downloads | 6,981 |\n"

    static let cases: [Example<(kind: String, path: String, text: String), [Diagnostic]>] = [
        Example(
            "a competitor map under a singular key",
            ("project", "data/project.md", "---\nname: PyTorch\ncompetitor:\n  tensorflow: TensorFlow\n---\n"),
            [
                .warning(
                    at("data/project.md", 3, 1), "unknown key 'competitor'; did you mean 'competitors'?",
                    hint: projectHint)
            ]
        ),
        Example(
            "a metric's misspelt direction",
            (
                "metric", "data/metrics/pypi-downloads.md",
                "---\nname: Downloads from PyPI\nkind: usage\nhigher_is_beter: true\n---\n"
            ),
            [
                .warning(
                    at("data/metrics/pypi-downloads.md", 4, 1),
                    "unknown key 'higher_is_beter'; did you mean 'higher_is_better'?", hint: metricHint)
            ]
        ),
        Example(
            "the keys other stages read are known",
            (
                "metric", "data/metrics/pypi-downloads.md",
                "---\nname: Downloads\nkind: usage\ncadence: month\nevents: []\ncollect:\n  source: pypi-downloads\n  projects: {pytorch: torch}\n---\n"
            ),
            []
        ),
        Example(
            "a key with nothing close, in file order after a close one",
            (
                "decision", "data/decisions/0001-use-python.md",
                "---\nstatus: accepted\ndate: 2016-09-01\nwatc: [papers-share]\nowner: Soumith\n---\n# Put Python first\n"
            ),
            [
                .warning(
                    at("data/decisions/0001-use-python.md", 4, 1), "unknown key 'watc'; did you mean 'watch'?",
                    hint: decisionHint),
                .warning(at("data/decisions/0001-use-python.md", 5, 1), "unknown key 'owner'", hint: decisionHint),
            ]
        ),
        Example(
            "a capitalised key is another key",
            (
                "decision", "data/decisions/0001-use-python.md",
                "---\nStatus: accepted\ndate: 2016-09-01\n---\n# Put Python first\n"
            ),
            [
                .error(
                    at("data/decisions/0001-use-python.md", 1, 1), "the decision has no status",
                    hint: "add 'status: proposed' (or accepted, rejected, deprecated, superseded) to the front matter"),
                .warning(
                    at("data/decisions/0001-use-python.md", 2, 1), "unknown key 'Status'; did you mean 'status'?",
                    hint: decisionHint),
            ]
        ),
        Example(
            "a MADR 4 record read with --decisions keeps its own keys",
            (
                "imported", "docs/adr/0001-use-python.md",
                "---\nstatus: accepted\ndate: 2016-09-01\ndecision-makers: [Soumith]\nconsulted: [Adam]\ninformed: []\nparent: Decisions\nnav_order: 1\nwatc: [x]\n---\n# Put Python first\n"
            ),
            []
        ),
        Example(
            "a snapshot's misspelt source",
            (
                "snapshot", "data/snapshots/2019-06.md",
                "---\ndate: 2019-06-30\nsorce: https://pypistats.org\n---\n" + table
            ),
            [
                .warning(
                    at("data/snapshots/2019-06.md", 3, 1), "unknown key 'sorce'; did you mean 'source'?",
                    hint: snapshotHint)
            ]
        ),
        Example(
            "a snapshot's title is its heading, not a key",
            ("snapshot", "data/snapshots/2019-06.md", "---\ndate: 2019-06-30\ntitle: Mid-2019\n---\n" + table),
            [.warning(at("data/snapshots/2019-06.md", 3, 1), "unknown key 'title'", hint: snapshotHint)]
        ),
        Example(
            "principles.md has no keys at all",
            ("principles", "data/principles.md", "---\ntitle: Principles\n---\n## Immediate mode\n"),
            [
                .warning(
                    at("data/principles.md", 2, 1), "unknown key 'title'",
                    hint: "principles.md has no front matter keys Bearings reads; it ignores this one")
            ]
        ),
        Example(
            "a key inside a flow mapping is reported where it is",
            ("snapshot", "data/snapshots/2019-06.md", "---\n{date: 2019-06-30, sourse: x}\n---\n" + table),
            [
                .warning(
                    at("data/snapshots/2019-06.md", 2, 20), "unknown key 'sourse'; did you mean 'source'?",
                    hint: snapshotHint)
            ]
        ),
    ]

    @Test(arguments: cases)
    func warnsAtEveryKeyItDoesNotKnow(_ example: Example<(kind: String, path: String, text: String), [Diagnostic]>) {
        #expect(Self.diagnostics(example.input.kind, example.input.path, example.input.text) == example.expected)
    }

    /// Every key SPEC §1's examples write is known.
    @Test func knowsEveryKeyOfTheSpecExamples() {
        #expect(
            Set(ProjectParser.keys).isSuperset(of: [
                "name", "id", "tagline", "url", "repository", "base_url", "headline", "competitors",
            ]))
        #expect(
            Set(MetricParser.keys).isSuperset(of: [
                "name", "kind", "unit", "lag", "higher_is_better", "scale", "source", "cadence", "events", "collect",
            ]))
        #expect(
            Set(DecisionParser.keys).isSuperset(of: [
                "status", "date", "kind", "principles", "watch", "review", "superseded_by", "deciders", "tags",
                "expect",
            ]))
        #expect(Set(SnapshotParser.keys).isSuperset(of: ["date", "source"]))
    }
}
