import Testing

@testable import BearingsKit
@testable import BearingsModel

/// The order validation sorts observations into (`ObservationStore.sortedOrder`): metric, project,
/// day, then place in the files, by the bucket pass and by the comparison sort it falls back to
/// when there are too many (metric, project) pairs.
struct ObservationOrderTests {
    /// Nine observations in the order a loader could meet them: snapshots by path, so one bucket
    /// (`b`/`y`) arrives out of date order, and two points share a day (told apart by line).
    static let observations: [Observation] = [
        point("2021-03-01", "b", "y", line: 9),
        point("2020-01-01", "b", "x", line: 3),
        point("2020-01-01", "a", "y", line: 4),
        point("2019-06-30", "b", "y", line: 2),
        point("2020-01-01", "b", "y", line: 7),
        point("2020-01-01", "b", "y", line: 5),
        point("2019-06-30", "a", "x", line: 1),
        point("2022-12-31", "a", "x", line: 8),
        point("2018-01-01", "a", "y", line: 6),
    ]

    /// By hand: a/x (1, 8), a/y (6, 4), b/x (3), b/y (2, then the day shared by lines 5 and 7, then 9).
    static let expectedLines = [1, 8, 6, 4, 3, 2, 5, 7, 9]

    @Test func bucketPassSortsByMetricProjectDayAndPlace() {
        let order = ObservationStore(Self.observations).sortedOrder()
        #expect(order.map { Self.observations[$0].location.line } == Self.expectedLines)
    }

    @Test(arguments: [0, 1, 3])
    func comparisonSortGivesTheSameOrder(bucketLimit: Int) {
        // Four (metric, project) pairs: any limit below four takes the fallback.
        let order = ObservationStore(Self.observations).sortedOrder(bucketLimit: bucketLimit)
        #expect(order.map { Self.observations[$0].location.line } == Self.expectedLines)
    }

    @Test func bucketPassAndFallbackAgreeOnALargerShuffle() {
        // 7 metrics × 11 projects × 30 days, put in a fixed scrambled order (a multiplicative step
        // that visits every index once), each with its own line.
        var generated: [Observation] = []
        let count = 7 * 11 * 30
        for step in 0..<count {
            let index = (step * 1_009) % count
            let metric = index % 7, project = (index / 7) % 11, day = index / 77
            generated.append(
                Observation(
                    date: Day(ordinal: 737_000 + day * 3), metric: "m\(metric)", project: "p\(project)", value: 1,
                    text: "1", location: SourceLocation(path: "data/snapshots/s.md", line: step + 1)))
        }
        let buckets = ObservationStore(generated).sortedOrder()
        let fallback = ObservationStore(generated).sortedOrder(bucketLimit: 0)
        #expect(buckets == fallback)
        let keys = buckets.map { (generated[$0].metric, generated[$0].project, generated[$0].date.ordinal) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(buckets).count == count)
    }

    @Test func placeDecidesBetweenPointsOfOneDayByFileLineAndColumn() {
        // Many files, days shared across files, several points per line.
        var generated: [Observation] = []
        let count = 5 * 7 * 40
        for step in 0..<count {
            let index = (step * 1_013) % count
            let metric = index % 5, project = (index / 5) % 7, day = (index / 35) % 9
            generated.append(
                Observation(
                    date: Day(ordinal: 737_000 + day), metric: "m\(metric)", project: "p\(6 - project)", value: 1,
                    text: "1",
                    location: SourceLocation(
                        path: "data/snapshots/s\((index * 7) % 13).md", line: index % 17 + 1, column: step % 3 + 1)))
        }
        let store = ObservationStore(generated)
        for order in [store.sortedOrder(), store.sortedOrder(bucketLimit: 0)] {
            let keys = order.map { generated[$0] }.map {
                ($0.metric, $0.project, $0.date.ordinal, $0.location.path, $0.location.line, $0.location.column)
            }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(Set(order).count == count)
        }
    }

