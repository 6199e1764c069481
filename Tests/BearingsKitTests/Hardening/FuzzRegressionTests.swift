import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsParsing

/// Inputs that crashed Bearings, kept so that they never do again. Each says where it was found.
struct FuzzRegressionTests {
    /// One line of Markdown whose nesting has no end: cmark-gfm builds it without recursion, and
    /// Bearings used to convert it into Swift values recursively, one stack frame per level.
    struct DeepInput: Sendable, CustomTestStringConvertible {
        let name: String
        let markdown: String
        /// Each nested level's opening tag in cmark-gfm's HTML, and how many there must be.
        let tag: String
        let levels: Int
        var testDescription: String { name }
    }

    static let deepInputs = [
        DeepInput(
            name: "100,000 nested block quotes", markdown: String(repeating: ">", count: 100_000) + " deep\n",
            tag: "<blockquote>", levels: 100_000),
        DeepInput(
            name: "50,000 nested list items", markdown: String(repeating: "- ", count: 50_000) + "deep\n",
            tag: "<li>", levels: 50_000),
        DeepInput(
            name: "50,000 nested emphases",
            markdown: String(repeating: "*", count: 50_000) + "deep" + String(repeating: "*", count: 50_000) + "\n",
            tag: "<strong>", levels: 25_000),
    ]

    /// Found after fuzzing: the fuzz targets run on the main thread and cut inputs at 4 KiB, where the
    /// recursion still fit; `bearings check` with a 20 KB principles.md of `>` died with SIGSEGV in
    /// `Markdown.convert` on a loader thread.
    @Test(arguments: deepInputs)
    func deeplyNestedMarkdownIsParsedWithoutRunningOutOfStack(_ input: DeepInput) {
        let document = Markdown.parse(input.markdown)
        #expect(document.html.components(separatedBy: input.tag).count - 1 == input.levels)
        var deepest = 0
        var stack = document.blocks.map { ($0.node, 1) }
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack += node.children.map { ($0, depth + 1) }
        }
        #expect(deepest == Markdown.maximumDepth)
    }

    @Test func aDataFolderWithADeeplyNestedPrinciplesFileLoadsOnTheLoaderThreads() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\nname: Deep\n---\nIntro.\n".utf8).write(to: folder.appendingPathComponent("project.md"))
        let principles = "Intro.\n\n" + String(repeating: ">", count: 20_000) + " deep\n\n## Deep enough\n\nYes.\n"
        try Data(principles.utf8).write(to: folder.appendingPathComponent("principles.md"))
        let result = try DataLoader.load(LoadOptions(dataDirectory: folder.path))
        #expect(result.dataSet?.principles.principles.map(\.id) == ["deep-enough"])
    }

    /// Found by FuzzImported (2026-12-06): cmark-gfm gives the paragraph it leaves before a table (the
    /// lines above the header row) no position, so adr-tools lines in it ("Status: Superseded") were
    /// reported at line 0 ("0001-x.md:0:1: warning: a superseded decision must say …").
    @Test func metadataLinesJustAboveATableKeepTheirLines() {
        let text = "# Use a table\n\nStatus: Superseded\nDate: 2020-01-02x\n| Key | Value |\n|---|---|\n"
        let source = SourceText(path: "adr/0001-x.md", text: text)
        let (decision, diagnostics) = DecisionParser.parse(source, id: "0001-x", origin: .imported)
        let places = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(
            places == [
                "4:1 '2020-01-02x' is not a date in the form YYYY-MM-DD",
                "3:1 a superseded decision must say which decision superseded it",
            ])
        #expect(decision?.fieldLocations["status"]?.line == 3)
    }

    /// Found by FuzzEvents (2026-12-06, after about 176,000 executions; 21 s under ASan, 8.6 s in a
    /// release build of `bearings check`): 2.8 KB of nested explicit keys (`? - ? - …`), some of them
    /// given twice. Yams sorts duplicate keys by their whole structure before it reports them, and its
    /// comparison of nested keys branches at every level. Now refused at the first key that is a list,
    /// before Yams reads anything. The input is the fuzzer's, bytes and all; like the fuzz target, the
    /// test puts `---` lines around it and reads bytes that are not UTF-8 as U+FFFD.
    @Test func nestedKeysGivenTwiceAreRefusedBeforeYamsComparesThem() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/events-nested-keys.bin")))
        let text = "---\n" + String(decoding: input, as: UTF8.self) + "\n---\n"
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(SourceText(path: "data/metrics/m.md", text: text), diagnostics: &diagnostics)
        #expect(frontMatter.isBroken)
        // Line 5 of the file is " ? - - dnwe": an explicit key whose value is a list, starting at its "-".
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[4] == " ? - - dnwe")
        #expect(
            diagnostics.map(\.description) == [
                "data/metrics/m.md:5:4: error: a front matter key must be a plain word, not a list"
            ])
    }
}
