import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsRendering

/// Issue #31: nothing outside `--data`, `--decisions` and `--templates` is read, nothing hidden is
/// published, and links cannot make a walk loop. Each test builds a scratch folder with real
/// symbolic links (`symlink(2)`), loads or builds it, and checks the exact diagnostics, the
/// records read, and that no page of the site holds the outside file's text.
struct InputFolderTests {
    /// A scratch folder: files and symbolic links, written as listed.
    struct Tree {
        let root: String
        var data: String { root + "/data" }
        var adr: String { root + "/adr" }

        init(_ name: String, files: [String: String], links: [String: String] = [:]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bearings-input-\(name)").path
            try? FileManager.default.removeItem(atPath: root)
            var all = files
            all["data/project.md"] = all["data/project.md"] ?? "---\nname: Scratch\n---\n"
            for (path, text) in all {
                let full = root + "/" + path
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: full))
            }
            for (path, target) in links.sorted(by: { $0.key < $1.key }) {
                let full = root + "/" + path
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                #expect(symlink(target, full) == 0, "symlink \(path) -> \(target)")
            }
        }

        func load(decisions: String? = nil) throws -> LoadResult {
            try DataLoader.load(LoadOptions(dataDirectory: data, decisionsDirectory: decisions))
        }

        /// Diagnostics as `check` prints them, paths relative to the scratch folder.
        func text(_ result: LoadResult) -> [String] {
            result.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
        }

        func plan(decisions: String? = nil, templates: String? = nil) throws -> BuildResult {
            try SiteBuilder.plan(
                BuildOptions(
                    load: LoadOptions(dataDirectory: data, decisionsDirectory: decisions), output: root + "/site",
                    templates: templates))
        }
    }

    static let secret = "SECRET-TOKEN-4c1d"
    static func record(_ title: String) -> String {
        "---\nstatus: accepted\ndate: 2020-01-01\n---\n# \(title)\n\nText.\n"
    }

    /// Every file of a plan as one text, to look for what must not be there.
    static func everything(_ plan: SitePlan) -> String {
        plan.paths.map { plan.text($0) ?? "" }.joined(separator: "\n")
    }

    @Test func refusesAnImportedRecordLinkedToAFileOutsideOrToTheEnvironment() throws {
        let tree = try Tree(
            "imported-out",
            files: [
                "adr/0001-a.md": Self.record("A"),
                ".git/config": "# \(Self.secret)\n[http]\n\textraheader = AUTHORIZATION: basic \(Self.secret)\n",
            ],
            links: ["adr/0002-notes.md": "../.git/config", "adr/0003-env.md": "/proc/self/environ"])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisions.map(\.id) == ["0001-a"])
        #expect(
            tree.text(result) == [
                "adr/0002-notes.md:1:1: warning: this file (a symbolic link to '../.git/config') leads outside the decisions folder, so it is not read",
                "adr/0003-env.md:1:1: warning: this file (a symbolic link to '/proc/self/environ') leads outside the decisions folder, so it is not read",
            ])
        let plan = try #require(try tree.plan(decisions: tree.adr).plan)
        let site = Self.everything(plan)
        #expect(!site.contains(Self.secret))
        #expect(!site.contains("PATH="))
        #expect(!plan.paths.contains { $0.contains("0002-notes") || $0.contains("0003-env") })
    }

    @Test func refusesOwnFilesLinkedOutsideOrToHiddenFilesOfTheDataFolder() throws {
        let tree = try Tree(
            "own-out",
            files: [
                "data/decisions/0001-a.md": Self.record("A"),
                "data/.git/config": "# \(Self.secret)\n",
                "outside/metric.md": "---\nname: \(Self.secret)\nkind: usage\n---\n",
                "data/sources/users.md": "---\nname: Users\nkind: usage\n---\nCounted.\n",
            ],
            links: [
                "data/decisions/0002-notes.md": "../.git/config",
                "data/metrics/leak.md": "../../outside/metric.md",
                "data/metrics/users.md": "../sources/users.md",
                "data/snapshots/2020-01.md": "/proc/self/environ",
                "data/principles.md": "/proc/self/environ",
            ])
        let result = try tree.load()
        let dataSet = try #require(result.dataSet)
        #expect(dataSet.decisions.map(\.id) == ["0001-a"])
        // A link inside the data folder to a file inside it is followed.
        #expect(dataSet.metrics.map(\.id) == ["users"])
        #expect(
            tree.text(result) == [
                "data/decisions/0002-notes.md:1:1: warning: this file (a symbolic link to '../.git/config') is a hidden file (a name starting with '.'), so it is not read",
                "data/metrics/leak.md:1:1: warning: this file (a symbolic link to '../../outside/metric.md') leads outside the data folder, so it is not read",
                "data/principles.md:1:1: warning: principles.md (a symbolic link to '/proc/self/environ') leads outside the data folder, so it is not read",
                "data/snapshots/2020-01.md:1:1: warning: this file (a symbolic link to '/proc/self/environ') leads outside the data folder, so it is not read",
            ])
        let site = Self.everything(try #require(try tree.plan().plan))
        #expect(!site.contains(Self.secret))
        #expect(!site.contains("PATH="))
    }

    @Test func refusesAProjectFileLinkedOutsideWithAnError() throws {
        let tree = try Tree(
            "project-out", files: ["outside.md": "---\nname: \(Self.secret)\n---\n"],
            links: [:])
        try FileManager.default.removeItem(atPath: tree.data + "/project.md")
        #expect(symlink("../outside.md", tree.data + "/project.md") == 0)
        let result = try tree.load()
        #expect(result.dataSet == nil)
        #expect(
            tree.text(result) == [
                "data/project.md:1:1: error: project.md (a symbolic link to '../outside.md') leads outside the data folder, so it is not read"
            ])
    }

    @Test func neverCopiesAHiddenFileOrALinkOutOfTheFolderThatARecordLinksTo() throws {
        let tree = try Tree(
            "attachments",
            files: [
                "adr/0001-a.md":
                    "---\nstatus: accepted\ndate: 2020-01-01\n---\n# A\n\n[env](.env) [key](keys/.key) [out](out.txt) [ok](plan.txt)\n",
                "adr/.env": "TOKEN=\(Self.secret)\n",
                "adr/keys/.key": "\(Self.secret)\n",
                "adr/plan.txt": "the plan\n",
                "secret.txt": "\(Self.secret)\n",
            ],
            links: ["adr/out.txt": "../secret.txt"])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisionAttachments.map(\.path) == ["plan.txt"])
        #expect(
            tree.text(result) == [
                "adr/0001-a.md:7:1: warning: the linked file '.env' is a hidden file (a name starting with '.'), so it is not read",
                "adr/0001-a.md:7:13: warning: the linked file 'keys/.key' is a hidden file (a name starting with '.'), so it is not read",
                "adr/0001-a.md:7:30: warning: the linked file 'out.txt' lies outside the decisions folder, so it is not copied",
            ])
        let plan = try #require(try tree.plan(decisions: tree.adr).plan)
        #expect(!Self.everything(plan).contains(Self.secret))
        #expect(plan.paths.filter { $0.hasPrefix("decisions/") && !$0.hasSuffix(".html") } == ["decisions/plan.txt"])
    }

    /// Issue #28: an image, written as `![…](…)` or as raw `<img src>`, that is a link out of the
    /// folder is refused like a linked file; one inside is copied.
    @Test func neverCopiesAnImageLinkedOutOfTheFolderMarkdownOrRawHTML() throws {
        let tree = try Tree(
            "images-out",
            files: [
                "adr/0001-a.md":
                    "---\nstatus: accepted\ndate: 2020-01-01\n---\n# A\n\n![x](out.png)\n\n<img src=\"raw.png\">\n\n![ok](ok.png)\n",
                "adr/ok.png": "OK-PNG",
                "secret.png": "\(Self.secret)\n",
            ],
            links: ["adr/out.png": "../secret.png", "adr/raw.png": "../secret.png"])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisionAttachments.map(\.path) == ["ok.png"])
        #expect(
            tree.text(result) == [
                "adr/0001-a.md:7:1: warning: the image 'out.png' lies outside the decisions folder, so it is not copied",
                "adr/0001-a.md:9:1: warning: the image 'raw.png' lies outside the decisions folder, so it is not copied",
            ])
        let plan = try #require(try tree.plan(decisions: tree.adr).plan)
        #expect(!Self.everything(plan).contains(Self.secret))
        #expect(plan.paths.filter { $0.hasPrefix("decisions/") && !$0.hasSuffix(".html") } == ["decisions/ok.png"])
    }

    @Test func readsEachImportedRecordOnceThroughALinkToAParentFolder() throws {
        let tree = try Tree(
            "loop-up", files: ["adr/0001-a.md": Self.record("A"), "adr/a/0002-b.md": Self.record("B")],
            links: ["adr/a/up": ".."])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisions.map(\.id) == ["0001-a", "0002-b"])
        #expect(
            tree.text(result) == [
                "adr/a/up:1:1: warning: this folder is a symbolic link to a folder already read, so it is not read again"
            ])
    }

    @Test func finishesOnTwoLinksToTheDecisionsFolderItself() throws {
        let tree = try Tree(
            "loop-dot", files: ["adr/0001-a.md": Self.record("A")], links: ["adr/a": ".", "adr/b": "."])
        let result = try tree.load(decisions: tree.adr)
        #expect(try #require(result.dataSet).decisions.map(\.id) == ["0001-a"])
        #expect(
            tree.text(result) == [
                "adr/a:1:1: warning: this folder is a symbolic link to a folder already read, so it is not read again",
                "adr/b:1:1: warning: this folder is a symbolic link to a folder already read, so it is not read again",
            ])
    }

    @Test func finishesOnLinksThatLoopInTheDataFolder() throws {
        let tree = try Tree(
            "loop-data", files: ["data/decisions/0001-a.md": Self.record("A")],
            links: ["data/a": ".", "data/b": ".", "data/decisions/up": "..", "data/snapshots/up": "../.."])
        let result = try tree.load()
        #expect(try #require(result.dataSet).decisions.map(\.id) == ["0001-a"])
        // Folders in metrics/, decisions/ and snapshots/ are not read, so a link there is no warning.
        #expect(tree.text(result) == [])
    }

    @Test func refusesATemplateLinkedOutsideTheTemplatesFolder() throws {
        let tree = try Tree(
            "templates", files: ["outside.mustache": "\(Self.secret)\n"],
            links: ["templates/layout.mustache": "../outside.mustache"])
        #expect(throws: TemplateSet.LoadError.self) { try TemplateSet(overrides: tree.root + "/templates") }
        do {
            _ = try TemplateSet(overrides: tree.root + "/templates")
        } catch {
            #expect(
                error.description == tree.root
                    + "/templates/layout.mustache: is a symbolic link that leads outside the templates folder; Bearings reads only the files inside the folder"
            )
        }
    }

    @Test func readsATemplatesFolderWithLinksThatLoopAndToAFileInsideIt() throws {
        let tree = try Tree(
            "templates-loop", files: ["templates/mine.mustache": "<p>{{title}}</p>\n"],
            links: ["templates/a": ".", "templates/b": ".", "templates/alias.mustache": "mine.mustache"])
        let templates = try TemplateSet(overrides: tree.root + "/templates")
        #expect(templates.replaced == ["alias", "mine"])
    }

    @Test func givesEveryRecordAnIdOfItsOwnAndAPage() throws {
        let tree = try Tree(
            "ids",
            files: [
                "adr/0010-same.md": Self.record("Top"),
                "adr/x-0010-same.md": Self.record("Prefixed"),
                "adr/x/0010-same.md": Self.record("In x"),
                "adr/y/0010-same/README.md": Self.record("Folder"),
            ])
        let result = try tree.load(decisions: tree.adr)
        let decisions = try #require(result.dataSet).decisions
        #expect(
            decisions.map { "\($0.id): \($0.title)" }.sorted() == [
                "0010-same: Top", "x-0010-same-2: In x", "x-0010-same: Prefixed", "y-0010-same: Folder",
            ])
        #expect(
            tree.text(result) == [
                "adr/x/0010-same.md:1:1: warning: other records are already called '0010-same' (adr/0010-same.md) and 'x-0010-same' (adr/x-0010-same.md); this one is 'x-0010-same-2'",
                "adr/y/0010-same/README.md:1:1: warning: another record is already called '0010-same' (adr/0010-same.md); this one is 'y-0010-same'",
            ])
        let plan = try #require(try tree.plan(decisions: tree.adr).plan)
        #expect(
            plan.paths.filter { $0.hasPrefix("decisions/") } == [
                "decisions/0010-same.html", "decisions/x-0010-same-2.html", "decisions/x-0010-same.html",
                "decisions/y-0010-same.html",
            ])
    }
}