    /// A store sorted and then appended to keeps each id once, so positions still tell series apart.
    @Test func aStoreAppendedToAfterSortingKeepsEachIDOnce() {
        var store = ObservationStore(Self.observations)
        store.reorder(by: store.sortedOrder())
        // Neither "b" nor "y" was the last id added to its table, so both are looked up.
        store.append(Self.point("2023-01-01", "b", "y", line: 10))
        let last = store.count - 1
        #expect(store.isSameSeries(8, last))
        #expect(store.measuredProjectIDs.sorted() == ["x", "y"])
        // By hand: b/y is last after sorting (positions 5–8), and the new one is its newest.
        #expect(store.sortedOrder() == Array(0...9))
    }

    @Test func idsComingRoundInColumnOrderWithGapsAndNewcomersAreEachHeldOnce() {
        // Rows of a table, as snapshots give them: the projects come round in column order, some
        // rows skip one, a project joins later, and a file has its columns in another order.
        var observations: [Observation] = []
        let columnsOf: [[String]] = [["a", "b", "c", "d"], ["a", "b", "c", "d", "e"], ["d", "a", "e", "b"]]
        for (file, columns) in columnsOf.enumerated() {
            for (row, metric) in ["m1", "m2", "m3"].enumerated() {
                for (index, project) in columns.enumerated() where !(row == 1 && index == 2) {
                    observations.append(
                        Observation(
                            date: Day(ordinal: 19_000 + file), metric: metric, project: project,
                            value: Double(observations.count), text: "\(observations.count)",
                            location: SourceLocation(
                                path: "data/snapshots/\(file).md", line: row + 3, column: index + 1)))
                }
            }
        }
        var store = ObservationStore(observations)
        #expect(Array(store) == observations)
        #expect(store.measuredProjectIDs == ["a", "b", "c", "d", "e"])
        for left in observations.indices {
            for right in observations.indices {
                let same =
                    observations[left].metric == observations[right].metric
                    && observations[left].project == observations[right].project
                #expect(store.isSameSeries(left, right) == same)
            }
        }
        store.reorder(by: Array(observations.indices.reversed()))
        #expect(Array(store) == observations.reversed())
        store.append(observations[0])
        #expect(store.measuredProjectIDs == ["a", "b", "c", "d", "e"])
        // The first observation, now last of the reversed ones, and its copy appended after them.
        #expect(store.isSameSeries(observations.count - 1, store.count - 1))
        #expect(!store.isSameSeries(0, store.count - 1))
    }

    @Test func aStoreAppendedToAnotherKeepsItsObservationsAndEachIDOnce() {
        // Two snapshots' stores whose tables list the same ids in other orders, one id new.
        func cell(_ metric: String, _ project: String, _ text: String, file: String) -> Observation {
            Observation(
                date: Day(ordinal: 19_000), metric: metric, project: project, value: Double(text.count), text: text,
                location: SourceLocation(path: file, line: 3, column: 1))
        }
        let first = [
            cell("m1", "a", "1", file: "s1.md"), cell("m1", "b", "22", file: "s1.md"),
            cell("m2", "a", "333", file: "s1.md"),
        ]
        let second = [
            cell("m2", "b", "4,444", file: "s2.md"), cell("m3", "c", "", file: "s2.md"),
            cell("m1", "a", "5.5k", file: "s2.md"), cell("m2", "a", "66%", file: "s1.md"),
        ]
        var store = ObservationStore(first)
        store.append(contentsOf: ObservationStore(second))
        #expect(Array(store) == first + second)
        #expect(store.measuredProjectIDs == ["a", "b", "c"])
        #expect(store.isSameSeries(0, 5))
        #expect(store.isSameSeries(2, 6))
        #expect(!store.isSameSeries(1, 3))
        // Appended to after sorting, and appended to one by one after that: still one id each.
        store.reorder(by: store.sortedOrder())
        store.append(contentsOf: ObservationStore(first))
        store.append(cell("m3", "c", "7", file: "s3.md"))
        #expect(store.measuredProjectIDs == ["a", "b", "c"])
        #expect(Array(store.suffix(4)) == first + [cell("m3", "c", "7", file: "s3.md")])
    }

    static func point(_ date: String, _ metric: String, _ project: String, line: Int) -> Observation {
        Observation(
            date: Day(iso: date) ?? Day(ordinal: 0), metric: metric, project: project, value: 1, text: "1",
            location: SourceLocation(path: "data/snapshots/s.md", line: line))
    }
}
