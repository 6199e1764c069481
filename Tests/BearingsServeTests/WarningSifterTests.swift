import BearingsKit
import Testing

@testable import BearingsServe

/// `serve` prints every error of each build but a warning only when the last build did not have it.
struct WarningSifterTests {
    private let suspicious = Diagnostic.warning(
        SourceLocation(path: "data/snapshots/2019-05.md", line: 9, column: 23),
        "'6.981' looks like 6,981 with '.' as a thousands separator; it was read as 6.981")
    private let undeclared = Diagnostic.warning(
        SourceLocation(path: "data/series/history.csv", line: 3, column: 25),
        "project 'tensorflow' is not declared in project.md")
    private let broken = Diagnostic.error(
        SourceLocation(path: "data/snapshots/2019-06.md", line: 4, column: 1), "the date is missing")

    @Test func theFirstBuildPrintsEverythingAndAReloadOnlyWhatIsNew() {
        let sifter = WarningSifter()
        let first = sifter.sift([suspicious, undeclared])
        #expect(first.shown == [suspicious, undeclared])
        #expect(first.repeated == 0)

        let same = sifter.sift([suspicious, undeclared])
        #expect(same.shown == [])
        #expect(same.repeated == 2)

        // An error is printed on every build, however often it was printed before.
        let withError = sifter.sift([broken, suspicious])
        #expect(withError.shown == [broken])
        #expect(withError.repeated == 1)
        let again = sifter.sift([broken, suspicious])
        #expect(again.shown == [broken])
        #expect(again.repeated == 1)
    }

    @Test func aWarningGoneForOneBuildAndBackOrMovedIsPrintedAgain() {
        let sifter = WarningSifter()
        _ = sifter.sift([suspicious, undeclared])
        _ = sifter.sift([undeclared])
        let back = sifter.sift([suspicious, undeclared])
        #expect(back.shown == [suspicious])
        #expect(back.repeated == 1)

        var moved = suspicious
        moved.location = SourceLocation(path: "data/snapshots/2019-05.md", line: 10, column: 23)
        let afterMove = sifter.sift([moved, undeclared])
        #expect(afterMove.shown == [moved])
        #expect(afterMove.repeated == 1)
    }

    @Test func theLineForWhatWasLeftOut() {
        #expect(WarningSifter.repeatedLine(0) == nil)
        #expect(
            WarningSifter.repeatedLine(1)
                == "1 warning as in the last build, not repeated (bearings check lists them all)")
        #expect(
            WarningSifter.repeatedLine(1234)
                == "1,234 warnings as in the last build, not repeated (bearings check lists them all)")
    }
}
