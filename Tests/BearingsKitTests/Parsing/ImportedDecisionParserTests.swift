import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// Issue #17: records written for other tools, read the way those tools read them, one fixture per
/// defect the issue lists (the loader's part is in `ImportedFoldersTests`).
struct ImportedDecisionParserTests {
    /// What a reader of the record sees, as Bearings read it.
    struct Reading: Equatable, CustomStringConvertible {
        var number: Int?
        var title: String
        var statusText: String?
        var status: Decision.Status?
        var date: String?
        var supersededBy: String?
        var links: [String] = []
        var deciders: [String] = []

        var description: String {
            "\(number.map(String.init) ?? "-") | \(title) | \(statusText ?? "-") (\(status?.rawValue ?? "-")) | "
                + "\(date ?? "-") | \(supersededBy ?? "-") | \(links) | \(deciders)"
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var id: String
        var text: String
        var expected: Reading
        var diagnostics: [String] = []
        var testDescription: String { name }
    }

    static func read(_ text: String, id: String) -> (Reading?, [String]) {
        let (decision, diagnostics) = DecisionParser.parse(
            SourceText(path: "adr/\(id).md", text: text), id: id, origin: .imported)
        let reading = decision.map {
            Reading(
                number: $0.number, title: $0.title, statusText: $0.statusText, status: $0.status,
                date: $0.date?.description, supersededBy: $0.supersededBy,
                links: $0.statusLinks.map { "\($0.relation) → \($0.target)" }, deciders: $0.deciders)
        }
        return (reading, diagnostics.sorted().map(\.description))
    }

