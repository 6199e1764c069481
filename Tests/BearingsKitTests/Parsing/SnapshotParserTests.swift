import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// snapshots/<any>.md: a date and a measurement table, every cell reported at its line and column.
struct SnapshotParserTests {
    static let path = "data/snapshots/2019-06.md"

    private func parse(_ text: String) -> (Snapshot?, [Diagnostic]) {
        SnapshotParser.parse(SourceText(path: Self.path, text: text), id: "2019-06")
    }

    private static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private static func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func readsTheMeasurementTableWithTheLocationOfEveryCell() throws {
        let (snapshot, diagnostics) = parse(
            """
            ---
            date: 2019-06-30
            source: https://example.org/2019
            ---
            # Mid-2019

            | metric         | pytorch | tensorflow | mxnet |
            | -------------- | ------: | ---------: | ----: |
            | papers-share   |   49.7% |      50.3% |       |
            | arxiv-mentions | 2,100   | 3.4k       | 310   |

            Notes in *Markdown*.

            """)
        #expect(diagnostics == [])
        let read = try #require(snapshot)
        let date = Self.day("2019-06-30")
        #expect(read.id == "2019-06")
        #expect(read.title == "Mid-2019")
        #expect(read.date == date)
        #expect(read.source == "https://example.org/2019")
        #expect(read.projects == ["pytorch", "tensorflow", "mxnet"])
        #expect(read.metrics == ["papers-share", "arxiv-mentions"])
        #expect(read.metricLocations == [Self.at(9, 3), Self.at(10, 3)])
        #expect(
            read.observations == [
                Observation(
                    date: date, metric: "papers-share", project: "pytorch", value: 49.7, text: "49.7%",
                    location: Self.at(9, 22)),
                Observation(
                    date: date, metric: "papers-share", project: "tensorflow", value: 50.3, text: "50.3%",
                    location: Self.at(9, 35)),
                Observation(
                    date: date, metric: "arxiv-mentions", project: "pytorch", value: 2100, text: "2,100",
                    location: Self.at(10, 20)),
                Observation(
                    date: date, metric: "arxiv-mentions", project: "tensorflow", value: 3400, text: "3.4k",
                    location: Self.at(10, 30)),
                Observation(
                    date: date, metric: "arxiv-mentions", project: "mxnet", value: 310, text: "310",
                    location: Self.at(10, 43)),
            ])
        #expect(read.notes.html == "<p>Notes in <em>Markdown</em>.</p>\n")
        #expect(read.location == Self.at(1, 1))
    }

    @Test func takesTheFirstTableWhoseFirstHeaderIsMetricAndKeepsTheOthersAsNotes() throws {
        let (snapshot, diagnostics) = parse(
            """
            ---
            date: 2019-06-30
            ---
            | source | url |
            | --- | --- |
            | papers | x |

            | Metric | pytorch |
            | --- | --- |
            | stars | 5 |

            | metric | later |
            | --- | --- |
            | a | b |

            """)
        #expect(diagnostics == [])
        let read = try #require(snapshot)
        #expect(read.title == "2019-06-30")
        #expect(read.metrics == ["stars"])
        #expect(read.observations.map(\.value) == [5])
        #expect(read.notes.blocks.map(\.node.kind) == [.table, .table])
        // The notes keep their HTML, the second table headed "metric" too; only the measurement
        // table, which no page shows, is not rendered.
        #expect(
            read.notes.html == """
                <table>
                <thead>
                <tr>
                <th>source</th>
                <th>url</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>papers</td>
                <td>x</td>
                </tr>
                </tbody>
                </table>
                <table>
                <thead>
                <tr>
                <th>metric</th>
                <th>later</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>a</td>
                <td>b</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func findsCellsInATableWithoutOuterPipes() throws {
        let (snapshot, diagnostics) = parse(
            "---\ndate: 2019-06-30\n---\nmetric | pytorch\n--- | ---\npapers-share | 5\n")
        #expect(diagnostics == [])
        let read = try #require(snapshot)
        #expect(read.metricLocations == [Self.at(6, 1)])
        #expect(read.observations.map(\.location) == [Self.at(6, 16)])
    }

    static let valueHint = ValueParser.hint
    static let rowHint =
        "give every row one cell per column; leave a cell empty when a value was not measured"
    static let front = "---\ndate: 2019-06-30\n---\n"

    // Every text starts with the three front matter lines, so the table's header is line 4.
    static let mistakes: [Example<String, (observations: [String], diagnostics: [Diagnostic])>] = [
        Example(
            "a row with fewer cells than the header",
            front + "| metric | pytorch | tensorflow |\n| --- | --- | --- |\n| papers-share | 1 |\n",
            (
                ["papers-share/pytorch=1"],
                [.error(at(6, 3), "this row has 2 cells but the header has 3", hint: rowHint)]
            )),
        Example(
            "a row with more cells than the header",
            front + "| metric | pytorch |\n| --- | --- |\n| papers-share | 1 | 2 |\n",
            (
                ["papers-share/pytorch=1"],
                [.error(at(6, 3), "this row has 3 cells but the header has 2", hint: rowHint)]
            )),
        Example(
            "a repeated metric row",
            front + "| metric | pytorch |\n| --- | --- |\n| papers-share | 1 |\n| papers-share | 2 |\n",
            (
                ["papers-share/pytorch=1"],
                [
                    .error(
                        at(7, 3), "metric 'papers-share' already has a row at line 6",
                        hint: "merge the two rows into one")
                ]
            )),
        Example(
            "a header that is not a project id",
            front + "| metric | PyTorch | tensorflow |\n| --- | --- | --- |\n| papers-share | 1 | 2 |\n",
            (
                ["papers-share/tensorflow=2"],
                [
                    .error(
                        at(4, 12), "column header 'PyTorch' is not a project id",
                        hint: "use the id from project.md, e.g. 'pytorch'")
                ]
            )),
        Example(
            "an empty header cell",
            front + "| metric |  | tensorflow |\n| --- | --- | --- |\n| papers-share | 1 | 2 |\n",
            (
                ["papers-share/tensorflow=2"],
                [
                    .error(
                        at(4, 11), "column 2 of the measurement table has no project id",
                        hint: "write the project's id (from project.md) in the header")
                ]
            )),
        Example(
            "a project with two columns",
            front + "| metric | pytorch | pytorch |\n| --- | --- | --- |\n| papers-share | 1 | 2 |\n",
            (
                ["papers-share/pytorch=1"],
                [.error(at(4, 22), "project 'pytorch' has two columns in the measurement table")]
            )),
        Example(
            "cells that are not values",
            front
                + "| metric | pytorch | tensorflow | mxnet |\n| --- | --- | --- | --- |\n| papers-share | 1.2.3 | 12kk | 5 |\n",
            (
                ["papers-share/mxnet=5"],
                [
                    .error(at(6, 18), "'1.2.3' is not a number (unexpected '.')", hint: valueHint),
                    .error(at(6, 26), "'12kk' is not a number (unexpected 'k')", hint: valueHint),
                ]
            )),
        Example(
            "a row with no metric id",
            front + "| metric | pytorch |\n| --- | --- |\n|  | 1 |\n",
            (
                [],
                [
                    .error(
                        at(6, 2), "this row has no metric id",
                        hint: "write the metric's file name without '.md'")
                ]
            )),
    ]

    @Test(arguments: mistakes)
    func reportsAMistakeInTheTableAtItsCell(
        _ example: Example<String, (observations: [String], diagnostics: [Diagnostic])>
    ) throws {
        let (snapshot, diagnostics) = parse(example.input)
        let read = try #require(snapshot)
        #expect(
            read.observations.map { "\($0.metric)/\($0.project)=\(Int($0.value))" }
                == example.expected.observations)
        #expect(diagnostics == example.expected.diagnostics)
    }

    static let unusable: [Example<String, [Diagnostic]>] = [
        Example(
            "no front matter", "| metric | pytorch |\n| --- | --- |\n| stars | 1 |\n",
            [
                .error(
                    at(1, 1), "the snapshot has no front matter",
                    hint: "start the file with '---', a line 'date: YYYY-MM-DD', and '---'")
            ]),
        Example(
            "no date", "---\nsource: x\n---\n| metric | pytorch |\n| --- | --- |\n| stars | 1 |\n",
            [
                .error(
                    at(1, 1), "required front matter key 'date' is missing",
                    hint: "write the date as YYYY-MM-DD, e.g. 'date: 2019-06-30'")
            ]),
        Example(
            "a date that does not exist",
            "---\ndate: 2019-02-30\n---\n| metric | pytorch |\n| --- | --- |\n| stars | 1 |\n",
            [
                .error(
                    at(2, 7), "'2019-02-30' is not a real date",
                    hint: "write the date as YYYY-MM-DD, e.g. 'date: 2019-06-30'")
            ]),
        Example(
            "a date in another form",
            "---\ndate: 30/06/2019\n---\n| metric | pytorch |\n| --- | --- |\n| stars | 1 |\n",
            [
                .error(
                    at(2, 7), "'30/06/2019' is not a date in the form YYYY-MM-DD",
                    hint: "write the date as YYYY-MM-DD, e.g. 'date: 2019-06-30'")
            ]),
        Example(
            "no measurement table",
            "---\ndate: 2019-06-30\n---\n# Mid-2019\n\n| project | stars |\n| --- | --- |\n| pytorch | 1 |\n",
            [
                .error(
                    at(4, 1), "the snapshot has no measurement table",
                    hint: "add a table whose first header cell is 'metric', e.g. '| metric | project-id |'")
            ]),
    ]

    @Test(arguments: unusable)
    func givesNoSnapshotWhenItCannotBeUsed(_ example: Example<String, [Diagnostic]>) {
        let (snapshot, diagnostics) = parse(example.input)
        #expect(snapshot == nil)
        #expect(diagnostics == example.expected)
    }
}
