import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Issue #28: proposal processes, records in other languages and the formats people really write,
/// one case per shape the issue lists. Expected values are worked out by reading each text.
struct ImportedDialectsTests {
    typealias Reading = ImportedDecisionParserTests.Reading

    static func read(_ text: String, id: String) -> Reading? {
        ImportedDecisionParserTests.read(text, id: id).0
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var id: String
        var text: String
        var expected: Reading
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "gRPC: a setext title and the bullets under it", id: "A26-grpclb-selection",
            text: """
                A26: gRPCLB Selection
                ----
                * Author(s): Doug Fawley
                * Status: Final
                * Last updated: 2019-10-22

                ## Abstract

                Text.
                """,
            expected: Reading(
                number: 26, title: "gRPCLB Selection", statusText: "Final", status: .accepted, date: "2019-10-22")),
        Case(
            name: "gRPC: bold keys, a month name, another record's number in the title", id: "L98-requiring-cpp14",
            text: """
                L99: Requiring C++14
                ----
                * **Status:** Approved
                * **Last updated:** May 19, 2022
                """,
            expected: Reading(
                number: 98, title: "L99: Requiring C++14", statusText: "Approved", status: .accepted,
                date: "2022-05-19")),
        Case(
            name: "Chinese: 日期 and a dated 状态 history, the newest line current", id: "0001-编写完整的单元测试",
            text: """
                # 1. 编写完整的单元测试

                日期: 2017/11/22

                ## 状态

                列表：提议/通过/完成/已弃用/已取代

                2017-11-22 提议

                2017-11-26 已完成

                ## 上下文
                """,
            expected: Reading(
                number: 1, title: "编写完整的单元测试", statusText: "已完成", status: .accepted, date: "2017-11-22")),
        Case(
            name: "Portuguese: no title, and a later # heading is a section", id: "0007-container-de-relacionamento",
            text: """
                Data: 2019-08-09

                ## Status

                Proposto

                ## Contexto

                Texto.

                # Consequências

                Texto.
                """,
            expected: Reading(
                number: 7, title: "Container de relacionamento", statusText: "Proposto", status: .proposed,
                date: "2019-08-09")),
        Case(
            name: "a Timeline list holds the status and the date", id: "use-postgres",
            text: "# Use Postgres\n\n## Timeline\n\n- Proposed: 2023-01-02\n- Accepted: 2023-01-10\n\n## Context\n",
            expected: Reading(title: "Use Postgres", statusText: "Accepted", status: .accepted, date: "2023-01-10")),
        Case(
            name: "YAML flow values", id: "0004-flow",
            text: "---\nstatus: {proposed}\ndate: { 2023-11-21 }\n---\n# Flow\n",
            expected: Reading(number: 4, title: "Flow", statusText: "proposed", status: .proposed, date: "2023-11-21")),
        Case(
            name: "Swift Evolution: a bold status and a Superseded by bullet", id: "0030-property-behavior-decls",
            text: """
                # Property Behaviors

                * Proposal: [SE-0030](0030-property-behavior-decls.md)
                * Status: **Withdrawn**
                * Superseded by: [SE-0258](0258-property-wrappers.md)

                ## Introduction
                """,
            expected: Reading(
                number: 30, title: "Property Behaviors", statusText: "Withdrawn", status: .rejected,
                supersededBy: "0258-property-wrappers")),
        Case(
            name: "adr-tools: Supercedes X, then Superceded by Y", id: "0003-c",
            text: """
                # 3. C

                Date: 2017-08-18

                ## Status

                Supercedes [1. A](0001-a.md)

                Superceded by [4. D](0004-d.md)
                """,
            expected: Reading(
                number: 3, title: "C", statusText: "Supercedes 1. A", status: .superseded, date: "2017-08-18",
                supersededBy: "0004-d", links: ["Supercedes → 0001-a"])),
        Case(
            name: "Rejected in favor of a record", id: "0012-x",
            text: "# 12. X\n\nDate: 2020-01-01\n\n## Status\n\nRejected in favor of [XX-449](0449-y.md)\n",
            expected: Reading(
                number: 12, title: "X", statusText: "Rejected in favor of XX-449", status: .rejected,
                date: "2020-01-01", supersededBy: "0449-y", links: ["in favor of → 0449-y"])),
        Case(
            name: "Deprecated in favour of a record", id: "0002-b",
            text: "# 2. B\n\nDate: 2020-01-01\n\n## Status\n\nDeprecated in favour of [D](0004-d.md)\n",
            expected: Reading(
                number: 2, title: "B", statusText: "Deprecated in favour of D", status: .deprecated,
                date: "2020-01-01", supersededBy: "0004-d", links: ["in favour of → 0004-d"])),
        Case(
            name: "a letter-prefixed number, 'Date' without a colon, a misspelt status", id: "XX-0367-some-thing",
            text: "# XX-0367: Some thing\n\nDate 09/04/2018\n\n## Status\n\nAprroved\n",
            expected: Reading(
                number: 367, title: "Some thing", statusText: "Aprroved", status: .accepted, date: "2018-04-09")),
        Case(
            name: "Ember RFC front matter: stage and start-date", id: "0889-deprecate-ember-error",
            text: "---\nstage: recommended\nstart-date: 2022-12-15T00:00:00.000Z\n---\n\n# Deprecate @ember/error\n",
            expected: Reading(
                number: 889, title: "Deprecate @ember/error", statusText: "recommended", status: .accepted,
                date: "2022-12-15")),
        Case(
            name: "Rust RFC: a Start Date bullet before the # Summary heading", id: "0001-private-fields",
            text: "- Start Date: 2014-03-11\n- RFC PR: #1\n- Rust Issue: #8122\n\n# Summary\n\nText.\n\n# Motivation\n",
            expected: Reading(number: 1, title: "Summary", date: "2014-03-11")),
        Case(
            name: "a task list of statuses with one ticked", id: "0006-f",
            text:
                "# 6. F\n\nDate: 2021-11-21\n\n## Status\n\n- [ ] Draft\n- [ ] Proposed\n- [x] Accepted\n- [ ] Deprecated\n",
            expected: Reading(number: 6, title: "F", statusText: "Accepted", status: .accepted, date: "2021-11-21")),
        Case(
            name: "a table with bold keys and values", id: "20230928-t",
            text: "# RFC: T\n\n| Status | **Accepted** |\n| :-- | :-- |\n| **Created** | Sep 28, 2023 |\n",
            expected: Reading(title: "RFC: T", statusText: "Accepted", status: .accepted, date: "2023-09-28")),
    ]

    @Test(arguments: cases)
    func readsTheRecordAsItsReadersDo(_ example: Case) {
        #expect(Self.read(example.text, id: example.id) == example.expected)
    }

    /// Every notation the date reader takes, and what it makes of each.
    @Test func readsEveryDocumentedDateNotation() throws {
        let days: [(String, String, String)] = [
            ("2023-9-15", "2023-09-15", ""), ("2018-8-22", "2018-08-22", ""), ("2017/01/13", "2017-01-13", ""),
            ("2017.01.13", "2017-01-13", ""), ("Sep 28, 2023", "2023-09-28", ""), ("Sept. 8, 2021", "2021-09-08", ""),
            ("Feb 23rd, 2021", "2021-02-23", ""), ("July 8th, 2020", "2020-07-08", ""),
            ("March 1, 2019.", "2019-03-01", ""), ("Dec 4, 2024", "2024-12-04", ""),
            ("03 December 2015", "2015-12-03", ""), ("20 July 2016", "2016-07-20", ""),
            ("14 Aug 2025", "2025-08-14", ""),
            ("15 May 2017 (to reflect actual implementation)", "2017-05-15", "(to reflect actual implementation)"),
            ("2019年3月7日", "2019-03-07", ""), ("2019년 3월 7일", "2019-03-07", ""), ("2019. 3. 7.", "2019-03-07", ""),
            ("2024-10-31 :ghost:", "2024-10-31", ":ghost:"), ("16/04/2017", "2017-04-16", ""),
            ("08/31/2023", "2023-08-31", ""), ("26-09-2018", "2018-09-26", ""), ("3/29/17", "2017-03-29", ""),
            ("01/01/2020", "2020-01-01", ""),
        ]
        for (text, day, ignored) in days {
            let reading = try #require(DateText.read(text), "\(text)")
            #expect(reading.day.description == day, "\(text)")
            #expect(reading.ignored == ignored, "\(text)")
            #expect(reading.ambiguity == nil, "\(text)")
        }
        for text in ["July 2013", "[Date]", "yyyy-mm-dd", "2019", "31/31/2020", "Sep 31, 2023"] {
            #expect(DateText.read(text) == nil, "\(text)")
        }
        // Which order a date shows beyond doubt, by its separator.
        #expect(DateText.read("16/04/2017")?.order?.order == .dayFirst)
        #expect(DateText.read("08/31/2023")?.order?.order == .monthFirst)
        #expect(DateText.read("26-09-2018")?.order?.separator == "-")
        // Both orders give a day: both readings are kept, day first in front.
        let ambiguous = try #require(DateText.read("05/02/2018"))
        #expect(ambiguous.day.description == "2018-02-05")
        #expect(
            ambiguous.ambiguity
                == DateText.Ambiguity(
                    separator: "/", dayFirst: try #require(Day(iso: "2018-02-05")),
                    monthFirst: try #require(Day(iso: "2018-05-02"))))
    }

    /// The status table, by meaning, in the languages the issue names and the words of proposal
    /// processes; words of no status stay unmapped (shown as written).
    @Test func mapsStatusWordsByMeaning() {
        let words: [(String, Decision.Status?)] = [
            ("Final", .accepted), ("Stable in 1.1", .accepted), ("Stable in Kotlin 1.1", .accepted),
            ("Implemented (Swift 5.9)", .accepted), ("Implemented in Kotlin 1.2", .accepted),
            ("Active Review (Aug 21...Sep 4, 2026)", .proposed), ("Public discussion", .proposed),
            ("Design review", .proposed),
            ("Partially implemented (Swift 5.3 supports platform conditionals)", .accepted),
            ("Returned for revision", .proposed), ("Expired", .rejected), ("Previewing", .proposed),
            ("Aprroved", .accepted), ("Accepted with modifications", .accepted), ("In Review", .proposed),
            ("Last Call", .proposed), ("Review", .proposed), ("Stagnant", .rejected), ("Living", .accepted),
            ("Experimental in 2.2", .proposed), ("Declined", .rejected), ("Withdrawn", .rejected),
            ("✅ Accepted", .accepted), ("Superseded by ADR-0004", .superseded),
            ("Proposed → Accepted", .accepted), ("Draft -> Rejected (2021)", .rejected), ("Proposed → ?", .proposed),
            ("Unknown", nil), ("Open", nil), ("on hold", nil), ("provisional", .proposed),
            // Chinese
            ("提议", .proposed), ("通过", .accepted), ("完成", .accepted), ("已完成", .accepted), ("已弃用", .deprecated),
            ("已取代", .superseded), ("拒绝", .rejected), ("已完成。", .accepted),
            // Portuguese
            ("Proposto", .proposed), ("Aceito", .accepted), ("Aceito para a TASK-7.3.", .accepted),
            ("Rejeitado", .rejected), ("Descontinuado", .deprecated), ("Substituído por ADR-0003", .superseded),
            // German
            ("Vorgeschlagen", .proposed), ("Akzeptiert - Projektstart (historisch)", .accepted),
            ("Akzeptiert – November 2025", .accepted), ("Abgelehnt", .rejected), ("Veraltet", .deprecated),
            ("Ersetzt durch ADR-0005", .superseded),
            // Spanish
            ("Propuesto", .proposed), ("Aceptado", .accepted), ("Rechazado", .rejected), ("Obsoleto", .deprecated),
            ("Reemplazado por ADR-0002", .superseded),
            // French
            ("Proposé", .proposed), ("Accepté", .accepted), ("Rejeté", .rejected), ("Obsolète", .deprecated),
            ("Remplacé par ADR-0002", .superseded),
            // Japanese
            ("提案", .proposed), ("承認", .accepted), ("承認済み（2021）", .accepted), ("却下", .rejected),
            ("廃止", .deprecated),
            // Korean
            ("제안", .proposed), ("승인됨", .accepted), ("거부됨", .rejected), ("폐기됨", .deprecated), ("대체됨", .superseded),
        ]
        for (text, status) in words {
            #expect(StatusText.status(of: text) == status, "\(text)")
        }
    }
}
