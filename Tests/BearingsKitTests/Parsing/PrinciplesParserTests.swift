import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// principles.md: each `## ` heading is a principle whose id is the heading's slug.
struct PrinciplesParserTests {
    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: "data/principles.md", line: line, column: column)
    }

    @Test func readsEachSecondLevelHeadingAsAPrinciple() {
        let (file, diagnostics) = PrinciplesParser.parse(
            SourceText(
                path: "data/principles.md",
                text: """
                    ---
                    title: ignored
                    ---
                    # Principles

                    What we *hold* to.

                    ## Immediate mode

                    Code runs as it is written.

                    ## Debuggability first!

                    A stack trace points at your line.

                    Always.

                    """))
        // Bearings reads no key of principles.md's front matter: any key is unknown, so a warning.
        #expect(
            diagnostics == [
                .warning(
                    at(2, 1), "unknown key 'title'",
                    hint: "principles.md has no front matter keys Bearings reads; it ignores this one")
            ])
        #expect(file.introduction.html == "<p>What we <em>hold</em> to.</p>\n")
        #expect(file.principles.map(\.id) == ["immediate-mode", "debuggability-first"])
        #expect(file.principles.map(\.title) == ["Immediate mode", "Debuggability first!"])
        #expect(file.principles.map(\.location) == [at(8, 1), at(12, 1)])
        #expect(
            file.principles.map(\.statement.html) == [
                "<p>Code runs as it is written.</p>\n",
                "<p>A stack trace points at your line.</p>\n<p>Always.</p>\n",
            ])
    }

    @Test func rejectsTwoHeadingsWithTheSameSlug() {
        let (file, diagnostics) = PrinciplesParser.parse(
            SourceText(
                path: "data/principles.md",
                text:
                    "## Immediate mode\n\nOne.\n\n## Python first\n\nTwo.\n\n## Immediate Mode!\n\nThree.\n"))
        #expect(file.principles.map(\.id) == ["immediate-mode", "python-first"])
        #expect(
            diagnostics == [
                .error(
                    at(9, 1), "a principle with the id 'immediate-mode' is already defined at line 1",
                    hint: "give each principle a heading of its own")
            ])
    }

    @Test func rejectsAHeadingWithNothingToMakeAnIDFrom() {
        let (file, diagnostics) = PrinciplesParser.parse(
            SourceText(path: "data/principles.md", text: "## Speed\n\n## ???\n"))
        #expect(file.principles.map(\.id) == ["speed"])
        #expect(
            diagnostics == [
                .error(at(3, 1), "the principle '???' has no letters or digits to make an id from")
            ])
    }
}
