import Testing

@testable import BearingsKit
@testable import BearingsCharts

/// A chart drawn once and finished with each page's markers is the chart drawn for those markers.
@Suite struct ChartCacheTests {
    static func input(markers: [ChartMarker], variant: String = "wide", width: Int = 720) -> ChartCanvas.Input {
        let ours = ChartLine(
            label: "Ours", points: (0..<40).map { ChartPoint(day: 1000 + 30 * $0, value: Double(100 + $0 * $0)) },
            emphasised: true, style: 0)
        let theirs = ChartLine(
            label: "Theirs",
            points: (0..<40).map { ChartPoint(day: 1000 + 30 * $0, value: $0 == 7 ? nil : 900 - 9 * Double($0)) },
            style: 1)
        return ChartCanvas.Input(
            title: "Users", description: "Users over time.", lines: [ours, theirs], markers: markers,
            events: [ChartEvent(day: 1300, text: "A new registry")], unit: "people", scale: .linear,
            unsettledFromDay: 2000, denominatorChanges: [], width: width, height: 320, idPrefix: "watch-users",
            kind: "line-chart", keyID: nil, variant: variant)
    }

    static func marker(_ number: Int, day: Int) -> ChartMarker {
        ChartMarker(day: day, label: String(number), title: "\(number) A decision", href: "../decisions/\(number).html")
    }

    @Test func eachPageGetsTheChartDrawnForItsOwnMarker() {
        let cache = ChartCache()
        // Inside the range, one row of labels; before the first day, none; several at once, more rows.
        let markerSets: [[ChartMarker]] = [
            [Self.marker(1, day: 1100)], [Self.marker(2, day: 1500)], [], [Self.marker(3, day: 500)],
            [Self.marker(4, day: 2100)], (5...12).map { Self.marker($0, day: 1200 + $0) }, [Self.marker(13, day: 1800)],
        ]
        for markers in markerSets {
            for (variant, width) in [("wide", 720), ("narrow", 300)] {
                let input = Self.input(markers: markers, variant: variant, width: width)
                var chart = ""
                cache.chart(input, key: "users|\(variant)", into: &chart)
                #expect(chart == ChartCanvas.render(input))
            }
        }
    }

    /// The figure's key of decisions and its range come from the cache's placement once the key is
    /// known: each page's figure is still the one drawn without the cache.
    @Test func aFigureFromTheCacheIsTheFigureDrawnAlone() {
        let cache = ChartCache()
        for markers in [[Self.marker(1, day: 1100)], [Self.marker(2, day: 1500)], [Self.marker(3, day: 500)], []] {
            let input = Self.input(markers: markers)
            #expect(ChartFigure.html(input, cache: (cache, "users")) == ChartFigure.html(input))
        }
        // Worked out by hand: no cadence, so days are drawn as they are, 1000 to 1000 + 30 × 39.
        let placement = ChartFigure.placement(Self.input(markers: []))
        #expect(placement.cadence == nil)
        #expect(placement.range == 1000...2170)
    }

    @Test func aDrawingIsReusedOnlyForMarkersNeedingItsRows() {
        let input = Self.input(markers: [Self.marker(1, day: 1100)])
        let (drawing, _) = ChartCanvas.draw(input)
        #expect(drawing.markerLevels == 1)
        #expect(drawing.hasLinks)
        var other = ""
        #expect(drawing.finish(markers: [Self.marker(2, day: 1500)], keyID: nil, into: &other))
        #expect(other == ChartCanvas.render(Self.input(markers: [Self.marker(2, day: 1500)])))
        // Out of range: no links and no row for labels, so the drawing does not serve.
        var none = ""
        #expect(!drawing.finish(markers: [Self.marker(3, day: 500)], keyID: nil, into: &none))
        #expect(!drawing.finish(markers: [], keyID: nil, into: &none))
        #expect(none.isEmpty)
    }
}

/// A marker's link is kept only when relative or http(s): the byte-by-byte reading of an ASCII
/// link says what the Character-by-Character reading says.
@Suite struct MarkerLinkTests {
    @Test func safeAndUnsafeLinks() {
        let cases: [(String, Bool)] = [
            ("../decisions/0001-x.html", true), ("https://example.org/a", true), ("HTTP://example.org", true),
            (" h t t p s :x", true), ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false),
            ("java\tscript:alert(1)", false), ("data:text/html,x", false), ("mailto:a@b.c", false),
            ("httpx:y", false), ("htt:y", false), ("a/b:c", true), ("?q:x", true), ("#k:x", true), ("plain", true),
            ("", true), (":x", false), ("java\u{0C}script:x", false), ("ht\u{0C}tps:x", true), ("https\r\n:x", true),
        ]
        for (href, safe) in cases {
            #expect(ChartCanvas.isSafeLink(href) == safe, "\(href)")
            #expect(ChartCanvas.isSafeASCIILink(href.utf8) == safe, "\(href)")
            #expect(ChartCanvas.isSafeAnyLink(href) == safe, "\(href)")
        }
        // Not ASCII: read Character by Character, where a combining mark joins the slash before it.
        #expect(ChartCanvas.isSafeASCIILink("a/\u{338}:x".utf8) == nil)
        #expect(ChartCanvas.isSafeLink("a/\u{338}:x") == false)
        #expect(ChartCanvas.isSafeLink("jävascript:x") == false)
    }
}
