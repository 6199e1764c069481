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

    @Test(arguments: syntaxErrors + complexKeys)
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

    static let plainWordHint = "write the key as one word (quote it if it holds spaces or signs)"

    /// Keys that are lists or mappings are refused before Yams composes the front matter (its
    /// comparison of such keys can take minutes), so none of its keys is read: the test of syntax
    /// errors above runs these too.
    static let complexKeys: [Example<String, Diagnostic>] = [
        Example(
            "a list as a key in flow", "---\nname: x\n[a, b]: c\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 3, column: 1),
                "a front matter key must be a plain word, not a list", hint: plainWordHint)),
        Example(
            "a list as an explicit key, nested", "---\nname: x\ncompetitors:\n  ? - a\n  : b\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 4, column: 5),
                "a front matter key must be a plain word, not a list", hint: plainWordHint)),
        Example(
            "a mapping as a key in flow", "---\nevents: [{{date: 2024}: x}]\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 2, column: 11),
                "a front matter key must be a plain word, not a mapping", hint: plainWordHint)),
        Example(
            "an alias to a list as a key", "---\nlist: &l [a]\n*l : y\n---\n",
            .error(
                SourceLocation(path: "data/x.md", line: 3, column: 1),
                "a front matter key must be a plain word, not an alias to a list or mapping",
                hint: plainWordHint)),
    ]

    @Test func takesAnAliasToAWordAsAKeyAndPlainQuestionMarks() {
        let (frontMatter, diagnostics) = split(
            "---\nname: &k tagline\n*k : Why? Because.\nurl: \"https://x.example/?q=1\"\n---\n")
        #expect(diagnostics == [])
        #expect(frontMatter.fields["tagline"]?.string == "Why? Because.")
        #expect(frontMatter.fields["url"]?.string == "https://x.example/?q=1")
    }

    /// The byte scan that decides whether libyaml reads the text first.
    @Test func onlyTextThatMayHoldAComplexKeyOrAnAliasIsReadTwice() {
        let readTwice = [
            "a: &x 1\nb: *x", "? a\n: b", "?\ta: b", "a: b\n?", "[a, b]: c", "{a: b} : c", "x: [{[a]: b}]",
        ]
        let readOnce = [
            "name: x", "title: Q&A", "note: 2 * 3", "status: [accepted]", "date: { 2023-11-21 }",
            "url: https://x.example/?q=1", "title: \"Why?\"",
        ]
        #expect(readTwice.filter { !YAMLPrecheck.mayHoldEither($0.utf8) } == [])
        #expect(readOnce.filter { YAMLPrecheck.mayHoldEither($0.utf8) } == [])
    }

    // MARK: - Aliases

    /// Nested anchors, each list ten aliases of the one before: eight lines standing for 10^8 values.
    private static let laughs =
        "---\nname: x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "bcdefgh".map { letter in
            let before = Character(UnicodeScalar(letter.unicodeScalars.first!.value - 1)!)
            return "\(letter): &\(letter) [" + Array(repeating: "*\(before)", count: 10).joined(separator: ", ") + "]\n"
        }.joined() + "? *h\n: 1\n? *h\n: 2\n---\n"

    @Test func refusesAliasesThatRepeatMoreThanTenThousandValues() {
        // Counted by hand: a is 11 values (the list and its ten), b adds 10 × 11 = 110, c adds
        // 10 × 111 = 1,110 (1,220 so far), and each *c in d adds 1,111: the eighth passes 10,000
        // (1,220 + 8 × 1,111 = 10,108). d's line is the file's 6th; its eighth "*c" starts at column 36.
        let (frontMatter, diagnostics) = split(Self.laughs)
        #expect(frontMatter.isBroken)
        #expect(frontMatter.fields.isEmpty)
        #expect(
            diagnostics == [
                .error(
                    at(6, 36), "front matter aliases repeat more than 10,000 values: '*c' goes past that",
                    hint: "a YAML alias repeats everything its anchor names; write the values out, or use fewer aliases"
                )
            ])
    }

    @Test func takesAliasesUpToTenThousandValues() {
        // *n adds 1; a list of 9,998 values is 9,999 with the list itself, so one alias to it makes
        // 10,000, the limit, and a second one passes it.
        let list = "[" + Array(repeating: "1", count: 9_998).joined(separator: ", ") + "]"
        let (once, onceDiagnostics) = split("---\nname: &n x\ntagline: *n\na: &a \(list)\nb: *a\n---\n")
        #expect(onceDiagnostics == [])
        #expect(once.fields["tagline"]?.string == "x")
        #expect(once.fields["b"]?.sequence?.count == 9_998)
        let (_, twiceDiagnostics) = split("---\nname: &n x\ntagline: *n\na: &a \(list)\nb: *a\nc: *a\n---\n")
        #expect(
            twiceDiagnostics == [
                .error(
                    at(6, 4), "front matter aliases repeat more than 10,000 values: '*a' goes past that",
                    hint: "a YAML alias repeats everything its anchor names; write the values out, or use fewer aliases"
                )
            ])
    }

    @Test func anImportedRecordWithTooManyAliasesIsReadLineByLine() {
        let (decision, diagnostics) = DecisionParser.parse(
            SourceText(path: "adr/0001-x.md", text: Self.laughs.replacingOccurrences(of: "name: x", with: "title: X")),
            id: "0001-x", origin: .imported)
        #expect(decision?.title == "X")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(
            diagnostics.first?.message == "front matter aliases repeat more than 10,000 values: '*c' goes past that")
    }
}
