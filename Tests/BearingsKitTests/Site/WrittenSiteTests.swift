import BearingsKit
import Foundation
import Testing

@testable import BearingsModel

/// `bearings build`'s own path (`SiteBuilder.build`): pages written as they are rendered, and the
/// feed, `series.csv` and `site.json` streamed to the staging folder in pieces, which the golden
/// test (`SiteBuilder.plan`, every file in memory) does not take. Written, each fixture's site must
/// be its `expected/` folder, byte for byte.
struct WrittenSiteTests {
    @Test(arguments: ["small", "truth"])
    func theWrittenSiteIsTheExpectedSiteFileByFile(fixture: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bearings-written-\(fixture)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        let data = siteFixtures.appendingPathComponent("\(fixture)/data").path
        let result = try SiteBuilder.build(BuildOptions(load: LoadOptions(dataDirectory: data), output: output.path))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        // Besides the site, the marker by which a later build knows the folder is one it wrote.
        let written = filesUnder(output).filter { $0.key != ".bearings-site" }
        let expected = filesUnder(siteFixtures.appendingPathComponent("\(fixture)/expected"))
        #expect(written.keys.sorted() == expected.keys.sorted())
        for (path, want) in expected {
            #expect(written[path] == want, "\(fixture)/expected/\(path) differs from the written site")
        }
    }

    /// `Slots.take` hands over a slot's value and leaves the empty one, so that the taker holds
    /// the only reference (what `ObservationStore.reorder` relies on to free each column).
    @Test func takingASlotLeavesItsEmptyValue() {
        let slots = Slots<[Int]>(count: 2, empty: [])
        slots.set(1, [7, 8])
        #expect(slots.take(1, leaving: []) == [7, 8])
        #expect(slots.all == [[], []])
    }

    /// Reordering moves every column of the store together (day, metric, project, value, text and
    /// place), each column taken out of the store and put back reordered.
    @Test func reorderingMovesEveryColumnTogether() {
        func point(_ day: Int, _ metric: String, _ project: String, _ value: Double, _ text: String, _ line: Int)
            -> Observation
        {
            Observation(
                date: Day(ordinal: 737_000 + day), metric: metric, project: project, value: value, text: text,
                location: SourceLocation(path: "data/snapshots/\(metric).md", line: line, column: line + 2))
        }
        let points = [
            point(1, "a", "x", 1.5, "1.5", 3), point(2, "b", "y", 20, "20", 5), point(3, "a", "y", 300, "300", 7),
            point(4, "c", "x", 4_000, "4,000", 9),
        ]
        var store = ObservationStore(points)
        store.reorder(by: [2, 0, 3, 1])
        #expect(Array(store) == [points[2], points[0], points[3], points[1]])
    }
}
