import BearingsKit
import Foundation
import Testing

/// A named chart input whose SVG is kept as a golden file, Snapshots/charts/<name>.svg.
struct ChartExample: Sendable, CustomTestStringConvertible {
    var name: String
    /// "svg" for one chart; "html" for what goes inside a page's figure (both variants and the key).
    var fileExtension = "svg"
    var render: @Sendable () -> String

    var fileName: String { "\(name).\(fileExtension)" }

    var testDescription: String { name }

    /// Day number of an ISO date, for readable fixtures.
    static func day(_ iso: String) -> Int {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return DayFormat.day(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Points on the first of every `months`th month from `start`, one per value.
    static func monthly(from start: String, every months: Int = 1, _ values: [Double?]) -> [ChartPoint] {
        let parts = start.split(separator: "-").map { Int($0)! }
        return values.enumerated().map { index, value in
            ChartPoint(
                day: DayFormat.day(year: parts[0], month: parts[1] + index * months, day: parts[2]), value: value)
        }
    }

    static func line(
        _ label: String, style: Int, emphasised: Bool = false, _ points: [ChartPoint]
    ) -> ChartLine {
        ChartLine(label: label, points: points, emphasised: emphasised, style: style)
    }

    static func decision(_ number: Int, _ title: String, on iso: String) -> ChartMarker {
        let padded = String(repeating: "0", count: 4 - String(number).count) + String(number)
        return ChartMarker(
            day: day(iso), label: String(number), title: "\(padded) \(title) (\(iso))",
            href: "../decisions/\(padded)-\(title.lowercased().replacingOccurrences(of: " ", with: "-")).html",
            name: title
        )
    }

    static func lineChart(
        _ name: String, lines: [ChartLine], markers: [ChartMarker] = [], unit: String? = nil,
        scale: ChartScale = .linear, unsettledFromDay: Int? = nil,
        title: String = "Papers that use each framework", description: String = "One line per framework."
    ) -> ChartExample {
        let spec = LineChartSpec(
            title: title, description: description, lines: lines, markers: markers, unit: unit, scale: scale,
            unsettledFromDay: unsettledFromDay, idPrefix: "chart-\(name)"
        )
        return ChartExample(name: name) { LineChart.svg(spec) }
    }

    /// A chart as a page's figure holds it: the wide and narrow drawings and the key, wrapped in
    /// the figure element so that the golden file is one XML document.
    static func figure(
        _ name: String, lines: [ChartLine], markers: [ChartMarker] = [], unit: String? = nil, cadence: Cadence? = nil
    ) -> ChartExample {
        let spec = LineChartSpec(
            title: "Papers that use each framework", description: "One line per framework.", lines: lines,
            markers: markers, unit: unit, idPrefix: "chart-\(name)", cadence: cadence)
        return ChartExample(name: name, fileExtension: "html") {
            "<figure class=\"chart\">\n" + LineChart.figure(spec) + "</figure>\n"
        }
    }
}
