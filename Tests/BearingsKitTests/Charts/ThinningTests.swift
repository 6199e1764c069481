import Testing

@testable import BearingsKit

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
