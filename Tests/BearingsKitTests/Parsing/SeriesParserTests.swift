import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// series/<any>.csv: tidy CSV, columns in any order, RFC 4180 quoting, values in SPEC §1's grammar.
struct SeriesParserTests {
    static let path = "data/series/history.csv"

    private static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private func parse(_ text: String) -> ([Observation], [Diagnostic]) {
        SeriesParser.parse(SourceText(path: Self.path, text: text))
    }

    /// `metric/project@date=value (text) line:column`, one string per observation.
    private func summary(_ observations: [Observation]) -> [String] {
        observations.map {
            "\($0.metric)/\($0.project)@\($0.date)=\($0.value) (\($0.text)) \($0.location.line):\($0.location.column)"
        }
    }

    static let valid: [Example<String, [String]>] = [
        Example(
            "the usual column order",
            "date,metric,project,value\n2019-06-30,papers-share,pytorch,49.7%\n2019-06-30,papers-share,tensorflow,50.3%\n",
            [
                "papers-share/pytorch@2019-06-30=49.7 (49.7%) 2:33",
                "papers-share/tensorflow@2019-06-30=50.3 (50.3%) 3:36",
            ]),
        Example(
            "columns in another order",
            "project,value,date,metric\npytorch,2.1k,2019-06-30,arxiv-mentions\n",
            ["arxiv-mentions/pytorch@2019-06-30=2100.0 (2.1k) 2:9"]),
        Example(
            "extra columns, ignored",
            "date,note,metric,project,value,source\n2019-06-30,\"first, rough\",stars,pytorch,100,github\n",
            ["stars/pytorch@2019-06-30=100.0 (100) 2:41"]),
        Example(
            "a quoted value with a thousands separator",
            "date,metric,project,value\n2019-06-30,papers-share,pytorch,\"1,234\"\n",
            ["papers-share/pytorch@2019-06-30=1234.0 (1,234) 2:33"]),
        Example(
            "a quoted field with a line break moves later rows down a line",
            "date,note,metric,project,value\n2019-06-30,\"two\nlines\",stars,pytorch,1\n2019-07-31,,stars,pytorch,2\n",
            [
                "stars/pytorch@2019-06-30=1.0 (1) 3:22",
                "stars/pytorch@2019-07-31=2.0 (2) 4:27",
            ]),
        Example(
            "a capitalised header with spaces",
            "Date, Metric ,Project,VALUE\n2019-06-30,stars,pytorch,5\n",
            ["stars/pytorch@2019-06-30=5.0 (5) 2:26"]),
        Example(
            "blank lines and not-measured values are skipped",
            "date,metric,project,value\n\n2019-06-30,stars,pytorch,-\n2019-06-30,stars,jax,n/a\n2019-07-31,stars,pytorch,7\n",
            ["stars/pytorch@2019-07-31=7.0 (7) 5:26"]),
    ]

    @Test(arguments: valid)
    func readsObservations(_ example: Example<String, [String]>) {
        let (observations, diagnostics) = parse(example.input)
        #expect(diagnostics == [])
        #expect(summary(observations) == example.expected)
    }

    static let headerHint = "the first line must name the columns: date,metric,project,value"

    static let mistakes: [Example<String, (observations: Int, diagnostics: [Diagnostic])>] = [
        Example(
            "a header without a project column", "date,metric,value\n2019-06-30,stars,5\n",
            (0, [.error(at(1, 1), "the header has no 'project' column", hint: headerHint)])),
        Example(
            "a header without two columns", "date,metric\n2019-06-30,stars\n",
            (0, [.error(at(1, 1), "the header has no 'project', 'value' columns", hint: headerHint)])),
        Example(
            "a value that is not a number",
            "date,metric,project,value\n2019-06-30,stars,pytorch,1.2.3\n2019-07-31,stars,pytorch,12kk\n",
            (
                0,
                [
                    .error(at(2, 26), "'1.2.3' is not a number (unexpected '.')", hint: ValueParser.hint),
                    .error(at(3, 26), "'12kk' is not a number (unexpected 'k')", hint: ValueParser.hint),
                ]
            )),
        Example(
            "a date that does not exist", "date,metric,project,value\n2019-02-30,stars,pytorch,5\n",
            (
                0,
                [
                    .error(
                        at(2, 1), "'2019-02-30' is not a real date",
                        hint: "write dates as YYYY-MM-DD, e.g. 2019-06-30")
                ]
            )),
        Example(
            "a metric that is not an id",
            "date,metric,project,value\n2019-06-30,GitHub Stars,pytorch,5\n",
            (
                0,
                [
                    .error(
                        at(2, 12), "'GitHub Stars' is not a metric id",
                        hint: "use the metric's file name without '.md'")
                ]
            )),
        Example(
            "an empty project", "date,metric,project,value\n2019-06-30,stars,,5\n",
            (0, [.error(at(2, 18), "the project is empty", hint: "use the project's id from project.md")])
        ),
        Example(
            "a row with too few fields",
            "date,metric,project,value\n2019-06-30,stars,pytorch\n2019-07-31,stars,pytorch,5\n",
            (
                1,
                [
                    .error(
                        at(2, 1), "this row has 3 fields but the header has 4",
                        hint: "give every row a date, metric, project and value")
                ]
            )),
        Example(
            "no header at all", "\n",
            (0, [.error(at(1, 1), "the CSV file has no header row", hint: headerHint)])),
    ]

    @Test(arguments: mistakes)
    func reportsAMistakeAtItsField(
        _ example: Example<String, (observations: Int, diagnostics: [Diagnostic])>
    ) {
        let (observations, diagnostics) = parse(example.input)
        #expect(observations.count == example.expected.observations)
        #expect(diagnostics == example.expected.diagnostics)
    }
}
