import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsModel

/// `bearings init`: the starter project read from the command line, the files written for it, and the
/// folders it refuses.
struct InitTests {
    /// 2025-11-27 12:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_764_244_800)

    func scaffold(_ data: String) -> Scaffold { Scaffold(dataDirectory: data, now: { InitTests.noon }) }

    /// Widget against gadget: PyPI for ours only (the list stops early), npm for gadget only (`-` skips ours).
    func widget() throws -> StarterProject {
        try StarterProject.make(
            name: "Widget", repository: "acme/widget", competitors: ["other/gadget"], pypi: ["widget"],
            npm: ["-", "gadget-js"])
    }

    @Test func readsIdsNamesAndPackagesFromTheCommandLine() throws {
        let starter = try widget()
        #expect(starter.project == .init(id: "widget", name: "Widget", repository: "acme/widget"))
        #expect(starter.competitors == [.init(id: "gadget", name: "gadget", repository: "other/gadget")])
        #expect(starter.packages == [.pypi: ["widget", nil], .npm: [nil, "gadget-js"]])
    }

    @Test func writesTheseFilesForASmallProject() throws {
        let files = Scaffold.starterFiles(
            try widget(), date: try #require(Day(iso: "2025-11-27")), dataArgument: "data")
        #expect(
            files.map(\.path) == [
                "README.txt", "project.md", "principles.md", "metrics/contributors.md", "metrics/stars.md",
                "metrics/pypi-downloads.md", "metrics/npm-downloads.md",
                "decisions/0001-measure-adoption-by-use-not-by-stars.md",
            ])
        let text = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
        #expect(
            text["README.txt"] == """
                This is the data folder of a Bearings report on Widget, written by 'bearings init'.
                Every file in it is text to edit; 'bearings check' names any problem with its line.

                Next steps

                1. Fetch the monthly history of every metric, then build the site into site/
                   (open site/index.html), or preview it while you edit:

                     bearings collect --history
                     bearings build
                     bearings serve

                2. project.md: the competitors' names are their repositories' names as written
                   (gadget): write the names to show.
                   Add a tagline and edit the introduction.

                3. principles.md: edit the example principle and add your own, one '## ' heading each.

                4. decisions/0001-measure-adoption-by-use-not-by-stars.md: an example decision, written as a bet.
                   Edit it, and uncomment its 'expect:' to say what would show that it worked.
                   Start the next one with:

                     bearings new decision "Title" --date YYYY-MM-DD

                5. metrics/: one file per measure; its 'collect:' block says where the numbers come from.
                   Run 'bearings collect --history' again each month to add the month
                   that ended (Bearings' README has a scheduled GitHub Actions workflow that does it).

                """)
        #expect(
            text["project.md"] == """
                ---
                name: Widget
                id: widget
                url: https://github.com/acme/widget
                headline: contributors
                competitors:     # id: the name shown on pages, here the repository's; write the real one
                  gadget: gadget
                ---
                This report follows Widget ([acme/widget](https://github.com/acme/widget)) against gadget ([other/gadget](https://github.com/other/gadget)).
                It counts use, not attention: the people who contribute code and, where there are packages,
                downloads; stars are kept apart.

                Edit this introduction: it is the first thing a reader of the dashboard sees.

                """)
        #expect(
            text["principles.md"] == """
                The principles behind Widget: what it stands for and how it chooses its course. Each decision names
                the principles it serves. Edit the one below and add your own, one `## ` heading each; a principle's
                id is the slug of its heading.

                ## Measure use, not attention

                Judge how Widget is doing by what people build with it (code they contribute, packages they
                install) and against the projects they could have chosen instead. Count stars and other marks of
                attention, but apart: they are easy to raise and say little about use.

                """)
        #expect(
            text["metrics/contributors.md"] == """
                ---
                name: Contributors per month
                kind: usage
                unit: people
                lag: "0"
                cadence: month
                source: https://www.gharchive.org/
                collect:
                  source: gharchive-contributors
                  projects:
                    widget: acme/widget
                    gadget: other/gadget
                ---
                People who pushed to the project's GitHub repository or opened a pull request there, counted once
                each per month from GH Archive's public event stream; logins ending in `[bot]` are left out.
                `bearings collect --history` fetches every complete month.

                This is the report's headline: people who write code for a project use it, which a star does not
                show. It misses work done elsewhere (mirrors, private forks, other repositories of the same
                project); add a metric for those if they matter.

                """)
        #expect(
            text["metrics/stars.md"] == """
                ---
                name: New GitHub stars per month
                kind: vanity
                unit: stars
                lag: "0"
                cadence: month
                source: https://www.gharchive.org/
                collect:
                  source: gharchive-stars
                  projects:
                    widget: acme/widget
                    gadget: other/gadget
                ---
                Stars given to the project's GitHub repository each month, counted from GH Archive's public event
                stream (WatchEvents). A star is a bookmark: it measures attention, not use, so this metric is drawn
                apart and is never the headline.

                """)
        #expect(
            text["metrics/pypi-downloads.md"] == """
                ---
                name: PyPI downloads per month
                kind: usage
                unit: downloads
                lag: "0"
                cadence: month
                scale: log
                source: https://clickpy.clickhouse.com/
                collect:
                  source: clickpy-downloads
                  projects:
                    widget: widget
                ---
                Downloads of the project's package from PyPI each month, from ClickPy's copy of PyPI's download log
                (package names normalized as PyPI does). Downloads count installs by people and by machines alike
                (CI runs, mirrors), so compare them between projects and over time rather than read them as users.

                """)
        #expect(
            text["metrics/npm-downloads.md"] == """
                ---
                name: npm downloads per month
                kind: usage
                unit: downloads
                lag: "0"
                cadence: month
                scale: log
                source: https://github.com/npm/registry/blob/main/docs/download-counts.md
                collect:
                  source: npm-downloads
                  projects:
                    gadget: gadget-js
                ---
                Downloads of the project's package from npm each month, from npm's download counts API. They count
                installs by people and by machines alike (CI runs, mirrors), so compare them between projects and
                over time rather than read them as users.

                """)
        #expect(
            text["decisions/0001-measure-adoption-by-use-not-by-stars.md"] == """
                ---
                status: accepted
                date: 2025-11-27
                kind: other
                principles: [measure-use-not-attention]
                watch: [contributors, pypi-downloads, npm-downloads]
                review: 2026-11-27
                # expect:        # what would show that the bet worked, judged at 'by' (default: the review date)
                #   - metric: contributors
                #     passes: gadget   # or share: ">= 50%", value: ">= 10k", rank: "<= 2", change: ">= +20%"
                #     by: 2026-11-27
                ---
                # Measure adoption by use, not by stars

                ## Context and Problem Statement

                We want to know whether Widget is gaining or losing ground, and why.
                Stars are the number everyone quotes, but anyone can give one and they say little about use.

                ## Decision Outcome

                We judge adoption by the people who contribute code each month and, where we publish packages,
                by downloads, always against the projects people could choose instead. We still count stars,
                apart, as attention.

                ## Consequences

                This record is an example of a decision written as a bet: edit it or replace it. Uncomment
                `expect:` above to say what would show that it worked; Bearings judges it at its `by` date.
                Start the next decision with `bearings new decision "Title"`.

                """)
    }

    @Test func theReadmeRepeatsTheDataFolderInEveryCommandAndSaysHowCratesAreMeasured() throws {
        let starter = try StarterProject.make(name: "Serde", repository: "serde-rs/serde", crates: ["serde"])
        let day = try #require(Day(iso: "2025-11-27"))
        let readme = try #require(Scaffold.starterFiles(starter, date: day, dataArgument: "my report").first)
        let commands = readme.text.split(separator: "\n").filter { $0.contains("bearings ") }
        #expect(
            commands == [
                "This is the data folder of a Bearings report on Serde, written by 'bearings init'.",
                "Every file in it is text to edit; 'bearings check --data 'my report'' names any problem with its line.",
                "     bearings collect --history --data 'my report'",
                "     bearings build --data 'my report'",
                "     bearings serve --data 'my report'",
                "   crates.io keeps no history: 'bearings collect --data 'my report'' measures metrics/crates-downloads.md",
                "     bearings new decision \"Title\" --date YYYY-MM-DD --data 'my report'",
                "   Run 'bearings collect --history --data 'my report'' again each month to add the month",
            ])
    }

    /// Starter projects of every shape, each written into a fresh folder and loaded as `check` loads it.
    static let shapes: [Example<[String], Int>] = [
        Example("ours alone", ["Solo", "me/solo"], 1),
        Example("the README's example", ["PyTorch", "pytorch/pytorch", "tensorflow/tensorflow,jax-ml/jax"], 3),
        Example("colliding repository names", ["Foo: the #1 \"lib\"", "a/foo", "b/foo,c/foo,d/foo-2,e/b-foo"], 5),
        Example("a name with nothing Latin", ["Лев", "lev/lev-core", "other/lev"], 2),
    ]

    @Test(arguments: shapes)
    func everyStarterFolderLoadsWithoutAnyDiagnostic(_ example: Example<[String], Int>) throws {
        let folder = try temporaryFolder("init-\(example.name)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("nested/data").path
        let competitors = example.input.count > 2 ? example.input[2].split(separator: ",").map(String.init) : []
        let packages = ["ours"] + competitors.map { _ in "-" }
        let starter = try StarterProject.make(
            name: example.input[0], repository: example.input[1], competitors: competitors, pypi: packages,
            npm: packages, crates: packages)
        let written = try scaffold(data).initialize(starter)
        #expect(written.count == 9)
        let result = try DataLoader.load(LoadOptions(dataDirectory: data))
        #expect(result.diagnostics.map(\.description) == [])
        let dataSet = try #require(result.dataSet)
        #expect(dataSet.project.competitors.count == example.expected - 1)
        #expect(
            dataSet.metrics.map(\.id) == [
                "contributors", "crates-downloads", "npm-downloads", "pypi-downloads", "stars",
            ])
        #expect(dataSet.metrics.first { $0.id == "contributors" }?.collect?.targets.count == example.expected)
        #expect(dataSet.project.headline == "contributors")
    }

    static let ids: [Example<[String], [String]>] = [
        Example(
            "from the name and the repositories", ["PyTorch", "pytorch/pytorch", "tensorflow/tensorflow,jax-ml/jax"],
            ["pytorch", "tensorflow", "jax"]),
        Example("diacritics folded", ["Zürich Straße", "z/z", ""], ["zurich-strasse"]),
        Example("the repository when the name has no Latin", ["Лев", "lev/Lev.Core", ""], ["lev-core"]),
        Example("owner-repo when the name is taken", ["Foo", "a/foo", "b/foo"], ["foo", "b-foo"]),
        Example(
            "a number when owner-repo is taken too", ["Foo", "a/foo", "x/b-foo,b/foo,c/foo"],
            ["foo", "b-foo", "foo-2", "c-foo"]),
        Example(
            "the next number when that is taken", ["Foo", "a/foo", "x/foo-2,x/b-foo,b/foo"],
            ["foo", "foo-2", "b-foo", "foo-3"]),
    ]

    @Test(arguments: ids)
    func makesIdsWithoutCollisions(_ example: Example<[String], [String]>) throws {
        let competitors = example.input[2].isEmpty ? [] : example.input[2].split(separator: ",").map(String.init)
        let starter = try StarterProject.make(
            name: example.input[0], repository: example.input[1], competitors: competitors)
        #expect(starter.members.map(\.id) == example.expected)
    }

    static let problems: [Example<[[String]], String>] = [
        Example(
            "an empty name", [[" "], ["a/b"]], "--name is empty; give the project's display name, e.g. --name PyTorch"),
        Example("a name on two lines", [["A\nB"], ["a/b"]], "--name must be one line"),
        Example(
            "a repository without owner", [["A"], ["pytorch"]],
            "--repo takes a GitHub repository as OWNER/REPO (e.g. pytorch/pytorch), not 'pytorch'"),
        Example(
            "a repository URL", [["A"], ["https://github.com/a/b"]],
            "--repo takes a GitHub repository as OWNER/REPO (e.g. pytorch/pytorch), not 'https://github.com/a/b'"),
        Example(
            "a competitor that is no repository", [["A"], ["a/b"], ["c/d", ""]],
            "--vs takes a GitHub repository as OWNER/REPO (e.g. pytorch/pytorch), not ''"),
        Example(
            "our repository as a competitor", [["A"], ["a/b"], ["A/B"]],
            "--vs names 'A/B' twice, or names --repo itself; list each repository once"),
        Example(
            "a competitor twice", [["A"], ["a/b"], ["c/d", "e/f", "c/d"]],
            "--vs names 'c/d' twice, or names --repo itself; list each repository once"),
        Example(
            "more packages than projects", [["A"], ["a/b"], ["c/d"], ["a", "c", "e"]],
            "--pypi names 3 packages for 2 projects; list ours first, then one per --vs repository in order (- skips one)"
        ),
        Example(
            "an empty package name", [["A"], ["a/b"], ["c/d"], ["", "c"]],
            "--pypi has an empty name; write - to skip a project"),
        Example(
            "a package name the registry cannot have", [["A"], ["a/b"], [], ["a b"]],
            "--pypi: 'a b' is not a PyPI package name"),
        Example(
            "a package for one project of one", [["A"], ["a/b"], [], [], ["x", "y"]],
            "--npm names 2 packages for 1 project; list ours first, then one per --vs repository in order (- skips one)"
        ),
        Example(
            "a crate name with a dot", [["A"], ["a/b"], [], [], [], ["a.b"]], "--crates: 'a.b' is not a crate name"),
    ]

    @Test(arguments: problems)
    func refusesCommandLinesItCannotWriteAFolderFor(_ example: Example<[[String]], String>) {
        let lists = example.input + Array(repeating: [], count: 6 - example.input.count)
        #expect(throws: StarterProject.Problem(example.expected)) {
            try StarterProject.make(
                name: lists[0][0], repository: lists[1][0], competitors: lists[2], pypi: lists[3], npm: lists[4],
                crates: lists[5])
        }
    }

    @Test func skipsAProjectForEveryDashAndAfterTheListEnds() throws {
        let starter = try StarterProject.make(
            name: "A", repository: "a/a", competitors: ["b/b", "c/c", "d/d"], pypi: ["-", "b", " - "],
            npm: ["a", "-", "-", "-"], crates: ["-", "-"])
        #expect(
            starter.packages == [
                .pypi: [nil, "b", nil, nil], .npm: ["a", nil, nil, nil], .crates: [nil, nil, nil, nil],
            ])
        // A registry whose every project is skipped has no metric.
        #expect(
            Scaffold.starterMetrics(starter).map(\.id) == ["contributors", "stars", "pypi-downloads", "npm-downloads"])
    }

    @Test(arguments: [
        Example("a plain name", "PyTorch (Meta) 2.0", "PyTorch (Meta) 2.0"),
        Example("a colon and a hash", "Foo: #1", "\"Foo: #1\""),
        Example("a scoped npm package", "@scope/pkg", "\"@scope/pkg\""),
        Example("a word YAML reads as a boolean", "Yes", "\"Yes\""),
        Example("a leading digit", "3d-lib", "\"3d-lib\""),
        Example("quotes, a backslash and a tab", "a \"b\" \\ \t", "\"a \\\"b\\\" \\\\ \\x09\""),
        Example("letters beyond ASCII", "Ünïcode", "\"Ünïcode\""),
    ])
    func writesYAMLScalarsThatReadBackAsWritten(_ example: Example<String, String>) {
        #expect(Scaffold.yamlScalar(example.input) == example.expected)
    }

    @Test func escapesTheMarkdownThatANameCouldStart() {
        #expect(
            Scaffold.markdownText("C++ & *Rust* [1] <b>_x_</b> ~a~ `c` a|b!")
                == "C++ \\& \\*Rust\\* \\[1\\] \\<b\\>\\_x\\_\\</b\\> \\~a\\~ \\`c\\` a\\|b\\!")
    }

    @Test func refusesAFolderThatIsNotEmptyEvenWithOnlyAHiddenFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent(".keep"))
        #expect(
            throws: ScaffoldError(
                path: folder.path,
                reason:
                    "is not empty; 'bearings init' writes only into a new or empty folder (use --data DIR to name another)",
                exitCode: 2)
        ) { try scaffold(folder.path).initialize(try widget()) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".keep"])
    }

    @Test func refusesAFileWhereTheFolderShouldBe() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data")
        try Data("x".utf8).write(to: file)
        #expect(
            throws: ScaffoldError(
                path: file.path, reason: "is a file; 'bearings init' writes a new data folder (use --data DIR)",
                exitCode: 2)
        ) { try scaffold(file.path).initialize(try widget()) }
    }

    @Test func writesIntoAnEmptyFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try scaffold(folder.path).initialize(try widget())
        #expect(written.first == folder.path + "/README.txt")
        #expect(written.last == folder.path + "/decisions/0001-measure-adoption-by-use-not-by-stars.md")
    }

    /// A write failing halfway takes back what was written: before, the folder was left holding
    /// README.txt and a metric, and a second `init` refused it as "not empty".
    @Test func aFailedWriteLeavesNoPartialFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The third file has the second's path: it fails with "already exists" after two were written.
        let files = [
            Scaffold.StarterFile(path: "README.txt", text: "a\n"),
            Scaffold.StarterFile(path: "metrics/x.md", text: "b\n"),
            Scaffold.StarterFile(path: "metrics/x.md", text: "c\n"),
        ]
        let absent = folder.path + "/new/data"
        #expect(throws: ScaffoldError.self) { try scaffold(absent).initialize(files: files) }
        // The data folder and its missing parent were created by init, so they go too.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        // A folder that was there (empty) stays, empty.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        #expect(throws: ScaffoldError.self) { try scaffold(empty.path).initialize(files: files) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path) == [])
        // And init then succeeds there.
        #expect(try scaffold(empty.path).initialize(try widget()).first == empty.path + "/README.txt")
    }

    // MARK: - `new` in a folder init did not write

    @Test func newDecisionAndSnapshotSayToRunInitWhenThereIsNoProject() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = "start one with 'bearings init --name NAME --repo OWNER/REPO', or name another with --data DIR"
        let missingProject = ScaffoldError(
            path: folder.path + "/project.md", reason: "is missing, so this is not a data folder yet; \(start)",
            exitCode: 1)
        #expect(throws: missingProject) { try scaffold(folder.path).newDecision(title: "Use X") }
        #expect(throws: missingProject) { try scaffold(folder.path).newSnapshot() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let missingFolder = ScaffoldError(
            path: folder.path + "/data", reason: "the data folder does not exist; \(start)", exitCode: 3)
        #expect(throws: missingFolder) { try scaffold(folder.path + "/data").newDecision(title: "Use X") }
        #expect(throws: missingFolder) { try scaffold(folder.path + "/data").newSnapshot() }
    }

    @Test func newDecisionTakesTheDateItIsGiven() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try scaffold(folder.path).initialize(try widget())
        let path = try scaffold(folder.path).newDecision(title: "Drop X", date: try #require(Day(iso: "2019-03-31")))
        #expect(path == folder.path + "/decisions/0002-drop-x.md")
        let dataSet = try DataLoader.load(LoadOptions(dataDirectory: folder.path)).dataSet
        let decision = try #require(dataSet?.decisions.first { $0.id == "0002-drop-x" })
        #expect(decision.date?.description == "2019-03-31")
        #expect(decision.review?.description == "2020-03-31")
    }
}

