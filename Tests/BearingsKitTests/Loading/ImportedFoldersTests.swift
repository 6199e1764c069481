import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsRendering

/// Issue #17, the loader's part: folders read through `--decisions`, written to a scratch folder
/// from the files each test lists, with the exact diagnostics and pages expected.
struct ImportedFoldersTests {
    /// A data folder (project.md and one principle) and a decisions folder beside it.
    struct Scratch {
        let root: String
        var data: String { root + "/data" }
        var adr: String { root + "/adr" }

        init(
            _ name: String, decisions: [String: String], data extra: [String: String] = [:],
            binary: [String: [UInt8]] = [:]
        )
            throws
        {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bearings-imported-\(name)").path
            try? FileManager.default.removeItem(atPath: root)
            var files = extra
            files["data/project.md"] = "---\nname: Scratch\n---\n"
            files["data/principles.md"] = "## Records first\n\nWrite decisions down.\n"
            for (path, text) in decisions { files["adr/" + path] = text }
            try FileManager.default.createDirectory(atPath: root + "/adr", withIntermediateDirectories: true)
            for (path, text) in files { try write(path, Array(text.utf8)) }
            for (path, bytes) in binary { try write("adr/" + path, bytes) }
        }

        private func write(_ path: String, _ bytes: [UInt8]) throws {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }

        func load(decisions: String? = nil) throws -> LoadResult {
            try DataLoader.load(LoadOptions(dataDirectory: data, decisionsDirectory: decisions ?? adr))
        }

        /// Diagnostics as `check` prints them, paths relative to the scratch folder.
        func text(_ result: LoadResult) -> [String] {
            result.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
        }