    static let cases: [Case] = [
        // 1. A successor named by number.
        Case(
            name: "MADR 4: superseded by ADR-0004 in front matter", id: "0002-b",
            text: "---\nstatus: \"superseded by ADR-0004\"\ndate: 2024-01-02\n---\n# B\n",
            expected: Reading(
                number: 2, title: "B", statusText: "superseded by ADR-0004", status: .superseded, date: "2024-01-02",
                supersededBy: "ADR-0004")),
        Case(
            name: "Nygard: Superseded by 0004", id: "0002-b",
            text: "# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nSuperseded by 0004\n",
            expected: Reading(
                number: 2, title: "B", statusText: "Superseded by 0004", status: .superseded, date: "2024-01-02",
                supersededBy: "0004")),
        Case(
            name: "Superseded by ADR 10", id: "0002-b",
            text: "# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nSuperseded by ADR 10\n",
            expected: Reading(
                number: 2, title: "B", statusText: "Superseded by ADR 10", status: .superseded, date: "2024-01-02",
                supersededBy: "ADR 10")),
        Case(
            name: "a successor linked by a web address names its file, not its link text", id: "0002-b",
            text: "# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nSuperseded by [D](https://example.org/adr/0004-d.md)\n",
            expected: Reading(
                number: 2, title: "B", statusText: "Superseded by D", status: .superseded, date: "2024-01-02",
                supersededBy: "0004-d")),
        // 2. Invalid YAML: a warning at its place, and the keys still read line by line.
        Case(
            name: "Docusaurus title with an unquoted colon", id: "adr002-default-catalog-file-format",
            text: """
                ---
                id: adrs-adr002
                title: ADR002: Default Software Catalog File Format
                ---

                | Created    | Status |
                | ---------- | ------ |
                | 2020-05-17 | Open   |

                ## Background
                """,
            expected: Reading(
                number: 2, title: "Default Software Catalog File Format", statusText: "Open", date: "2020-05-17"),
            diagnostics: [
                "adr/adr002-default-catalog-file-format.md:3:14: warning: front matter is not valid YAML: mapping values are not allowed in this context"
            ]),
        // 3. The title from front matter when the body has no `# ` heading.
        Case(
            name: "front matter title", id: "adr001-add-adr-log",
            text: "---\nid: adrs-adr001\ntitle: 'ADR001: Architecture Decision Record (ADR) log'\n---\n\n## Decision\n",
            expected: Reading(number: 1, title: "Architecture Decision Record (ADR) log")),
        // 4. Front matter after an SPDX comment.
        Case(
            name: "front matter after an SPDX comment", id: "0007-g",
            text: """
                <!-- SPDX-License-Identifier: MIT
                     SPDX-FileCopyrightText: 2024 Someone -->
                ---
                status: accepted
                date: 2024-03-05
                ---
                # Use G
                """,
            expected: Reading(number: 7, title: "Use G", statusText: "accepted", status: .accepted, date: "2024-03-05")
        ),
        // 5. Metadata tables.
        Case(
            name: "RFC table with bold keys", id: "20180507-cond-v2",
            text: """
                # **"Functional"** **cond design doc**

                | Status        | Approved       |
                :-------------- |:-------------- |
                | **Author(s)** | Someone        |
                | **Created**   | 2018-05-07     |
                | **Updated**   | 2019-02-26     |
                """,
            expected: Reading(
                title: "\"Functional\" cond design doc", statusText: "Approved", status: .accepted, date: "2018-05-07")
        ),
        Case(
            name: "a header table of keys over values", id: "adr009-x",
            text: "# X\n\n| Created | Status |\n| --- | --- |\n| 2020-05-17 | on hold |\n",
            expected: Reading(number: 9, title: "X", statusText: "on hold", date: "2020-05-17")),
        // 8. Link verbs as written.
        Case(
            name: "adr-tools link verbs", id: "0005-e",
            text: """
                # 5. E

                Date: 2020-01-01

                ## Status

                Accepted

                Supercedes [1. A](0001-a.md)

                Clarifies [2. B](0002-b.md)

                Related to [3. C](0003-c.md)

                Depends on [4. D](0004-d.md)

                Clarified by [6. F](0006-f.md)

                Amended by [7. G](0007-g.md)
                """,
            expected: Reading(
                number: 5, title: "E", statusText: "Accepted", status: .accepted, date: "2020-01-01",
                links: [
                    "Supercedes → 0001-a", "Clarifies → 0002-b", "Related to → 0003-c", "Depends on → 0004-d",
                    "Clarified by → 0006-f", "Amended by → 0007-g",
                ])),
        // 9. Lines, headings and emphasis that hold the status and date.
        Case(
            name: "Date and Status on two lines of one paragraph", id: "0001-a",
            text: "# 1. A\n\nDate: 2020-01-01\nStatus: Accepted\n",
            expected: Reading(number: 1, title: "A", statusText: "Accepted", status: .accepted, date: "2020-01-01")),
        Case(
            name: "## Status: Accepted", id: "0001-a",
            text: "# 1. A\n\nDate: 2020-01-01\n\n## Status: Accepted\n\n## Context\n",
            expected: Reading(number: 1, title: "A", statusText: "Accepted", status: .accepted, date: "2020-01-01")),
        Case(
            name: "**Status:** Accepted", id: "0001-a",
            text: "# 1. A\n\n**Date:** 2020-01-01\n\n**Status:** Accepted\n",
            expected: Reading(number: 1, title: "A", statusText: "Accepted", status: .accepted, date: "2020-01-01")),
        Case(
            name: "an ISO date and time", id: "0001-a",
            text: "---\nstatus: draft\ndate: 2024-03-05T10:00:00Z\n---\n# A\n",
            expected: Reading(number: 1, title: "A", statusText: "draft", status: .proposed, date: "2024-03-05")),
        Case(
            name: "a day-first date with points", id: "0001-a",
            text: "# 1. A\n\nDate: 05.03.2024\n\n## Status\n\nreplaced by [B](0002-b.md)\n",
            expected: Reading(
                number: 1, title: "A", statusText: "replaced by B", status: .superseded, date: "2024-03-05",
                supersededBy: "0002-b")),
        Case(
            name: "a date with words after it", id: "ADR036-x",
            text: "# ADR036: X\n\nDate: 2024-10-31 :ghost:\n\n## Status\n\nAccepted\n",
            expected: Reading(number: 36, title: "X", statusText: "Accepted", status: .accepted, date: "2024-10-31"),
            diagnostics: [
                "adr/ADR036-x.md:3:1: warning: the date is read as 2024-10-31; ':ghost:' after it is ignored"
            ]),
        // 10. MADR 4 keys.
        Case(
            name: "decision-makers and superseded-by", id: "0003-c",
            text:
                "---\nstatus: superseded\ndate: 2024-01-01\ndecision-makers: [Alice, Bob]\nsuperseded-by: 0009-i.md\n---\n# C\n",
            expected: Reading(
                number: 3, title: "C", statusText: "superseded", status: .superseded, date: "2024-01-01",
                supersededBy: "0009-i", deciders: ["Alice", "Bob"])),
        Case(
            name: "deciders: Alice, Bob", id: "0003-c",
            text: "---\nstatus: accepted\ndate: 2024-01-01\ndeciders: Alice, Bob\n---\n# C\n",
            expected: Reading(
                number: 3, title: "C", statusText: "accepted", status: .accepted, date: "2024-01-01",
                deciders: ["Alice", "Bob"])),
        // 11. No title at all: the file name as words, not the slug.
        Case(
            name: "no title anywhere", id: "20201016-use-the-slug", text: "- Status: accepted\n- Date: 2020-10-16\n",
            expected: Reading(title: "Use the slug", statusText: "accepted", status: .accepted, date: "2020-10-16"),
            diagnostics: ["adr/20201016-use-the-slug.md:1:1: warning: the decision has no title"]),
    ]

    @Test(arguments: cases)
    func readsTheRecordAsItsToolDoes(_ example: Case) throws {
        let (reading, diagnostics) = Self.read(example.text, id: example.id)
        #expect(try #require(reading) == example.expected)
        #expect(diagnostics == example.diagnostics)
    }

    static let reverses: [(String, String)] = [
        ("Amends", "Amended by"), ("Amended by", "Amends"), ("Clarifies", "Clarified by"),
        ("Clarified by", "Clarifies"), ("Supercedes", "Superceded by"), ("Superseded by", "Supersedes"),
        ("Related to", "Related to"), ("Depends on", "Depended on by"), ("Mentions", "Referred to by"),
    ]

    @Test(arguments: reverses)
    func showsEachLinkVerbTurnedRoundOnTheOtherRecord(written: String, reverse: String) {
        #expect(StatusText.reverse(written) == reverse)
    }
}
