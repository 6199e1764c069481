import BearingsKit
import Foundation
import Testing

struct ScaffoldTests {
    /// 2025-11-27 12:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_764_244_800)

    /// A temporary copy of the small fixture site's data folder.
    func copyOfSmallData(_ name: String = #function) throws -> (folder: URL, data: String) {
        let folder = try temporaryFolder(name)
        let data = folder.appendingPathComponent("data").path
        try FileManager.default.copyItem(atPath: siteFixtures.appendingPathComponent("small/data").path, toPath: data)
        return (folder, data)
    }

    func scaffold(_ data: String) -> Scaffold { Scaffold(dataDirectory: data, now: { ScaffoldTests.noon }) }

    @Test func todayIsTheClocksDayInUTC() {
        #expect(scaffold("data").today.description == "2025-11-27")
        #expect(Scaffold(now: { Date(timeIntervalSince1970: 1_764_287_999) }).today.description == "2025-11-27")
        #expect(Scaffold(now: { Date(timeIntervalSince1970: 1_764_288_000) }).today.description == "2025-11-28")
    }

    @Test(arguments: [
        Example("an empty folder", [String](), 1),
        Example("after a gap", ["0001-a.md", "0003-b.md"], 4),
        Example("ignoring files with no number", ["README.md", "0002-a.md", "template.md"], 3),
        Example("ignoring dates, which are not numbers", ["20200924-a.md", "0009-b.md"], 10),
        Example("past 9999", ["9999-a.md"], 10000),
    ])
    func numbersADecisionOneAfterTheLargest(example: Example<[String], Int>) {
        #expect(Scaffold.nextDecisionNumber(after: example.input) == example.expected)
    }

    @Test(arguments: [
        Example("plain words", "Use X for Y", "use-x-for-y"),
        Example("punctuation", "  Drop Python 2.7 (finally!) — and C++?  ", "drop-python-2-7-finally-and-c"),
        Example("diacritics", "Réécrire l'éditeur à Zürich", "reecrire-l-editeur-a-zurich"),
        Example("letters without a combining mark", "Straße über Øresund, Łódź", "strasse-uber-oresund-lodz"),
        Example("wide letters", "Ｕｓｅ ＡＰＩ", "use-api"),
        Example("no Latin at all", "Использовать Rust", "rust"),
        Example("nothing Latin left", "Использовать Раст", "decision"),
        Example("only punctuation", "???", "decision"),
        Example(
            "a long title cut at a word",
            "Keep the public API of the tensor library stable across every minor release from now on",
            "keep-the-public-api-of-the-tensor-library-stable-across"),
    ])
    func makesAFileNameSlugFromTheTitle(example: Example<String, String>) {
        #expect(Scaffold.slug(example.input) == example.expected)
    }

    @Test func aDecisionHasFrontMatterTheTitleAndTheMADRSections() throws {
        let text = Scaffold.decisionText(title: "Use X for Y", date: try #require(Day(iso: "2024-02-29")))
        #expect(
            text == """
                ---
                status: proposed
                date: 2024-02-29
                kind:            # scope | risk | integration | community | other
                principles: []   # ids of the principles this serves (principles.md)
                watch: []        # ids of the metrics that will show whether it worked (metrics/)
                review: 2025-02-28
                # expect:        # what would show that the bet worked, judged at 'by' (default: the review date)
                #   - metric: papers-neurips   # a metric id
                #     share: ">= 50%"         # or value: ">= 10k", rank: "<= 2", passes: tensorflow, change: ">= +20%"
                #     by: 2025-02-28
                ---
                # Use X for Y

                ## Context and Problem Statement

                ## Decision Drivers

                ## Considered Options

                ## Decision Outcome

                ## Consequences

                """)
    }

