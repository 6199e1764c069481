import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// YAML front matter between `---` lines, with every position reported in the Markdown file's lines.
struct FrontMatterTests {
    private func split(_ text: String) -> (FrontMatter, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(
            SourceText(path: "data/x.md", text: text), diagnostics: &diagnostics)
        return (frontMatter, diagnostics)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: "data/x.md", line: line, column: column)
    }

    @Test func leavesAFileWithoutFrontMatterWhole() {
        let (frontMatter, diagnostics) = split("# Title\n\n---\n\nText\n")
        #expect(!frontMatter.isPresent)
        #expect(frontMatter.fields.isEmpty)
        #expect(frontMatter.body == "# Title\n\n---\n\nText\n")
        #expect(diagnostics == [])
    }

    @Test func readsKeysAndBlanksTheirLinesInTheBody() {
        let (frontMatter, diagnostics) = split("---\nname: PyTorch\nid: pytorch\n---\n# Title\n")
        #expect(frontMatter.isPresent)
        #expect(frontMatter.fields.keys.sorted() == ["id", "name"])
        #expect(frontMatter.fields["name"]?.string == "PyTorch")
        #expect(frontMatter.keyLocations == ["name": at(2, 1), "id": at(3, 1)])
        #expect(frontMatter.valueLocation("name") == at(2, 7))
        #expect(frontMatter.valueLocation("id") == at(3, 5))
        #expect(frontMatter.closingLine == 4)
        #expect(!frontMatter.isBroken)
        #expect(frontMatter.body == "\n\n\n\n# Title\n")
        #expect(diagnostics == [])
    }

    static let closings: [Example<String, Int>] = [
        Example("three dashes", "---\nname: x\n---\nBody\n", 3),
        Example("three dots, as YAML allows", "---\nname: x\n...\nBody\n", 3),
        Example("dashes with trailing spaces", "--- \nname: x\n---  \nBody\n", 3),
        Example("nothing between the lines", "---\n---\nBody\n", 2),
    ]

    @Test(arguments: closings)
    func acceptsAClosingLine(_ example: Example<String, Int>) {
        let (frontMatter, diagnostics) = split(example.input)
        #expect(frontMatter.isPresent)
        #expect(frontMatter.closingLine == example.expected)
        #expect(diagnostics == [])
    }

    @Test func reportsFrontMatterThatNeverClosesAtItsFirstLine() {
        let (frontMatter, diagnostics) = split("---\nname: PyTorch\n\n# Title\n")
        #expect(frontMatter.isPresent)
        #expect(frontMatter.body == "")
        #expect(frontMatter.isBroken)
        #expect(
            diagnostics == [
                .error(
                    at(1, 1), "the front matter starting here never closes",
                    hint: "did you forget to add a line with '---' after the last key?")
            ])
    }

    static let yamlHint =
        "quote values that contain ': ' or start with a special character such as [ { * & ! | > ' \" % @ `"

    // Positions are the Markdown file's: the YAML starts on line 2, so YAML line n is file line n + 1.
    static let syntaxErrors: [Example<String, Diagnostic>] = [
        Example(
            "a colon and space inside a plain value", "---\nname: PyTorch\ntagline: Tensors: fast\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 3, column: 17),
                "front matter is not valid YAML: mapping values are not allowed in this context",
                hint: yamlHint)),
        Example(
            "a key indented under a plain value", "---\nname: PyTorch\n  id: pytorch\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 3, column: 5),
                "front matter is not valid YAML: mapping values are not allowed in this context",
                hint: yamlHint)),
        Example(
            "a tab used for indentation", "---\ncompetitors:\n\ttensorflow: TensorFlow\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 3, column: 1),
                "front matter is not valid YAML: found character that cannot start any token (while scanning for the next token)",
                hint: "YAML does not allow tabs for indentation; indent with spaces")),
    ]

    @Test(arguments: syntaxErrors)
    func reportsAYAMLSyntaxErrorWhereItIsInTheMarkdownFile(_ example: Example<String, Diagnostic>) {
        let (frontMatter, diagnostics) = split(example.input)
        #expect(frontMatter.isBroken)
        #expect(frontMatter.fields.isEmpty)
        #expect(diagnostics == [example.expected])
    }

    @Test func reportsAKeyGivenTwiceWhereItIsRepeated() {
        let (_, diagnostics) = split("---\nname: PyTorch\nid: pytorch\nname: Torch\n---\n")
        #expect(
            diagnostics == [
                .error(at(4, 1), "front matter key 'name' is given twice", hint: "keep one of them")
            ])
    }

    @Test func reportsANestedKeyGivenTwiceWhereItIsRepeated() {
        let (_, diagnostics) = split(
            "---\nname: PyTorch\ncompetitors:\n  mxnet: MXNet\n  jax: JAX\n  mxnet: Apache MXNet\n---\n")
        #expect(
            diagnostics == [
                .error(at(6, 3), "front matter key 'mxnet' is given twice", hint: "keep one of them")
            ])
    }

    @Test func rejectsFrontMatterThatIsNotAMapping() {
        let (_, diagnostics) = split("---\n- name\n- id\n---\n")
        #expect(
            diagnostics == [
                .error(
                    at(2, 1), "the front matter is not a list of 'key: value' lines",
                    hint: "write one 'key: value' per line between the '---' lines")
            ])
    }

    @Test func rejectsAKeyThatIsNotAPlainWord() {
        let (frontMatter, diagnostics) = split("---\nname: x\n[a, b]: c\n---\n")
        #expect(frontMatter.fields.keys.sorted() == ["name"])
        #expect(diagnostics == [.error(at(3, 1), "a front matter key must be a plain word")])
    }
}
