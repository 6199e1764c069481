import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// project.md: who we are and who we compare against.
struct ProjectParserTests {
    private func parse(_ text: String) -> (Project?, [Diagnostic]) {
        ProjectParser.parse(SourceText(path: "data/project.md", text: text))
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: "data/project.md", line: line, column: column)
    }

    @Test func readsEveryKey() throws {
        let (project, diagnostics) = parse(
            """
            ---
            name: PyTorch
            id: pytorch
            tagline: Tensors and dynamic neural networks in Python
            url: https://pytorch.org
            repository: https://github.com/pytorch/pytorch
            base_url: https://example.org/report/
            headline: papers-share
            unsafe_html: true
            competitors:
              tensorflow: TensorFlow
              mxnet: MXNet
            ---
            Free *Markdown*.

            """)
        #expect(diagnostics == [])
        let read = try #require(project)
        #expect(read.name == "PyTorch")
        #expect(read.id == "pytorch")
        #expect(read.tagline == "Tensors and dynamic neural networks in Python")
        #expect(read.url == "https://pytorch.org")
        #expect(read.repository == "https://github.com/pytorch/pytorch")
        #expect(read.baseURL == "https://example.org/report/")
        #expect(read.headline == "papers-share")
        #expect(read.unsafeHTML)
        #expect(
            read.competitors == [
                .init(id: "tensorflow", name: "TensorFlow"), .init(id: "mxnet", name: "MXNet"),
            ])
        #expect(read.introduction.html == "<p>Free <em>Markdown</em>.</p>\n")
        #expect(read.location == at(1, 1))
        #expect(read.keyLocations["headline"] == at(8, 11))
    }

    @Test func makesTheIDFromTheNameWhenItIsNotGiven() throws {
        let (project, diagnostics) = parse("---\nname: Apache MXNet\n---\n")
        #expect(diagnostics == [])
        let read = try #require(project)
        #expect(read.id == "apache-mxnet")
        #expect(read.competitors == [])
        #expect(!read.unsafeHTML)
        #expect(read.introduction.isEmpty)
    }

    static let broken: [Example<String, [Diagnostic]>] = [
        Example(
            "no front matter", "# PyTorch\n",
            [
                .error(
                    SourceLocation(path: "data/project.md"), "project.md has no front matter",
                    hint: "start the file with '---', a line 'name: Your project', and '---'")
            ]),
        Example(
            "no name", "---\nid: pytorch\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md"), "required front matter key 'name' is missing",
                    hint: "add 'name: Your project' to the front matter")
            ]),
        Example(
            "a name with no value", "---\nname:\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md"), "required front matter key 'name' is missing",
                    hint: "add 'name: Your project' to the front matter")
            ]),
        Example(
            "an empty quoted name", "---\nname: ''\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 2, column: 7), "'name' is empty",
                    hint: "add 'name: Your project' to the front matter")
            ]),
        Example(
            "a list as name", "---\nname: [a, b]\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 2, column: 7),
                    "'name' must be a single value, not a list or map")
            ]),
    ]

    @Test(arguments: broken)
    func givesNoProjectWhenItCannotBeUsed(_ example: Example<String, [Diagnostic]>) {
        let (project, diagnostics) = parse(example.input)
        #expect(project == nil)
        #expect(diagnostics == example.expected)
    }

    static let mistakes: [Example<String, [Diagnostic]>] = [
        Example(
            "an id that is not a slug", "---\nname: PyTorch\nid: Py Torch\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 3, column: 5),
                    "project id 'Py Torch' is not a slug",
                    hint: "use lower-case letters, digits and '-', e.g. 'py-torch'")
            ]),
        Example(
            "a competitor id that is not a slug",
            "---\nname: PyTorch\ncompetitors:\n  Tensor Flow: TensorFlow\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 4, column: 3),
                    "competitor id 'Tensor Flow' is not a slug",
                    hint: "use lower-case letters, digits and '-', e.g. 'tensor-flow'")
            ]),
        Example(
            "competitors as a list", "---\nname: PyTorch\ncompetitors: [tensorflow, mxnet]\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 3, column: 14),
                    "'competitors' must map ids to display names",
                    hint: "write one 'id: Display name' per line, indented under 'competitors:'")
            ]),
        Example(
            "a competitor with the project's own id",
            "---\nname: PyTorch\ncompetitors:\n  pytorch: Torch\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 4, column: 3),
                    "competitor 'pytorch' has the same id as the project itself")
            ]),
        Example(
            "unsafe_html that is not a boolean", "---\nname: PyTorch\nunsafe_html: maybe\n---\n",
            [
                .error(
                    SourceLocation(path: "data/project.md", line: 3, column: 14),
                    "'unsafe_html' must be true or false, not 'maybe'")
            ]),
    ]

    @Test(arguments: mistakes)
    func reportsAMistakeButStillGivesAProject(_ example: Example<String, [Diagnostic]>) {
        let (project, diagnostics) = parse(example.input)
        #expect(project?.name == "PyTorch")
        #expect(project?.id == "pytorch")
        #expect(diagnostics == example.expected)
    }
}
