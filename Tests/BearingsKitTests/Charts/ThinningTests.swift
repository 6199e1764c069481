import Testing

@testable import BearingsKit
@testable import BearingsCharts

@Suite struct ThinningTests {
    private func points(_ values: [Double?], from first: Int = 0) -> [ChartPoint] {
        values.enumerated().map { ChartPoint(day: first + $0.offset, value: $0.element) }
    }

    @Test func keepsEndpointsSpikeAndDip() {
        let input = points([0, 1, 0, 1, 0, 10, 0, 1, 0, -8, 0])
        let thinned = Thinning.largestTriangleThreeBuckets(input, threshold: 5)
        #expect(thinned.map(\.day) == [0, 2, 5, 9, 10])
        #expect(thinned.map(\.value) == [0, 0, 10, -8, 0])
    }

    @Test func thinsEachRunBetweenGapsOnItsOwn() {
        let input = points([0, 0, 5, 0, 0, nil, nil, 1, 1, 1, -3, 1])
        let thinned = Thinning.largestTriangleThreeBuckets(input, threshold: 6)
        #expect(thinned.map(\.day) == [0, 2, 4, 5, 7, 10, 11])
        #expect(thinned.map(\.value) == [0, 5, 0, nil, 1, -3, 1])
    }

    /// A daily series over 20 years missing one day in ten: each gap is a tenth of a unit of a
    /// 720-unit drawing, so it is joined, and the line thins to the threshold like one without gaps.
    @Test func joinsGapsTooNarrowToSeeAndKeepsWideOnes() {
        let days = 20 * 365 + 1  // ending on a measured day
        var values: [Double?] = (0..<days).map { $0 % 10 == 9 ? nil : Double($0 % 37) }
        // A quarter without data stays a gap: 90 of 7,300 days is about 9 units.
        for day in 3_000..<3_090 { values[day] = nil }
        let input = points(values)
        let thinned = Thinning.largestTriangleThreeBuckets(input, threshold: 160)
        #expect(thinned.count(where: { $0.value == nil }) == 1)
        #expect(thinned.count <= 161)
        let gap = thinned.first { $0.value == nil }
        #expect(gap?.day == 2_999)
        // The points around the quarter are kept as the ends of their runs.
        #expect(thinned.contains { $0.day == 2_998 } && thinned.contains { $0.day == 3_090 })
    }

    /// Gaps a drawing can show are never joined: a monthly series missing months keeps each.
    @Test func keepsEveryGapOfAMonthlySeries() {
        let values: [Double?] = (0..<240).map { $0 % 7 == 3 ? nil : Double($0) }
        let input = values.enumerated().map { ChartPoint(day: $0.offset * 30, value: $0.element) }
        let thinned = Thinning.largestTriangleThreeBuckets(input, threshold: 100)
        #expect(thinned.count(where: { $0.value == nil }) == input.count(where: { $0.value == nil }))
    }

    @Test(arguments: [11, 12, 100])
    func leavesShortInputAlone(_ threshold: Int) {
        let input = points([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        #expect(Thinning.largestTriangleThreeBuckets(input, threshold: threshold) == input)
    }

    @Test(arguments: [0, 1, 2])
    func tinyThresholdKeepsFirstAndLast(_ threshold: Int) {
        let input = points([3, 1, 4, 1, 5])
        #expect(Thinning.largestTriangleThreeBuckets(input, threshold: threshold) == [input[0], input[4]])
    }

    @Test func returnsExactlyThresholdPointsWithoutGaps() {
        let input = points((0..<5_000).map { Double($0 % 97) })
        let thinned = Thinning.largestTriangleThreeBuckets(input, threshold: 656)
        #expect(thinned.count == 656)
        #expect(thinned.first == input.first)
        #expect(thinned.last == input.last)
    }
}
