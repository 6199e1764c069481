import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// Issue #31, the small ones: old Mac line endings, TOML multi-line titles, and whole numbers above
/// 2^53. Expected values are written from the input by hand.
struct OddInputTests {
    static func decode(_ text: String, path: String = "x.md") throws -> SourceText {
        try SourceText.decode(Array(text.utf8), path: path).get()
    }

    @Test func aLoneCarriageReturnEndsALineSoOldMacRecordsKeepTheirDates() throws {
        let source = try Self.decode(
            "---\rstatus: accepted\rdate: 2019-06-01\rreview: 2019-13-01\r---\r# Put Python first\r\rText.\r")
        #expect(
            source.text
                == "---\nstatus: accepted\ndate: 2019-06-01\nreview: 2019-13-01\n---\n# Put Python first\n\nText.\n")
        let (decision, diagnostics) = DecisionParser.parse(source, id: "0001-x")
        let parsed = try #require(decision)
        #expect(parsed.date == Day(iso: "2019-06-01"))
        #expect(parsed.status == .accepted)
        #expect(parsed.title == "Put Python first")
        // The review's month is wrong: the error is on the file's fourth line, after 'review: '.
        #expect(diagnostics.map(\.description) == ["x.md:4:9: error: '2019-13-01' is not a real date"])
    }

    @Test func crLFAndLoneCRMixedCountLinesAsAnEditorShowsThem() throws {
        #expect(try Self.decode("a\r\nb\rc\n").text == "a\nb\nc\n")
        // 0xFF on the third line, whichever ending the first two have.
        for bytes: [UInt8] in [[0x61, 0x0D, 0x62, 0x0D, 0xFF], [0x61, 0x0D, 0x0A, 0x62, 0x0D, 0xFF]] {
            guard case .failure(let diagnostic) = SourceText.decode(bytes, path: "x.md") else {
                Issue.record("accepted bytes that are not UTF-8")
                continue
            }
            #expect(diagnostic.location == BearingsKit.SourceLocation(path: "x.md", line: 3, column: 1))
        }
    }

    static func importedTitle(_ frontMatter: String) throws -> String {
        let source = try decode("+++\n" + frontMatter + "\ndate = 2020-01-01\n+++\n\nText.\n")
        let (decision, _) = DecisionParser.parse(source, id: "0001-use-the-file-name", origin: .imported)
        return try #require(decision).title
    }

    @Test func readsATOMLMultiLineTitle() throws {
        #expect(try Self.importedTitle("title = \"\"\"Use TOML\"\"\"") == "Use TOML")
        #expect(
            try Self.importedTitle("title = \"\"\"\nUse TOML for front matter\"\"\"") == "Use TOML for front matter")
        // A backslash at a line's end joins it to the next line's first word.
        #expect(
            try Self.importedTitle("title = \"\"\"\n  Use TOML \\\n    for front matter\n  \"\"\"")
                == "Use TOML for front matter")
        #expect(try Self.importedTitle("title = '''Use C:\\TOML'''") == "Use C:\\TOML")
    }

    @Test func keepsTheLinesOfATOMLMultiLineStringAndTheKeysAfterIt() throws {
        var diagnostics: [Diagnostic] = []
        let source = try Self.decode("+++\ntitle = \"\"\"\nFirst line\nsecond line\"\"\"\nstatus = \"accepted\"\n+++\n")
        let frontMatter = FrontMatter(source, lenient: true, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(frontMatter.fields["title"]?.string == "First line\nsecond line")
        #expect(frontMatter.fields["status"]?.string == "accepted")
        #expect(frontMatter.keyLocations["status"]?.line == 5)
    }

    @Test func anImportedRecordDatedOutside1970To2099IsUndatedWithAWarning() throws {
        let source = try Self.decode("# 1. Far\n\nDate: 9999-12-31\n\n## Status\n\nAccepted\n")
        let (decision, diagnostics) = DecisionParser.parse(source, id: "0001-far", origin: .imported)
        #expect(try #require(decision).date == nil)
        #expect(
            diagnostics.map { "\($0.description) | \($0.hint ?? "")" } == [
                "x.md:3:1: warning: '9999-12-31' is not between 1970 and 2099 | Bearings reads dates from 1970-01-01 to 2099-12-31; check the year"
            ])
    }

    static let tooLarge = "is too large to hold exactly (above 2^53 = 9,007,199,254,740,992)"

    @Test(
        arguments: [
            ("9007199254740993", nil),
            ("9,007,199,254,740,993", nil),
            ("-9007199254740993", nil),
            ("9,007,199,254,741k", 9_007_199_254_741_000.0),
            ("12,345,678B", 12_345_678_000_000_000.0),
            ("12345678901234567890", nil),
            ("9007199254740992", 9_007_199_254_740_992.0),
            ("-9,007,199,254,740,992", -9_007_199_254_740_992.0),
            ("9007199254740991", 9_007_199_254_740_991.0),
        ] as [(String, Double?)])
    func refusesAWholeNumberAbove2To53RatherThanRoundIt(_ cell: String, _ expected: Double?) {
        let result = ValueParser.parse(cell)
        if let expected {
            #expect(result == .value(expected, isPercent: false))
        } else {
            #expect(result == .invalid("'\(cell)' \(Self.tooLarge)"))
        }
    }

    @Test func saysARankAbove2To53IsTooLargeNotThatItIsNoWholeNumber() {
        guard case .failure(let problem) = ExpectationParser.condition("rank", "<= 9007199254740993") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message == "in the condition '<= 9007199254740993', '9007199254740993' \(Self.tooLarge)")
        guard case .failure(let large) = ExpectationParser.condition("rank", "<= 2000000") else {
            Issue.record("accepted")
            return
        }
        #expect(large.message == "the rank '2000000' is too large: a rank is at most 999,999")
    }

    @Test func saysACollectedCountAbove2To53IsTooLargeNotThatItIsNoWholeNumber() throws {
        let body = Array("{\"meta\": {\"count\": 9007199254740993}}".utf8)
        guard case .failure(let failure) = JSONNumber.at(["meta", "count"], in: body) else {
            Issue.record("accepted")
            return
        }
        #expect(
            "\(failure)"
                == "'meta.count' in the answer is too large to hold exactly (2^53 = 9,007,199,254,740,992 or more)")
        let exact = Array("{\"meta\": {\"count\": 9007199254740991}}".utf8)
        #expect(try JSONNumber.at(["meta", "count"], in: exact).get() == 9_007_199_254_740_991)
    }
}
