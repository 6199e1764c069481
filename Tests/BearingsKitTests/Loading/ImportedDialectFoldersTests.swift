import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading

/// Issue #28, the folder's part: which files are records, dates that only the folder's other dates
/// can settle, raw `<img>` images, and links to records outside the folder.
struct ImportedDialectFoldersTests {
    typealias Tree = InputFolderTests.Tree

    static func nygard(_ number: Int, _ title: String, date: String, status: String = "Accepted") -> String {
        "# \(number). \(title)\n\nDate: \(date)\n\n## Status\n\n\(status)\n"
    }

    /// Each record's id and date, by id.
    static func dates(_ result: LoadResult) throws -> [String] {
        try #require(result.dataSet).decisions.map { "\($0.id) \($0.date?.description ?? "undated")" }.sorted()
    }

    @Test func skipsBookAndGovernancePagesAndRedirects() throws {
        let tree = try Tree(
            "dialect-skip",
            files: [
                "adr/SUMMARY.md": "# Summary\n\n- [Introduction](intro.md)\n- [A](0001-a.md)\n",
                "adr/intro.md": "# Introduction\n\nStatus: Accepted\n",
                "adr/CODE-OF-CONDUCT.md": "## Community Code of Conduct\n\nBe kind.\n",
                "adr/GOVERNANCE.md": "This repository is governed by the [rules](https://example.org).\n",
                "adr/000-index.md": "# Index\n\n- [A](0001-a.md)\n",
                "adr/0001-a.md": Self.nygard(1, "A", date: "2020-01-01"),
                "adr/0002-b.md": Self.nygard(2, "B", date: "2020-02-01"),
                "adr/0003-old.md": "Moved to [B](0002-b.md).\n",
                "adr/0519-borrow.md":
                    "This document was renamed as part of the evolution process. Please see [SE-0519](0519-ref.md).\n",
                "adr/sub/intro.md": "# 4. Intro is a record here\n\nDate: 2020-04-01\n\n## Status\n\nAccepted\n",
            ])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisions.map(\.id) == ["0001-a", "0002-b", "intro"])
    }

    /// An mdBook's source folder: its other pages are not records; numbered or dated pages are.
    @Test func readsOnlyTheRecordsOfAnMdBook() throws {
        let tree = try Tree(
            "dialect-book",
            files: [
                "src/SUMMARY.md": "# Summary\n\n[Overview](./overview.md)\n- [ADR](./ADR/index.md)\n",
                "src/overview.md": "# Overview\n\nThe system.\n",
                "src/diagrams.md": "# Architecture Diagrams\n\n![c4](assets/c4.svg)\n",
                "src/ADR/index.md": "# Architecture Decision Records\n",
                "src/ADR/001_rust.md": "# Rust everywhere\n\n## Status\n\nAccepted\n",
                "src/ADR/002_axum.md": "# HTTP routing with axum\n\nText.\n",
                "src/notes/meeting.md": "# Meeting notes\n\nDate: 2023-03-01\n",
                "src/assets/c4.svg": "<svg/>",
            ])
        let result = try tree.load(decisions: tree.root + "/src")
        #expect(
            try #require(result.dataSet).decisions.map(\.id).sorted() == ["001_rust", "002_axum", "meeting"])
    }

    @Test func readsAmbiguousDatesTheWayTheFolderWritesThem() throws {
        // Day first elsewhere (16/04/2017): 05/02/2018 is 5 February, silently.
        let dayFirst = try Tree(
            "dialect-day-first",
            files: [
                "adr/0001-a.md": Self.nygard(1, "A", date: "16/04/2017"),
                "adr/0002-b.md": Self.nygard(2, "B", date: "05/02/2018"),
            ])
        let day = try dayFirst.load(decisions: dayFirst.adr)
        #expect(try Self.dates(day) == ["0001-a 2017-04-16", "0002-b 2018-02-05"])
        #expect(!day.diagnostics.contains { $0.message.contains("ambiguous") })

        // Month first elsewhere with slashes (08/31/2023), day first with dashes (26-09-2018): each
        // separator keeps its own order, so 8/2/2022 is 2 August.
        let monthFirst = try Tree(
            "dialect-month-first",
            files: [
                "adr/0001-a.md": Self.nygard(1, "A", date: "08/31/2023"),
                "adr/0002-b.md": Self.nygard(2, "B", date: "8/2/2022"),
                "adr/0003-c.md": Self.nygard(3, "C", date: "26-09-2018"),
            ])
        let month = try monthFirst.load(decisions: monthFirst.adr)
        let monthDates = try Self.dates(month)
        #expect(monthDates == ["0001-a 2023-08-31", "0002-b 2022-08-02", "0003-c 2018-09-26"])
        #expect(!month.diagnostics.contains { $0.message.contains("ambiguous") })

        // Nothing else to go by: day first, and a warning that says so.
        let alone = try Tree("dialect-alone", files: ["adr/0002-b.md": Self.nygard(2, "B", date: "05/02/2018")])
        let lone = try alone.load(decisions: alone.adr)
        #expect(try Self.dates(lone) == ["0002-b 2018-02-05"])
        #expect(
            alone.text(lone).filter { $0.contains("ambiguous") } == [
                "adr/0002-b.md:3:1: warning: the date '05/02/2018' is ambiguous: 2018-02-05 (day first) or 2018-05-02 (month first); read as 2018-02-05, as no other date in the folder settles the order"
            ])

        // Both orders in the folder: the date is not guessed.
        let mixed = try Tree(
            "dialect-mixed",
            files: [
                "adr/0001-a.md": Self.nygard(1, "A", date: "16/04/2017"),
                "adr/0002-b.md": Self.nygard(2, "B", date: "05/02/2018"),
                "adr/0003-c.md": Self.nygard(3, "C", date: "08/31/2023"),
            ])
        let both = try mixed.load(decisions: mixed.adr)
        let bothDates = try Self.dates(both)
        #expect(bothDates == ["0001-a 2017-04-16", "0002-b undated", "0003-c 2023-08-31"])
        #expect(
            mixed.text(both).filter { $0.contains("ambiguous") } == [
                "adr/0002-b.md:3:1: warning: the date '05/02/2018' is ambiguous: 2018-02-05 (day first) or 2018-05-02 (month first), and the folder writes both orders; the decision is shown undated"
            ])
    }

    @Test func copiesRawImagesLikeMarkdownOnes() throws {
        let tree = try Tree(
            "dialect-img",
            files: [
                "adr/0001-a.md":
                    "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n<img src=\"img/a.png\" width=\"50\">\n\nText <img alt='b' src='img/b.png'> inline, ![c](img/c.png).\n",
                "adr/img/a.png": "A-PNG",
                "adr/img/b.png": "B-PNG",
                "adr/img/c.png": "C-PNG",
                "adr/img/unused.png": "UNUSED",
            ])
        let result = try tree.load(decisions: tree.adr)
        let attachments = try #require(result.dataSet).decisionAttachments
        #expect(attachments.map(\.path) == ["img/a.png", "img/b.png", "img/c.png"])
        #expect(attachments.map { String(decoding: $0.bytes, as: UTF8.self) } == ["A-PNG", "B-PNG", "C-PNG"])
        #expect(tree.text(result).filter { $0.contains("image") } == [])
    }

    @Test func resolvesSuccessorsByLetterPrefixedNumbersAndByURLs() throws {
        let tree = try Tree(
            "dialect-successors",
            files: [
                "adr/0001-a.md": Self.nygard(1, "A", date: "2020-01-01", status: "Superseded by XX-0003"),
                "adr/0002-b.md": Self.nygard(
                    2, "B", date: "2020-02-01",
                    status: "Superseded by https://github.com/example/adrs/blob/main/adr/0003-c.md"),
                "adr/0003-c.md": Self.nygard(3, "C", date: "2020-03-01"),
                "adr/0004-d.md": Self.nygard(
                    4, "D", date: "2020-04-01", status: "Accepted\n\n2021-03-04 Reviewed, still in force"),
            ])
        let result = try tree.load(decisions: tree.adr)
        let decisions = try #require(result.dataSet).decisions
        #expect(
            decisions.map { "\($0.id) \($0.supersededBy ?? "-")" } == [
                "0001-a 0003-c", "0002-b 0003-c", "0003-c -", "0004-d -",
            ])
        // A status word first is the status; a dated line after it is a note, not a newer status.
        #expect(decisions.last?.statusText == "Accepted")
        #expect(tree.text(result).filter { $0.contains("superseded") } == [])
    }

    @Test func warnsOfLinksToRecordsOutsideTheFolder() throws {
        let tree = try Tree(
            "dialect-outside-link",
            files: [
                "adr/0001-a.md":
                    "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nSee [the guide](../docs/guide.md).\n",
                "docs/guide.md": "# Guide\n",
            ])
        let result = try tree.load(decisions: tree.adr)
        #expect(
            tree.text(result).filter { $0.contains("link") } == [
                "adr/0001-a.md:11:5: warning: the link to '../docs/guide.md' leads outside the decisions folder, so it is broken on the site"
            ])
    }
}
