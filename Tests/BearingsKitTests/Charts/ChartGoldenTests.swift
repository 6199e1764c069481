import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsCharts

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ChartGoldenTests {
    @Test(arguments: ChartExamples.all)
    func matchesGolden(_ example: ChartExample) {
        assertGolden(example.render(), named: "charts/\(example.fileName)")
    }

    @Test(arguments: ChartExamples.all)
    func rendersTheSameBytesTwice(_ example: ChartExample) {
        #expect(example.render() == example.render())
    }

    @Test(arguments: ChartExamples.all)
    func neverWritesNaNOrInfinity(_ example: ChartExample) {
        // Whole words only: "governance" is fine, "NaN" and "inf" are not.
        let text = example.render()
        #expect(text.ranges(of: #/(?i)\b(nan|inf|infinity)\b/#).isEmpty)
    }

    @Test(arguments: ChartExamples.all)
    func rendersWellFormedXML(_ example: ChartExample) {
        #expect(parsesAsXML(example.render()))
    }

    @Test func everyGoldenFileIsWellFormedXML() throws {
        let folder = snapshotsDirectory.appendingPathComponent("charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".svg") || $0.hasSuffix(".html")
        }
        .sorted()
        #expect(names.count == ChartExamples.all.count)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(parsesAsXML(text), "\(name) is not well-formed XML")
        }
    }

    @Test func escapesScriptInEveryLabel() {
        let text = ChartExamples.scriptInLabels.render()
        #expect(!text.contains("<script"))
        #expect(!text.contains("<b>"))
        #expect(!text.contains("</title><"))
    }

    @Test func dropsUnsafeMarkerLinks() {
        let spec = LineChartSpec(
            title: "t", description: "d",
            lines: [
                ChartLine(label: "A", points: [ChartPoint(day: 0, value: 1), ChartPoint(day: 10, value: 2)], style: 0)
            ],
            markers: [ChartMarker(day: 5, label: "1", title: "One", href: " JavaScript:alert(1)")],
            idPrefix: "x"
        )
        let text = LineChart.svg(spec)
        #expect(!text.contains("<a "))
        #expect(!text.contains("href"))
    }

    @Test(arguments: [
        ("chart-1", "chart-1"), ("a b<c>", "a-b-c-"), ("", "chart"), ("metric_papers", "metric_papers"),
    ])
    func makesIdPrefixesSafe(_ prefix: String, _ expected: String) {
        #expect(SVG.idSafe(prefix) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"), ("<script>", "&lt;script&gt;"), ("a & b", "a &amp; b"),
        ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"),
        ("bell\u{07}", "bell"), ("tab\there", "tab here"),
    ])
    func escapesText(_ text: String, _ expected: String) {
        #expect(SVG.escape(text) == expected)
    }

    @Test(arguments: [
        (0.0, "0"), (12.34, "12.3"), (12.35, "12.4"), (-0.04, "0"), (-3.25, "-3.3"), (1e12, "1000000000000"),
        (Double.nan, "0"), (Double.infinity, "0"),
    ])
    func writesCoordinatesWithOneDecimal(_ value: Double, _ expected: String) {
        #expect(SVG.coordinate(value) == expected)
    }

    private func parsesAsXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