    @Test func writesTheNextDecisionAfterAGapAndLoadsWithoutErrors() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(atPath: data + "/decisions/0002-plugins.md")
        // 0001 now supersedes a decision that is gone; point it elsewhere so only the new file is judged.
        let first = data + "/decisions/0001-users-first.md"
        let text = try String(contentsOfFile: first, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "superseded_by: 0002-plugins", with: "superseded_by: 0003-docs").utf8)
            .write(to: URL(fileURLWithPath: first))

        let path = try scaffold(data).newDecision(title: "Use X for Y")
        #expect(path == data + "/decisions/0004-use-x-for-y.md")
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == Scaffold.decisionText(title: "Use X for Y", date: scaffold(data).today))
        let result = try DataLoader.load(LoadOptions(dataDirectory: data))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let decision = try #require(result.dataSet?.decisions.first { $0.id == "0004-use-x-for-y" })
        #expect(decision.title == "Use X for Y")
        #expect(decision.status == .proposed)
        #expect(decision.date?.description == "2025-11-27")
        #expect(decision.review?.description == "2026-11-27")
    }

    @Test func writesTheFirstDecisionIntoAFolderItCreates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\nname: X\n---\n".utf8).write(to: folder.appendingPathComponent("project.md"))
        let path = try scaffold(folder.path).newDecision(title: "Café au lait?")
        #expect(path == folder.path + "/decisions/0001-cafe-au-lait.md")
    }

    @Test func neverOverwritesADecision() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\nname: X\n---\n".utf8).write(to: folder.appendingPathComponent("project.md"))
        let decisions = folder.appendingPathComponent("decisions")
        try FileManager.default.createDirectory(at: decisions, withIntermediateDirectories: true)
        // A folder with the next file's name: the number is free, but the name is taken.
        try FileManager.default.createDirectory(
            at: decisions.appendingPathComponent("0001-use-x.md"), withIntermediateDirectories: true)
        #expect(
            throws: ScaffoldError(
                path: decisions.path + "/0001-use-x.md",
                reason: "already exists; Bearings never overwrites a file (rename or delete it first)", exitCode: 1)
        ) { try scaffold(folder.path).newDecision(title: "Use X") }
    }

    @Test func refusesADataFolderThatDoesNotExist() throws {
        #expect(
            throws: ScaffoldError(
                path: "/nonexistent-bearings-data",
                reason:
                    "the data folder does not exist; start one with 'bearings init --name NAME --repo OWNER/REPO', or name another with --data DIR",
                exitCode: 3)
        ) { try scaffold("/nonexistent-bearings-data").newSnapshot() }
    }

    @Test func aSnapshotTableListsEveryMetricAndProjectAligned() throws {
        let text = Scaffold.snapshotText(
            date: try #require(Day(iso: "2025-11-27")), metrics: ["downloads", "papers-share"],
            projects: ["pytorch", "tf", "jax"])
        #expect(
            text == """
                ---
                date: 2025-11-27
                ---
                # 2025-11-27

                | metric       | pytorch | tf  | jax |
                | ------------ | ------: | --: | --: |
                | downloads    |         |     |     |
                | papers-share |         |     |     |

                """)
    }

    @Test func writesTodaysSnapshotWithTheKnownMetricsAndProjects() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try scaffold(data).newSnapshot()
        #expect(path == data + "/snapshots/2025-11-27.md")
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == """
                ---
                date: 2025-11-27
                ---
                # 2025-11-27

                | metric    | widget | gadget | gizmo |
                | --------- | -----: | -----: | ----: |
                | downloads |        |        |       |
                | stars     |        |        |       |

                """)
    }

    @Test func aFilledInSnapshotLoadsWithoutErrors() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = try #require(Day(iso: "2022-01-01"))
        let path = try scaffold(data).newSnapshot(date: day)
        #expect(path == data + "/snapshots/2022-01-01.md")
        let filled = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(
                of: "| downloads |        |        |       |", with: "| downloads | 5,000  | 3.2k   | 950   |"
            )
            .replacingOccurrences(
                of: "| stars     |        |        |       |", with: "| stars     | 800    | 1.1k   | 31    |")
        try Data(filled.utf8).write(to: URL(fileURLWithPath: path))
        let result = try DataLoader.load(LoadOptions(dataDirectory: data))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let snapshot = try #require(result.dataSet?.snapshots.first { $0.date.description == "2022-01-01" })
        #expect(snapshot.id == "2022-01-01")
    }

    @Test func neverOverwritesASnapshot() throws {
        let (folder, data) = try copyOfSmallData()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try scaffold(data).newSnapshot()
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: ScaffoldError(
                path: path, reason: "already exists; Bearings never overwrites a file (rename or delete it first)",
                exitCode: 1)
        ) { try scaffold(data).newSnapshot() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine\n")
    }
}
