import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// Decision records in the three dialects SPEC §1 reads: front matter, adr-tools (Nygard) and MADR 2.
struct DecisionParserTests {
    private static func parse(
        _ text: String, id: String = "0012-use-rds", origin: DecisionParser.Origin = .own
    ) -> (Decision?, [Diagnostic]) {
        let (decision, diagnostics) = DecisionParser.parse(
            SourceText(path: "decisions/\(id).md", text: text), id: id, origin: origin)
        return (decision, diagnostics.sorted())
    }

    private static func at(_ line: Int, _ column: Int, _ id: String = "0012-use-rds")
        -> SourceLocation
    {
        SourceLocation(path: "decisions/\(id).md", line: line, column: column)
    }

    private static func day(_ text: String) -> Day { Day(iso: text)! }

    // MARK: Front matter

    @Test func readsEveryFrontMatterField() throws {
        let id = "0001-focus-on-researchers"
        let (decision, diagnostics) = Self.parse(
            """
            ---
            status: accepted
            date: 2016-09-01
            kind: scope
            principles: [immediate-mode, debuggability-first]
            watch: [papers-share]
            review: 2018-09-01
            deciders: [Soumith, Adam]
            tags: [python]
            ---
            # Focus on ML researchers, and no one else

            Body *text*.

            """, id: id)
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(read.id == id)
        #expect(read.number == 1)
        #expect(read.title == "Focus on ML researchers, and no one else")
        #expect(read.status == .accepted)
        #expect(read.statusText == "accepted")
        #expect(read.date == Self.day("2016-09-01"))
        #expect(read.kind == .scope)
        #expect(read.principles == ["immediate-mode", "debuggability-first"])
        #expect(read.watch == ["papers-share"])
        #expect(read.review == Self.day("2018-09-01"))
        #expect(read.supersededBy == nil)
        #expect(read.statusLinks == [])
        #expect(read.deciders == ["Soumith", "Adam"])
        #expect(read.tags == ["python"])
        #expect(read.body.html == "<p>Body <em>text</em>.</p>\n")
        #expect(read.dialect == .frontMatter)
        #expect(read.location == Self.at(1, 1, id))
        #expect(
            read.fieldLocations == [
                "status": Self.at(2, 9, id), "date": Self.at(3, 7, id), "kind": Self.at(4, 7, id),
                "principles": Self.at(5, 13, id), "watch": Self.at(6, 8, id), "review": Self.at(7, 9, id),
                "principles/immediate-mode": Self.at(5, 14, id),
                "principles/debuggability-first": Self.at(5, 30, id),
                "watch/papers-share": Self.at(6, 9, id),
            ])
    }

    @Test func readsTheSuccessorOfASupersededDecisionFromSupersededBy() throws {
        let (decision, diagnostics) = Self.parse(
            "---\nstatus: superseded\ndate: 2017-08-01\nsuperseded_by: 0015-use-aurora.md\n---\n# Use RDS\n"
        )
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(read.status == .superseded)
        #expect(read.supersededBy == "0015-use-aurora")
        #expect(read.fieldLocations["superseded_by"] == Self.at(4, 16))
    }

    static let frontMatterMistakes: [Example<String, [Diagnostic]>] = [
        Example(
            "an unknown status", "---\nstatus: aproved\ndate: 2017-08-01\n---\n# Use RDS\n",
            [
                .error(
                    at(2, 9),
                    "unknown status 'aproved' (expected proposed, accepted, rejected, deprecated or superseded)",
                    hint: "use one of the five statuses; words such as 'approved' or 'pending' are read too")
            ]),
        Example(
            "a superseded decision without its successor",
            "---\nstatus: superseded\ndate: 2017-08-01\n---\n# Use RDS\n",
            [
                .error(
                    at(2, 9), "a superseded decision must say which decision superseded it",
                    hint: "add 'superseded_by: <decision id>' to the front matter")
            ]),
        Example(
            "a date that does not exist", "---\nstatus: accepted\ndate: 2019-02-30\n---\n# Use RDS\n",
            [
                .error(
                    at(3, 7), "'2019-02-30' is not a real date",
                    hint: "write the date as YYYY-MM-DD, e.g. 'date: 2019-06-30'")
            ]),
        Example(
            "an unknown kind", "---\nstatus: accepted\ndate: 2017-08-01\nkind: bet\n---\n# Use RDS\n",
            [
                .error(
                    at(4, 7), "unknown kind 'bet' (expected scope, risk, integration, community or other)")
            ]),
        Example(
            "a principle listed twice",
            "---\nstatus: accepted\ndate: 2017-08-01\nprinciples: [speed, speed]\n---\n# Use RDS\n",
            [.warning(at(4, 21), "'speed' is listed twice in 'principles'")]),
        Example(
            "front matter that is not valid YAML, which hides whether status and date are there",
            "---\nstatus: accepted: yes\ndate: 2017-08-01\n---\n# Use RDS\n",
            [
                .error(
                    at(2, 17), "front matter is not valid YAML: mapping values are not allowed in this context",
                    hint:
                        "quote values that contain ': ' or start with a special character such as [ { * & ! | > ' \" % @ `"
                )
            ]),
        Example(
            "no status, date or title", "---\nkind: scope\n---\nJust text.\n",
            [
                .error(
                    at(1, 1), "the decision has no date", hint: "add 'date: YYYY-MM-DD' to the front matter"),
                .error(
                    at(1, 1), "the decision has no status",
                    hint:
                        "add 'status: proposed' (or accepted, rejected, deprecated, superseded) to the front matter"
                ),
                .error(
                    at(1, 1), "the decision has no title",
                    hint: "start the body with a '# ' heading, e.g. '# Focus on researchers first'"),
            ]),
    ]

    @Test(arguments: frontMatterMistakes)
    func reportsAMistakeInAnOwnDecisionAsAnError(_ example: Example<String, [Diagnostic]>) {
        let (_, diagnostics) = Self.parse(example.input)
        #expect(diagnostics == example.expected)
    }

    @Test func givesNoDecisionWhenTheFrontMatterNeverCloses() {
        let (decision, diagnostics) = Self.parse("---\nstatus: accepted\n# Use RDS\n")
        #expect(decision == nil)
        #expect(
            diagnostics == [
                .error(
                    Self.at(1, 1), "the front matter starting here never closes",
                    hint: "did you forget to add a line with '---' after the last key?")
            ])
    }

    // MARK: adr-tools (Nygard)

    /// An adr-tools record with `status` as the `## Status` section's paragraphs.
    private static func nygard(
        status: String, date: String = "2017-08-01", title: String = "12. Use RDS"
    ) -> String {
        "# \(title)\n\nDate: \(date)\n\n## Status\n\n\(status)\n\n## Context\n\nWe need a database.\n"
    }

    struct StatusReading: Sendable, Equatable {
        var status: Decision.Status?
        var text: String?
        var supersededBy: String?
        var links: [Decision.StatusLink] = []
    }

    static let statuses: [Example<String, StatusReading>] = [
        Example("accepted", "Accepted", StatusReading(status: .accepted, text: "Accepted")),
        Example("upper case", "ACCEPTED", StatusReading(status: .accepted, text: "ACCEPTED")),
        Example(
            "approved means accepted", "Approved", StatusReading(status: .accepted, text: "Approved")),
        Example("pending means proposed", "Pending", StatusReading(status: .proposed, text: "Pending")),
        Example("proposed", "Proposed", StatusReading(status: .proposed, text: "Proposed")),
        Example("draft means proposed", "Draft", StatusReading(status: .proposed, text: "Draft")),
        Example("rejected", "Rejected", StatusReading(status: .rejected, text: "Rejected")),
        Example("deprecated", "Deprecated", StatusReading(status: .deprecated, text: "Deprecated")),
        Example(
            "words after the status", "Accepted on 1 August 2017",
            StatusReading(status: .accepted, text: "Accepted on 1 August 2017")),
        Example(
            "partly superseded is still in force", "Partly superseded",
            StatusReading(status: .accepted, text: "Partly superseded")),
        Example(
            "superseded by a linked record", "Superseded by [15. Use Aurora](0015-use-aurora.md)",
            StatusReading(
                status: .superseded, text: "Superseded by 15. Use Aurora", supersededBy: "0015-use-aurora")),
        Example(
            "superseded, misspelt", "Superceded by [15](0015-use-aurora.md)",
            StatusReading(status: .superseded, text: "Superceded by 15", supersededBy: "0015-use-aurora")),
        Example(
            "superseded by a relative link with an anchor",
            "Superseded by [ADR 15](./0015-use-aurora.md#decision)",
            StatusReading(
                status: .superseded, text: "Superseded by ADR 15", supersededBy: "0015-use-aurora")),
        Example(
            "superseded by an id without a link", "Superseded by 0015-use-aurora",
            StatusReading(
                status: .superseded, text: "Superseded by 0015-use-aurora", supersededBy: "0015-use-aurora")
        ),
        Example(
            "amended by a later record",
            "Accepted\n\nAmended by [17. Terraform Data Structure](0017-terraform-data-structure.md)",
            StatusReading(
                status: .accepted, text: "Accepted",
                links: [.init(relation: "Amended by", target: "0017-terraform-data-structure")])),
        Example(
            "amending an earlier record",
            "Accepted\n\nAmends [10. Terraform directory structure](0010-terraform-directory-structure.md)",
            StatusReading(
                status: .accepted, text: "Accepted",
                links: [.init(relation: "Amends", target: "0010-terraform-directory-structure")])),
    ]

    @Test(arguments: statuses)
    func readsTheFirstParagraphOfTheStatusSection(_ example: Example<String, StatusReading>) throws {
        let (decision, diagnostics) = Self.parse(Self.nygard(status: example.input), origin: .imported)
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(
            StatusReading(
                status: read.status, text: read.statusText, supersededBy: read.supersededBy,
                links: read.statusLinks)
                == example.expected)
        #expect(read.dialect == .nygard)
        #expect(read.fieldLocations["status"] == Self.at(7, 1))
    }

    @Test func readsTheNumberedTitleAndTheDateLine() throws {
        let (decision, diagnostics) = Self.parse(
            Self.nygard(status: "Accepted"), id: "use-rds", origin: .imported)
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(read.title == "Use RDS")
        #expect(read.number == 12)
        #expect(read.date == Self.day("2017-08-01"))
        #expect(read.body.blocks.first?.node.plainText == "Date: 2017-08-01")
    }

    static let numbers: [Example<(id: String, title: String), (number: Int?, title: String)>] = [
        Example(
            "a title number that is not the file's stays in the title",
            (id: "0033-ip-ranges", title: "3. Networking Outline"), (33, "3. Networking Outline")),
        Example(
            "the record's own number is dropped from the title",
            (id: "ADR023-use-uid-in-urls", title: "ADR23: Use UIDs in URLs"), (23, "Use UIDs in URLs")),
        Example(
            "a number after a date in the file name",
            (id: "20240509-adr-0001-use-log4brains", title: "ADR-0001: Use Log4brains"),
            (1, "Use Log4brains")),
        Example("a title without a number", (id: "0012-use-rds", title: "Use RDS"), (12, "Use RDS")),
        Example(
            "a title number without a space after the point", (id: "use-rds", title: "12.Use RDS"),
            (nil, "12.Use RDS")),
        Example(
            "a date in the file name is not a number", (id: "20200924-use-madr", title: "Use MADR"),
            (nil, "Use MADR")),
    ]

    @Test(arguments: numbers)
    func takesTheNumberFromTheFileNameThenTheTitle(
        _ example: Example<(id: String, title: String), (number: Int?, title: String)>
    ) throws {
        let (decision, _) = Self.parse(
            Self.nygard(status: "Accepted", title: example.input.title), id: example.input.id,
            origin: .imported)
        let read = try #require(decision)
        #expect(read.number == example.expected.number)
        #expect(read.title == example.expected.title)
    }

    @Test func readsAnOldDayMonthYearDate() throws {
        let (decision, diagnostics) = Self.parse(
            Self.nygard(status: "Accepted", date: "30/06/2017"), origin: .imported)
        #expect(diagnostics == [])
        #expect(decision?.date == Self.day("2017-06-30"))
    }

    static let dateMistakes: [Example<String, String>] = [
        Example("a month that does not exist", "2017-13-01", "'2017-13-01' is not a real date"),
        Example(
            "a day that does not exist in day-month-year order", "31/02/2017",
            "'31/02/2017' is not a date in the form YYYY-MM-DD"),
        Example("words", "June 2017", "'June 2017' is not a date in the form YYYY-MM-DD"),
    ]

    @Test(arguments: dateMistakes)
    func reportsADateLineThatIsNotADate(_ example: Example<String, String>) {
        let (decision, diagnostics) = Self.parse(
            Self.nygard(status: "Accepted", date: example.input), origin: .imported)
        #expect(decision?.date == nil)
        #expect(
            diagnostics == [
                .warning(
                    Self.at(3, 1), example.expected,
                    hint: "write the date as YYYY-MM-DD, e.g. 'Date: 2019-06-30'")
            ])
    }

    /// Words of the folder's own process are shown as written; the loader sums them up per folder.
    @Test func keepsAnUnknownStatusOfAnImportedRecordAsWritten() {
        let (decision, diagnostics) = Self.parse(Self.nygard(status: "Maybe later"), origin: .imported)
        #expect(decision?.status == nil)
        #expect(decision?.statusText == "Maybe later")
        #expect(diagnostics == [])
    }

    @Test func reportsASupersededRecordWithoutItsSuccessor() {
        let (decision, diagnostics) = Self.parse(Self.nygard(status: "Superseded"), origin: .imported)
        #expect(decision?.status == .superseded)
        #expect(
            diagnostics == [
                .warning(
                    Self.at(7, 1), "a superseded decision must say which decision superseded it",
                    hint: "add 'superseded_by: <decision id>' to the front matter")
            ])
    }

    // MARK: MADR 2 (log4brains)

    @Test(arguments: ["-", "*"])
    func readsMADR2BulletsUnderTheTitleAndTakesThemOutOfTheBody(_ bullet: String) throws {
        let id = "20201103-use-lunr-for-search"
        let (decision, diagnostics) = Self.parse(
            """
            # Use Lunr for search

            \(bullet) Status: accepted
            \(bullet) Deciders: John Doe, Foo bar
            \(bullet) Date: 2020-11-03
            \(bullet) Tags: foo, bar

            Technical Story: lorem ipsum

            ## Context and Problem Statement

            - Status: rejected

            """, id: id, origin: .imported)
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(read.title == "Use Lunr for search")
        #expect(read.number == nil)
        #expect(read.status == .accepted)
        #expect(read.statusText == "accepted")
        #expect(read.date == Self.day("2020-11-03"))
        #expect(read.deciders == ["John Doe", "Foo bar"])
        #expect(read.tags == ["foo", "bar"])
        #expect(read.dialect == .madr2)
        #expect(read.fieldLocations["status"] == Self.at(3, 3, id))
        #expect(
            read.body.blocks.map(\.node.plainText) == [
                "Technical Story: lorem ipsum", "Context and Problem Statement", "Status: rejected",
            ])
    }

    @Test func readsASupersedingLinkInAMADR2StatusBullet() throws {
        let (decision, diagnostics) = Self.parse(
            """
            # Use the ADR number as its unique ID

            - Status: superseded by [20201016-use-the-adr-slug-as-its-unique-id](20201016-use-the-adr-slug-as-its-unique-id.md)
            - Date: 2020-09-26

            """, id: "20200926-use-the-adr-number-as-its-unique-id", origin: .imported)
        #expect(diagnostics == [])
        let read = try #require(decision)
        #expect(read.status == .superseded)
        #expect(read.supersededBy == "20201016-use-the-adr-slug-as-its-unique-id")
        #expect(read.statusLinks == [])
    }

    // MARK: Metadata look-alikes in the body

    @Test func neverReadsAStatusLineInsideAFencedCodeBlockAsMetadata() throws {
        let (decision, diagnostics) = Self.parse(
            """
            # Use YAML front matter

            ```yaml
            status: accepted
            date: 2020-01-01
            ```

            ## Status section example

            ```
            Status: rejected
            ```

            """, id: "0013-use-yaml-front-matter", origin: .imported)
        let read = try #require(decision)
        #expect(read.status == nil)
        #expect(read.date == nil)
        // A missing status or date is summed up per folder by the loader, not reported per record.
        #expect(diagnostics == [])
    }

    @Test func prefersFrontMatterToAStatusLineInTheBody() throws {
        let (decision, diagnostics) = Self.parse(
            """
            ---
            status: accepted
            date: 2020-01-01
            ---
            # Use YAML front matter

            ## Decision Outcome

            ```yaml
            ---
            status: rejected
            ---
            ```

            """, id: "0013-use-yaml-front-matter", origin: .imported)
        #expect(diagnostics == [])
        #expect(decision?.status == .accepted)
        #expect(decision?.dialect == .frontMatter)
    }

    @Test func callsARecordWithFrontMatterButNoStatusAFrontMatterRecord() throws {
        let (decision, _) = Self.parse(
            "---\nparent: Decisions\nnav_order: 2\n---\n# Do Not Use Numbers in Headings\n\n## Context\n",
            id: "0002-do-not-use-numbers-in-headings", origin: .imported)
        #expect(decision?.dialect == .frontMatter)
        #expect(decision?.title == "Do Not Use Numbers in Headings")
    }
}
