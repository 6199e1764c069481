import Testing

@testable import BearingsKit
@testable import BearingsCharts

/// Labels in a chart: merged decision labels, and names at the ends of lines kept apart.
@Suite struct ChartLabelTests {
    @Test(arguments: [
        (["1", "2", "3", "5"], "1–3, 5"),
        (["5", "3", "1", "2"], "1–3, 5"),
        (["7"], "7"),
        (["1", "2"], "1–2"),
        (["1", "3", "5"], "1, 3, 5"),
        (["2", "2", "3"], "2–3"),
        (["12", "abc123", "13", "0xy"], "12–13, abc123, 0xy"),
        (["007", "8"], "8, 007"),
    ])
    func mergesMarkerLabels(_ labels: [String], _ expected: String) {
        #expect(ChartCanvas.mergedLabel(labels) == expected)
    }

    @Test func mergesMarkersOnOneDateIntoOneLabel() {
        let markers =
            [1, 2, 3, 5].map { ChartMarker(day: 100, label: String($0), title: "t\($0)", href: "d\($0).html") }
            + [ChartMarker(day: 300, label: "8", title: "t8", href: "d8.html")]
        let placed = ChartCanvas.placeMarkers(markers, in: 0...400, x: { Double($0) }, width: 420)
        #expect(placed.map(\.label) == ["1–3, 5", "8"])
        #expect(placed.map(\.x) == [100, 300])
        #expect(placed.map(\.level) == [0, 0])
    }

    @Test func mergesMarkersWhoseLabelsCouldNotBePlacedApart() {
        // Ten decisions a day apart on a 100-unit axis: no four rows hold ten labels side by side.
        let markers = (1...10).map { ChartMarker(day: $0, label: String($0), title: "t", href: "d.html") }
        let placed = ChartCanvas.placeMarkers(markers, in: 0...100, x: { Double($0) }, width: 120)
        #expect(placed.flatMap(\.group.markers).count == 10)
        for (index, one) in placed.enumerated() {
            for other in placed[(index + 1)...] where one.level == other.level {
                #expect(!one.span.overlaps(other.span))
            }
        }
    }

    @Test func leavesLabelsThatDoNotTouchWhereTheyAre() {
        #expect(LabelStacking.spread([10, 50, 90], spacing: 15, low: 0, high: 100) == [10, 50, 90])
    }

    @Test func spreadsTouchingLabelsEvenlyRoundWhereTheyWant() {
        #expect(LabelStacking.spread([50, 50, 50], spacing: 15, low: 0, high: 100) == [35, 50, 65])
        #expect(LabelStacking.spread([52, 50], spacing: 10, low: 0, high: 100) == [56, 46])
    }

    @Test func keepsLabelsInsideTheirBounds() {
        #expect(LabelStacking.spread([0, 1, 2], spacing: 10, low: 5, high: 100) == [5, 15, 25])
        #expect(LabelStacking.spread([99, 100], spacing: 10, low: 0, high: 95) == [85, 95])
    }

    @Test func spacesLabelsEvenlyWhenTheyCannotFit() {
        #expect(!LabelStacking.fits(5, spacing: 30, low: 0, high: 100))
        #expect(LabelStacking.spread([1, 2, 3, 4, 5], spacing: 30, low: 0, high: 100) == [0, 25, 50, 75, 100])
    }
}