extension InitTests {
    /// What `collect --history` will add, written here by hand: two years of months for the headline and
    /// stars, with a crossover in the headline, builds under `--strict` with the starter folder as it is.
    @Test func twoYearsOfMonthlySeriesBuildWithTheStarterFolderUnderStrict() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try scaffold(folder.path).initialize(try widget())
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("series"), withIntermediateDirectories: true)
        // Widget 100, 105, … and gadget 200, 197, … contributors: widget is ahead from month 13, 2024-12.
        var months: [String] = []
        var (year, month) = (2023, 11)
        for _ in 0..<24 {
            months.append(String(format: "%04d-%02d-01", year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        for (metric, widget, gadget) in [
            ("contributors", { (i: Int) in 100 + 5 * i }, { (i: Int) in 200 - 3 * i }),
            ("stars", { (i: Int) in 10 + i }, { (i: Int) in 1000 + i }),
        ] {
            var lines = ["date,metric,project,value,note"]
            for (i, date) in months.enumerated() {
                lines.append("\(date),\(metric),widget,\(widget(i)),written by hand")
                lines.append("\(date),\(metric),gadget,\(gadget(i)),written by hand")
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(
                to: folder.appendingPathComponent("series/collected-\(metric).csv"))
        }
        #expect(months.first == "2023-11-01")
        #expect(months.last == "2025-10-01")

        let result = try SiteBuilder.plan(
            BuildOptions(load: LoadOptions(dataDirectory: folder.path), strict: true))
        #expect(result.diagnostics.map(\.description) == [])
        let plan = try #require(result.plan)
        let json = try #require(plan.files["data/site.json"])
        let site = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let analysis = try #require(site["analysis"] as? [String: Any])
        let crossovers = try #require(analysis["crossovers"] as? [[String: Any]])
        #expect(crossovers.count == 1)
        #expect(crossovers.first?["metric"] as? String == "contributors")
        #expect(crossovers.first?["date"] as? String == "2024-12-01")
        #expect(crossovers.first?["passer"] as? String == "widget")
        #expect(crossovers.first?["passed"] as? String == "gadget")
        let shares = try #require((analysis["shares"] as? [String: Any])?["contributors"] as? [[String: Any]])
        #expect(shares.count == 24)
        // 100 / (100 + 200), and 215 / (215 + 131) in the 24th month.
        #expect(shares.first?["share"] as? Double == 100.0 / 300.0)
        #expect(shares.last?["share"] as? Double == 215.0 / 346.0)
        // The page says where its numbers come from (init's collect: blocks, project ids to names).
        let page = String(decoding: try #require(plan.files["metrics/contributors.html"]), as: UTF8.self)
        #expect(
            page.contains(
                "<dt>Collected</dt><dd>by bearings collect --history with gharchive-contributors (GH Archive&#39;s "
                    + "github_events table on ClickHouse): Widget acme/widget, gadget other/gadget; each run&#39;s "
                    + "endpoint and queries are in series/collected-contributors.sources.txt</dd>"))
    }
}
