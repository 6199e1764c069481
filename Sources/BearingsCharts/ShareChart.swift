/// A chart of each project's share of a metric over time, drawn in percent.
public enum ShareChart {
    /// The chart as an SVG element, ready to embed in an HTML page styled by the charts CSS.
    public static func svg(_ spec: ShareChartSpec) -> String {
        ChartCanvas.render(input(spec))
    }

    /// The chart drawn twice, for wide and narrow screens, with the key of its decisions (see
    /// `ChartFigure`): what goes inside a page's `<figure class="chart">`.
    public static func figure(_ spec: ShareChartSpec) -> String {
        ChartFigure.html(input(spec))
    }

    static func input(_ spec: ShareChartSpec) -> ChartCanvas.Input {
        let percentages = spec.lines.map { line in
            var line = line
            line.points = line.points.map { ChartPoint(day: $0.day, value: $0.value.map { $0 * 100 }) }
            return line
        }
        return ChartCanvas.Input(
            title: spec.title,
            description: spec.description,
            lines: percentages,
            markers: spec.markers,
            events: spec.events,
            unit: "%",
            scale: .linear,
            unsettledFromDay: spec.unsettledFromDay,
            denominatorChanges: spec.denominatorChanges,
            width: spec.width,
            height: spec.height,
            idPrefix: spec.idPrefix,
            kind: "share-chart",
            cadence: spec.cadence,
            thresholds: spec.thresholds.map {
                ChartThreshold(value: $0.value * 100, text: $0.text, shortText: $0.shortText)
            }
        )
    }
}