        func plan() throws -> SitePlan {
            try #require(
                try SiteBuilder.plan(
                    BuildOptions(
                        load: LoadOptions(dataDirectory: data, decisionsDirectory: adr), output: root + "/site")
                ).plan)
        }
    }

    static func nygard(_ number: Int, _ title: String, status: String, date: String = "2020-01-01") -> String {
        "# \(number). \(title)\n\nDate: \(date)\n\n## Status\n\n\(status)\n\n## Context\n\nText.\n"
    }

    @Test func resolvesSuccessorsNamedByNumberOrFileName() throws {
        let scratch = try Scratch(
            "successors",
            decisions: [
                "0001-a.md": Self.nygard(1, "A", status: "Superseded by ADR-0004"),
                "0002-b.md": Self.nygard(2, "B", status: "Superseded by 0004"),
                "0003-c.md": Self.nygard(3, "C", status: "Superseded by ADR 10"),
                "0004-d.md": Self.nygard(4, "D", status: "Accepted"),
                "0005-e.md": Self.nygard(5, "E", status: "Superseded by [D](https://example.org/adr/0004-d.md)"),
                "0006-f.md": Self.nygard(6, "F", status: "Superseded by [0010-j.md]"),
                "0007-g.md": Self.nygard(7, "G", status: "Superseded by [J](0010-use-j.md)"),
                "0010-j.md": Self.nygard(10, "J", status: "Accepted"),
            ])
        let result = try scratch.load()
        let decisions = try #require(result.dataSet).decisions
        #expect(
            decisions.map { "\($0.id) → \($0.supersededBy ?? "-")" } == [
                "0001-a → 0004-d", "0002-b → 0004-d", "0003-c → 0010-j", "0004-d → -", "0005-e → 0004-d",
                "0006-f → 0010-j", "0007-g → 0010-j", "0010-j → -",
            ])
        #expect(
            scratch.text(result) == [
                "adr:1:1: warning: 8 of 8 imported decisions serve no principle",
                "adr/0007-g.md:7:1: warning: '0010-use-j' is not a record in this folder; read as '0010-j', which has its number",
                "adr/0007-g.md:7:15: warning: the link to '0010-use-j.md' is broken: there is no such file in the decisions folder",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
    }

    @Test func warnsAboutASuccessorOrALinkThatNamesNoRecord() throws {
        let scratch = try Scratch(
            "broken",
            decisions: [
                "0001-a.md": Self.nygard(1, "A", status: "Superseded by ADR-0009"),
                "0002-b.md": Self.nygard(2, "B", status: "Accepted\n\nAmended by [C](0003-c.md)"),
            ])
        let result = try scratch.load()
        #expect(result.dataSet != nil)
        #expect(
            scratch.text(result) == [
                "adr:1:1: warning: 2 of 2 imported decisions serve no principle",
                "adr/0001-a.md:7:1: warning: superseded by 'ADR-0009', but there is no such decision",
                "adr/0002-b.md:7:1: warning: 'Amended by' links to '0003-c', but there is no such decision",
                "adr/0002-b.md:9:12: warning: the link to '0003-c.md' is broken: there is no such file in the decisions folder",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
    }

    @Test func neverStopsTheBuildOverInvalidYAMLOrATemplate() throws {
        let scratch = try Scratch(
            "yaml",
            decisions: [
                "adr001-a.md": "---\ntitle: ADR001: Use A\n---\n\nText.\n",
                "adr000-template.md": "---\ntitle: ADR000: {title}: [x\n---\n",
                "yyyymmdd-rfc-template.md": "# Title of RFC\n",
                "README.md": "# Decisions\n",
                "index.md": "# Index\n",
            ])
        let result = try scratch.load()
        let decisions = try #require(result.dataSet).decisions
        #expect(decisions.map(\.id) == ["adr001-a"])
        #expect(decisions.map(\.title) == ["Use A"])
        #expect(!result.hasErrors)
    }

    @Test func readsSubfoldersAndCopiesTheImagesBesideTheRecords() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47]
        let scratch = try Scratch(
            "subfolders",
            decisions: [
                "backend/0001-a.md": "---\nstatus: accepted\ndate: 2020-01-01\n---\n# A\n\n![Plan](plan.png)\n",
                "0002-proposal/README.md": "---\nstatus: draft\ndate: 2020-02-01\n---\n# B\n\n![Flow](./flow.png)\n",
                "0003-c.md":
                    "# 3. C\n\nDate: 2020-03-01\n\n## Status\n\nAccepted\n\n![Up](../outside.png) ![Gone](gone.png)\n",
                "NNNN-template/README.md": "# Template\n",
            ],
            binary: ["backend/plan.png": png, "0002-proposal/flow.png": png])
        let result = try scratch.load()
        let dataSet = try #require(result.dataSet)
        #expect(
            dataSet.decisions.map { "\($0.id) in '\($0.folder)'" } == [
                "0001-a in 'backend'", "0002-proposal in '0002-proposal'", "0003-c in ''",
            ])
        #expect(dataSet.decisionAttachments.map(\.path) == ["0002-proposal/flow.png", "backend/plan.png"])
        #expect(
            scratch.text(result) == [
                "adr:1:1: warning: 3 of 3 imported decisions serve no principle",
                "adr/0003-c.md:9:1: warning: the image '../outside.png' lies outside the decisions folder, so it is not shown",
                "adr/0003-c.md:9:23: warning: the image 'gone.png' is missing: there is no such file in the decisions folder",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
        let plan = try scratch.plan()
        #expect(plan.files["decisions/backend/plan.png"] == png)
        #expect(plan.files["decisions/0002-proposal/flow.png"] == png)
        let page = try #require(plan.text("decisions/0001-a.html"))
        #expect(page.contains("<img src=\"backend/plan.png\" alt=\"Plan\" />"))
        let proposal = try #require(plan.text("decisions/0002-proposal.html"))
        #expect(proposal.contains("<img src=\"0002-proposal/flow.png\" alt=\"Flow\" />"))
    }

    @Test func showsLinkVerbsBothWaysAndUndatedRecordsWithoutATimeElement() throws {
        let scratch = try Scratch(
            "verbs",
            decisions: [
                "0001-a.md": Self.nygard(1, "A", status: "Accepted\n\nClarifies [2. B](0002-b.md)"),
                "0002-b.md": Self.nygard(2, "B", status: "Accepted"),
                "use-the-slug.md": "- Status: accepted\n\n# Use the slug\n",
            ])
        let plan = try scratch.plan()
        func facts(_ path: String) throws -> [String] {
            let page = try #require(plan.text(path))
            return page.split(separator: "\n").map(String.init).filter { $0.hasPrefix("<dt>") || $0.hasPrefix("<h1>") }
        }
        #expect(
            try facts("decisions/0001-a.html") == [
                "<h1><span class=\"decision-number\">0001</span> A</h1>",
                "<dt>Status</dt><dd><span class=\"status status-accepted\">Accepted</span></dd>",
                "<dt>Date</dt><dd><time datetime=\"2020-01-01\">2020-01-01</time></dd>",
                "<dt>Clarifies</dt><dd><a href=\"../decisions/0002-b.html\">0002 B</a></dd>",
            ])
        #expect(
            try facts("decisions/0002-b.html") == [
                "<h1><span class=\"decision-number\">0002</span> B</h1>",
                "<dt>Status</dt><dd><span class=\"status status-accepted\">Accepted</span></dd>",
                "<dt>Date</dt><dd><time datetime=\"2020-01-01\">2020-01-01</time></dd>",
                "<dt>Clarified by</dt><dd><a href=\"../decisions/0001-a.html\">0001 A</a></dd>",
            ])
        #expect(
            try facts("decisions/use-the-slug.html") == [
                "<h1>Use the slug</h1>",
                "<dt>Status</dt><dd><span class=\"status status-accepted\">accepted</span></dd>",
                "<dt>Date</dt><dd>undated</dd>",
            ])
    }

    @Test func linksRecordsByFileNameIdOrZolaPathToTheirPages() throws {
        let scratch = try Scratch(
            "links",
            decisions: [
                "0001-use-#-as-marker.md": Self.nygard(1, "Hash", status: "Accepted"),
                "0002-b.md": Self.nygard(
                    2, "B",
                    status: "Accepted\n\nSee [1](0001-use-%23-as-marker.md), [by id](0003-c) and "
                        + "[Zola](@/docs/adrs/0003-c.md)."),
                "0003-c.md": Self.nygard(3, "C", status: "Accepted"),
            ])
        let plan = try scratch.plan()
        let page = try #require(plan.text("decisions/0002-b.html"))
        let links = page.matches(of: /<a href="([^"]+)">/).map { String($0.1) }
        #expect(
            links.filter { !$0.hasPrefix("../") } == [
                "0001-use-%23-as-marker.html", "0003-c.html", "0003-c.html",
            ])
        #expect(plan.files["decisions/0001-use-#-as-marker.html"] != nil)
        let list = try #require(plan.text("decisions.html"))
        #expect(list.contains("<a href=\"decisions/0001-use-%23-as-marker.html\">"))
    }

    @Test func saysClearlyWhenDecisionsNamesAFile() throws {
        let scratch = try Scratch("file", decisions: ["0001-a.md": Self.nygard(1, "A", status: "Accepted")])
        #expect(
            throws: LoadError(
                path: scratch.adr + "/0001-a.md",
                reason: "--decisions names a file; give the folder that holds the decision records", exitCode: 2)
        ) {
            try scratch.load(decisions: scratch.adr + "/0001-a.md")
        }
    }

    @Test func warnsAboutAnEmptyFolder() throws {
        let scratch = try Scratch("empty", decisions: ["README.md": "# Decisions\n"])
        let result = try scratch.load()
        #expect(
            scratch.text(result) == [
                "adr:1:1: warning: no decision records in this folder",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
    }

    @Test func readsDataDecisionsThroughDecisionsWithoutCallingItMisplaced() throws {
        let scratch = try Scratch(
            "own-folder", decisions: [:],
            data: ["data/decisions/0001-a.md": Self.nygard(1, "A", status: "Accepted")])
        let same = try scratch.load(decisions: scratch.data + "/decisions")
        #expect(same.dataSet?.decisions.map(\.id) == ["0001-a"])
        #expect(
            scratch.text(same) == [
                "data/decisions:1:1: warning: 1 of 1 imported decisions serve no principle",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
        let elsewhere = try scratch.load()
        #expect(
            scratch.text(elsewhere) == [
                "adr:1:1: warning: no decision records in this folder",
                "data/decisions:1:1: warning: 1 file in this folder is not read: --decisions names adr",
                "data/principles.md:1:1: warning: no decision serves the principle 'records-first'",
            ])
    }
}
