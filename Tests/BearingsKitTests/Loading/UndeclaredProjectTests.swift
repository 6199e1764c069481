import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// SPEC §1 (project.md): a project id in the data that is neither the project's id nor a declared
/// competitor is an error when project.md has `competitors:`, a warning (once per id) when not.
struct UndeclaredProjectTests {
    private static func project(_ frontMatter: String) -> Project? {
        ProjectParser.parse(SourceText(path: "data/project.md", text: "---\nname: PyTorch\n\(frontMatter)---\n")).0
    }

    private static func at(_ path: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    static let declarations: [Example<String, Bool>] = [
        Example("a map of competitors", "competitors:\n  tensorflow: TensorFlow\n", true),
        Example("an empty map", "competitors: {}\n", true),
        Example("the key with nothing under it", "competitors:\n", true),
        Example("no key", "", false),
        Example("a list, which is an error of its own", "competitors: [tensorflow]\n", false),
    ]

    @Test(arguments: declarations)
    func declaresCompetitorsWithACompetitorsMap(_ example: Example<String, Bool>) {
        #expect(Self.project(example.input)?.declaresCompetitors == example.expected)
    }

    /// Two snapshots and a series file naming `tensorfow`, `jax` and the declared ids.
    static let references = [
        ProjectReference(id: "pytorch", location: at("data/snapshots/2019-06.md", 6, 18)),
        ProjectReference(id: "tensorfow", location: at("data/snapshots/2019-06.md", 6, 28)),
        ProjectReference(id: "jax", location: at("data/snapshots/2019-12.md", 6, 30)),
        ProjectReference(id: "tensorfow", location: at("data/snapshots/2019-12.md", 6, 18)),
        ProjectReference(id: "tensorflow", location: at("data/series/history.csv", 2, 25)),
        ProjectReference(id: "jax", location: at("data/series/history.csv", 9, 25)),
    ]

    @Test func reportsEveryFileNamingAnUnknownProjectWhenCompetitorsAreDeclared() throws {
        let project = try #require(Self.project("competitors:\n  tensorflow: TensorFlow\n"))
        let didYouMean = "correct the id, or declare it under 'competitors:' in data/project.md"
        let declare =
            "declare it under 'competitors:' in data/project.md, or use a declared id: 'pytorch', 'tensorflow'"
        #expect(
            Validator.undeclaredProjects(Self.references, project: project) == [
                .error(Self.at("data/series/history.csv", 9, 25), "unknown project 'jax'", hint: declare),
                .error(
                    Self.at("data/snapshots/2019-06.md", 6, 28),
                    "unknown project 'tensorfow'; did you mean 'tensorflow'?", hint: didYouMean),
                .error(
                    Self.at("data/snapshots/2019-12.md", 6, 18),
                    "unknown project 'tensorfow'; did you mean 'tensorflow'?", hint: didYouMean),
                .error(Self.at("data/snapshots/2019-12.md", 6, 30), "unknown project 'jax'", hint: declare),
            ])
    }

    @Test func warnsOncePerIdAtItsFirstPlaceWithoutCompetitors() throws {
        let project = try #require(Self.project(""))
        func hint(_ id: String) -> String {
            "declare it under 'competitors:' in data/project.md, e.g. '\(id): Its name'; until then it is a competitor named '\(id)'"
        }
        #expect(
            Validator.undeclaredProjects(Self.references, project: project) == [
                .warning(
                    Self.at("data/series/history.csv", 2, 25), "project 'tensorflow' is not declared in project.md",
                    hint: hint("tensorflow")),
                .warning(
                    Self.at("data/series/history.csv", 9, 25), "project 'jax' is not declared in project.md",
                    hint: hint("jax")),
                .warning(
                    Self.at("data/snapshots/2019-06.md", 6, 28), "project 'tensorfow' is not declared in project.md",
                    hint: hint("tensorfow")),
            ])
    }

    @Test func findsTheHeaderCellsOfASnapshotAndTheFirstRowOfEachProjectInASeriesFile() throws {
        let (snapshot, _) = SnapshotParser.parse(
            SourceText(
                path: "data/snapshots/2019-06.md",
                text:
                    "---\ndate: 2019-06-30\n---\n| metric | pytorch | tensorflow |\n| - | - | - |\n| papers | 1 | 2 |\n"
            ),
            id: "2019-06")
        #expect(snapshot?.projects == ["pytorch", "tensorflow"])
        #expect(
            snapshot?.projectLocations == [
                Self.at("data/snapshots/2019-06.md", 4, 12), Self.at("data/snapshots/2019-06.md", 4, 22),
            ])
        let (file, diagnostics) = SeriesParser.parseFile(
            SourceText(
                path: "data/series/history.csv",
                text: """
                    date,metric,project,value
                    2019-03-31,papers,pytorch,45
                    2019-03-31,papers,tensorflow,52
                    2019-06-30,papers,pytorch,47
                    2019-06-30,papers,Not An Id,50
                    2019-06-30,papers,jax,1

                    """))
        #expect(diagnostics.map(\.message) == ["'Not An Id' is not a project id"])
        #expect(file.observations.count == 4)
        #expect(
            file.projects == [
                ProjectReference(id: "pytorch", location: Self.at("data/series/history.csv", 2, 19)),
                ProjectReference(id: "tensorflow", location: Self.at("data/series/history.csv", 3, 19)),
                ProjectReference(id: "jax", location: Self.at("data/series/history.csv", 6, 19)),
            ])
    }
}
