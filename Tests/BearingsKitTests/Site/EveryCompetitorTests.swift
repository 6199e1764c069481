import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsLoading
@testable import BearingsModel

/// The dashboard's share chart draws every project of the headline metric (SPEC §4, issue #27):
/// one line each, ours emphasised, each named at its end with its last share, names never on top
/// of each other. Every expected figure is worked out by hand in the comments, from the small
/// folder written here or, for the example, from data/series/github-innovation-graph.csv.
struct EveryCompetitorTests {
    /// Yearly users of Alpha (this project), Beta and Gamma, who joins in 2024:
    ///
    ///     2023: Alpha 100, Beta 300             total  400: Alpha 25.0%, Beta 75.0%, Gamma – (no value yet)
    ///     2024: Alpha 300, Beta 500, Gamma 200  total 1000: Alpha 30.0%, Beta 50.0%, Gamma 20.0%
    ///     2025: Alpha 1000, Beta 990, Gamma 10  total 2000: Alpha 50.0%, Beta 49.5%, Gamma 0.50%
    ///
    /// Gamma's 10 / 2000 = 0.5% is under 1%, so it is written with two significant digits.
    /// `stopped` adds 2026 with Alpha 1100 and Beta 1000 and no Gamma: every share of 2026 is
    /// unknown (a member of the category was not measured), so every line ends at 2025.
    static func folder(stopped: Bool = false) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("every-competitor-\(UUID().uuidString)")
        let data = root.appendingPathComponent("data")
        for folder in ["metrics", "series"] {
            try FileManager.default.createDirectory(
                at: data.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let files = [
            "project.md": """
            ---
            name: Alpha
            id: alpha
            headline: users
            competitors:
              beta: Beta
              gamma: Gamma
            ---
            Alpha against Beta and Gamma.

            """,
            "metrics/users.md": """
            ---
            name: Users
            kind: usage
            unit: users
            cadence: year
            ---
            People who use each project in a year.

            """,
            "series/users.csv": """
            date,metric,project,value
            2023-01-01,users,alpha,100
            2023-01-01,users,beta,300
            2024-01-01,users,alpha,300
            2024-01-01,users,beta,500
            2024-01-01,users,gamma,200
            2025-01-01,users,alpha,1000
            2025-01-01,users,beta,990
            2025-01-01,users,gamma,10

            """ + (stopped ? "2026-01-01,users,alpha,1100\n2026-01-01,users,beta,1000\n" : ""),
        ]
        for (path, text) in files {
            try text.write(to: data.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return data
    }

    static func dashboard(stopped: Bool = false) throws -> String {
        let data = try folder(stopped: stopped)
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let result = try SiteBuilder.plan(BuildOptions(load: LoadOptions(dataDirectory: data.path)))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        return try #require(result.plan?.text("index.html"))
    }

    /// The wide or narrow drawing of the dashboard's share chart.
    static func svg(_ page: String, _ variant: String) throws -> String {
        let match = try #require(
            page.firstMatch(
                of: try Regex("<svg [^>]*class=\"chart \(variant) share-chart\"[^>]*>(.*?)</svg>").dotMatchesNewlines()
            ))
        return String(match.0)
    }

    /// The texts of the names at the lines' ends, with their baselines, top to bottom.
    static func endLabels(_ svg: String) -> [(text: String, y: Double)] {
        svg.matches(of: #/<text class="end-label[^"]*" x="[^"]*" y="([^"]*)"[^>]*>([^<]*)</text>/#)
            .map { (String($0.2), Double($0.1) ?? .nan) }.sorted { $0.y < $1.y }
    }

    /// The text of an HTML fragment: tags dropped, cells split by " | ", spaces collapsed.
    func text(_ html: Substring) -> String {
        String(html).replacing(#/<td[^>]*>/#, with: " | ").replacing(#/<[^>]+>/#, with: "")
            .replacing("&#39;", with: "'").replacing(#/\s+/#, with: " ").trimmingCharacters(in: .whitespaces)
    }

    @Test func everyProjectsShareIsWorkedOutByTheRuleOfOurs() throws {
        let location = SourceLocation(path: "t.md")
        let project = Project(
            name: "Alpha", id: "alpha",
            competitors: [.init(id: "beta", name: "Beta"), .init(id: "gamma", name: "Gamma")],
            location: location)
        let metric = Metric(id: "users", name: "Users", kind: .usage, location: location)
        let values: [(String, String, Double)] = [
            ("2023-01-01", "alpha", 100), ("2023-01-01", "beta", 300),
            ("2024-01-01", "alpha", 300), ("2024-01-01", "beta", 500), ("2024-01-01", "gamma", 200),
            ("2025-01-01", "alpha", 1000), ("2025-01-01", "beta", 990), ("2025-01-01", "gamma", 10),
        ]
        let observations = values.map {
            Observation(
                date: Day(iso: $0.0) ?? Day(ordinal: 0), metric: "users", project: $0.1, value: $0.2, text: "",
                location: location)
        }
        let dataSet = DataSet(project: project, metrics: [metric], decisions: [], observations: observations)
        let series = try #require(Analysis.series(dataSet)["users"])
        let every = Analysis.shares(series)
        #expect(every["alpha"]?.map(\.share) == [0.25, 0.3, 0.5])
        #expect(every["beta"]?.map(\.share) == [0.75, 0.5, 0.495])
        // Gamma is not in the category before its first value: no share, not 0.
        #expect(every["gamma"]?.map(\.share) == [nil, 0.2, 0.005])
        // One rule: ours from the general function is what share(_:of:) gives, entry for entry.
        #expect(every["alpha"] == Analysis.share(series, of: "alpha"))
        #expect(
            every["gamma"]?.map(\.projectsMeasured) == [
                ["alpha", "beta"], ["alpha", "beta", "gamma"], ["alpha", "beta", "gamma"],
            ])
    }

    @Test func theDashboardDrawsALineForEachProjectNamedWithItsLastShare() throws {
        let page = try Self.dashboard()
        let wide = try Self.svg(page, "wide")
        // Alpha's 50.0% and Beta's 49.5% end half a point apart: their names are moved apart,
        // a line height (15 units for 12-unit text) at least, and tied to their lines by leaders.
        let labels = Self.endLabels(wide)
        #expect(labels.map(\.text) == ["Alpha 50.0%", "Beta 49.5%", "Gamma 0.50%"])
        for (upper, lower) in zip(labels, labels.dropFirst()) {
            #expect(lower.y - upper.y >= 15, "\(upper.text) at \(upper.y), \(lower.text) at \(lower.y)")
        }
        #expect(wide.components(separatedBy: "class=\"leader\"").count - 1 == 2)
        // Ours emphasised; each project in its own style, as everywhere (project order: s0, s1, s2).
        #expect(wide.contains("<text class=\"end-label emph\""))
        #expect(wide.contains("<path class=\"series s0 d0 emph\""))
        #expect(wide.contains("<path class=\"series s1 d1\""))
        #expect(wide.contains("<path class=\"series s2 d2\""))
        #expect(wide.contains("<title id=\"headline-share-title\">Each project&#39;s share of Users</title>"))
        #expect(
            wide.contains(
                "from 2023 to 2025, one line per project, Alpha&#39;s emphasised: Alpha, Beta and Gamma. Last known shares: Alpha 50.0%, Beta 49.5% and Gamma 0.50% (2025). A line starts at its project&#39;s first value: Gamma in 2024."
            ))
        // The narrow drawing has no room beside its plot: its legend names each line with its share.
        let narrow = try Self.svg(page, "narrow")
        let legend = narrow.matches(of: #/<text class="legend-label[^"]*"[^>]*>([^<]*)</text>/#).map { String($0.1) }
        #expect(legend == ["Alpha 50.0%", "Beta 49.5%", "Gamma 0.50%", "projects measured changed"])
        // The table under the chart: every project's share, newest first.
        let table = try #require(
            page.firstMatch(of: #/<details class="data-table">(.*?)</details>/#.dotMatchesNewlines()))
        #expect(table.1.contains("<caption>Each project's share of the sum over the projects in the category"))
        let rows = table.1.matches(of: #/<tr><th scope="row">(.*?)</tr>/#).map { text($0.1) }
        #expect(
            rows == [
                "2025 | 50.0% | 49.5% | 0.50% | Alpha, Beta, Gamma",
                "2024 | 30.0% | 50.0% | 20.0% | Alpha, Beta, Gamma",
                "2023 | 25.0% | 75.0% | – | Alpha, Beta",
            ])
    }

    @Test func linesThatEndBeforeTheNewestDateKeepTheirNamesApart() throws {
        // 2026 is unknown for every line (Gamma not measured), so each is named at its 2025 point,
        // inside the plot: Alpha's and Beta's would print on top of each other there.
        let wide = try Self.svg(try Self.dashboard(stopped: true), "wide")
        let labels = Self.endLabels(wide)
        #expect(labels.map(\.text) == ["Alpha 50.0%", "Beta 49.5%", "Gamma 0.50%"])
        #expect(wide.components(separatedBy: "class=\"end-label ended").count - 1 == 3)
        for (upper, lower) in zip(labels, labels.dropFirst()) {
            #expect(lower.y - upper.y >= 15, "\(upper.text) at \(upper.y), \(lower.text) at \(lower.y)")
        }
        #expect(
            wide.contains(
                "The shares of Alpha, Beta and Gamma are unknown on 1 date where a project in the category was not measured; their lines have gaps there."
            ))
    }

    /// Real data (Fixtures/real-stops): SCDE not measured after Dec 2019, so all five lines end
    /// there. Dec 2019's downloads, from StoppedCompetitorTests' reading of the raw file: MAST 241,
    /// Monocle 734, SCDE 459, BASiCS 249, DEsingle 27; total 1,710. Shares: 734 / 1710 = 42.9%,
    /// 459 / 1710 = 26.8%, 249 / 1710 = 14.6%, 241 / 1710 = 14.1%, 27 / 1710 = 1.6%. BASiCS and
    /// MAST end half a point apart: their names are spread a line apart, in that order.
    @Test func namesOfLinesEndingTogetherKeepTheOrderOfTheirEnds() throws {
        let page = try #require(StoppedCompetitorTests.plan?.text("index.html"))
        let wide = try Self.svg(page, "wide")
        let labels = Self.endLabels(wide)
        #expect(
            labels.map(\.text) == ["Monocle 42.9%", "SCDE 26.8%", "BASiCS 14.6%", "MAST 14.1%", "DEsingle 1.6%"])
        #expect(wide.components(separatedBy: "class=\"end-label ended").count - 1 == 5)
        for (upper, lower) in zip(labels, labels.dropFirst()) {
            #expect(lower.y - upper.y >= 15, "\(upper.text) at \(upper.y), \(lower.text) at \(lower.y)")
        }
    }

    /// The example's headline, developers pushing in 2025 Q3 (data/series/github-innovation-graph.csv):
    /// PyTorch 2,996, TensorFlow 1,107, JAX 229, Keras 329; total 4,661. Shares: 2996 / 4661 =
    /// 64.28%, 1107 / 4661 = 23.75% (23.7502), 229 / 4661 = 4.91%, 329 / 4661 = 7.06%.
    @Test func theExamplesDashboardDrawsEveryFramework() throws {
        let plan = try #require(BadgeAndPreviewTests.planExample())
        let page = try #require(plan.text("index.html"))
        let wide = try Self.svg(page, "wide")
        #expect(wide.components(separatedBy: "<path class=\"series ").count - 1 == 4)
        #expect(
            Self.endLabels(wide).map(\.text).sorted() == [
                "JAX 4.9%", "Keras 7.1%", "PyTorch 64.3%", "TensorFlow 23.8%",
            ])
        #expect(wide.contains("one line per project, PyTorch&#39;s emphasised: PyTorch, TensorFlow, JAX and Keras."))
        // A metric page still draws our share alone: its line chart above draws every project.
        let metric = try #require(plan.text("metrics/github-pushers.html"))
        #expect(metric.contains(">PyTorch share</text>"))
        #expect(!metric.contains("Each project&#39;s share"))
    }
}
