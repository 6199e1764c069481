import BearingsKit
import Foundation
import Testing

/// "Edit this page" links (SPEC: `repository` in project.md): on each page made from one file, the
/// file's path after `edit_url`, or after `repository` + `/edit/main/`.
struct EditLinkTests {
    static let base = "https://example.org/git/widget/edit/main/"

    /// The `small` fixture sets `repository: https://example.org/git/widget`.
    static let pages: [(page: String, file: String?)] = [
        ("index.html", "data/project.md"),
        ("principles.html", "data/principles.md"),
        ("metrics/downloads.html", "data/metrics/downloads.md"),
        ("decisions/0002-plugins.html", "data/decisions/0002-plugins.md"),
        ("snapshots/2020-07-01.html", "data/snapshots/2020-07.md"),
        ("trends.html", nil), ("decisions.html", nil), ("snapshots.html", nil), ("404.html", nil),
    ]

    @Test func eachPageMadeFromOneFileLinksToThatFile() throws {
        let plan = try #require(planSite("small"))
        for (page, file) in Self.pages {
            let html = try #require(plan.text(page), "\(page) is missing")
            let links = Self.editLinks(html)
            #expect(links == (file.map { [Self.base + $0] } ?? []), "\(page)")
        }
    }

    @Test func editURLReplacesTheDefaultAndPathsArePercentEncoded() throws {
        let data = try copyOfSmall()
        let project = data.appendingPathComponent("project.md")
        let text = try String(contentsOf: project, encoding: .utf8)
            .replacingOccurrences(
                of: "repository: https://example.org/git/widget\n",
                with:
                    "repository: https://example.org/git/widget\nedit_url: https://gitlab.example.org/w/-/edit/trunk/report\n"
            )
        try text.write(to: project, atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(
            at: data.appendingPathComponent("snapshots/2020-07.md"),
            to: data.appendingPathComponent("snapshots/July 2020 #2.md"))
        let plan = try #require(try SiteBuilder.plan(BuildOptions(load: LoadOptions(dataDirectory: data.path))).plan)
        let index = try #require(plan.text("index.html"))
        #expect(Self.editLinks(index) == ["https://gitlab.example.org/w/-/edit/trunk/report/data/project.md"])
        let snapshot = try #require(plan.text("snapshots/2020-07-01.html"))
        #expect(
            Self.editLinks(snapshot) == [
                "https://gitlab.example.org/w/-/edit/trunk/report/data/snapshots/July%202020%20%232.md"
            ])
    }

    @Test func principlesWithOnlyAnIntroductionLinkToTheirFileAndNoFileNoLink() throws {
        let data = try copyOfSmall()
        let principles = data.appendingPathComponent("principles.md")
        try "# Principles\n\nStill being written.\n".write(to: principles, atomically: true, encoding: .utf8)
        // The decisions name principles that are gone now.
        for name in ["0001-users-first", "0002-plugins", "0003-docs"] {
            let file = data.appendingPathComponent("decisions/\(name).md")
            let lines = try String(contentsOf: file, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            try lines.filter { !$0.hasPrefix("principles:") }.joined(separator: "\n")
                .write(to: file, atomically: true, encoding: .utf8)
        }
        let options = BuildOptions(load: LoadOptions(dataDirectory: data.path))
        let plan = try #require(try SiteBuilder.plan(options).plan)
        #expect(Self.editLinks(plan.text("principles.html") ?? "") == [Self.base + "data/principles.md"])

        try FileManager.default.removeItem(at: principles)
        let without = try #require(try SiteBuilder.plan(options).plan)
        #expect(Self.editLinks(without.text("principles.html") ?? "-") == [])
    }

    @Test func decisionsFromAFolderGivenByARelativePathLinkToItsFiles() throws {
        // `swift test` runs in the package's folder, as a CI build runs at the repository's root.
        let folder = "Tests/BearingsKitTests/Fixtures/adr/madr"
        let first = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted().first)
        let options = BuildOptions(
            load: LoadOptions(
                dataDirectory: siteFixtures.appendingPathComponent("small/data").path, decisionsDirectory: folder))
        let plan = try #require(try SiteBuilder.plan(options).plan)
        let page = try #require(plan.text("decisions/\(first.dropLast(3)).html"))
        #expect(Self.editLinks(page) == [Self.base + folder + "/" + first])
    }

    @Test func decisionsFromAnAbsoluteFolderGetNoLink() throws {
        let folder = siteFixtures.deletingLastPathComponent().appendingPathComponent("adr/madr").path
        let options = BuildOptions(
            load: LoadOptions(
                dataDirectory: siteFixtures.appendingPathComponent("small/data").path, decisionsDirectory: folder))
        let plan = try #require(try SiteBuilder.plan(options).plan)
        let decisions = plan.paths.filter { $0.hasPrefix("decisions/") }
        #expect(!decisions.isEmpty)
        for path in decisions { #expect(Self.editLinks(plan.text(path) ?? "") == [], "\(path)") }
        #expect(Self.editLinks(plan.text("index.html") ?? "") == [Self.base + "data/project.md"])
    }

    @Test(arguments: [
        ("edit_url: \"javascript:alert(1)\"", "edit_url"), ("repository: git@example.org:w/widget.git", "repository"),
    ])
    func aKeyThatIsNotAWebAddressIsAWarningAndMakesNoLinks(line: String, key: String) throws {
        let data = try copyOfSmall()
        let project = data.appendingPathComponent("project.md")
        let text = try String(contentsOf: project, encoding: .utf8)
            .replacingOccurrences(of: "repository: https://example.org/git/widget\n", with: line + "\n")
        try text.write(to: project, atomically: true, encoding: .utf8)
        let result = try SiteBuilder.plan(BuildOptions(load: LoadOptions(dataDirectory: data.path)))
        #expect(
            result.diagnostics.map(\.description) == [
                "\(data.path)/project.md:6:\(key.count + 3): warning: '\(key)' is not an http(s) URL, so pages get no edit links"
            ])
        let plan = try #require(result.plan)
        #expect(Self.editLinks(plan.text("index.html") ?? "") == [])
    }

    /// The targets of the "Edit this page" links in a page.
    static func editLinks(_ html: String) -> [String] {
        html.components(separatedBy: "<a href=\"").dropFirst().compactMap { part -> String? in
            guard let end = part.range(of: "\">Edit this page</a>") else { return nil }
            let target = part[..<end.lowerBound]
            return target.contains("\"") ? nil : String(target)
        }
    }

    /// A fresh copy of the `small` fixture's data folder.
    func copyOfSmall(_ name: String = #function) throws -> URL {
        let folder = try temporaryFolder(name).appendingPathComponent("data")
        try FileManager.default.copyItem(at: siteFixtures.appendingPathComponent("small/data"), to: folder)
        return folder
    }
}
