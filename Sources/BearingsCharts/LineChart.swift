/// A line chart of a metric over time, one line per project.
public enum LineChart {
    /// The chart as an SVG element, ready to embed in an HTML page styled by the charts CSS.
    public static func svg(_ spec: LineChartSpec) -> String {
        ChartCanvas.render(input(spec))
    }

    /// The chart drawn twice, for wide and narrow screens, with the key of its decisions (see
    /// `ChartFigure`): what goes inside a page's `<figure class="chart">`.
    public static func figure(_ spec: LineChartSpec) -> String {
        ChartFigure.html(input(spec))
    }

    /// The figure, its drawings shared through `cache` under `key`, which names everything of
    /// `spec` but its markers.
    package static func figure(_ spec: LineChartSpec, cache: ChartCache, key: String) -> String {
        ChartFigure.html(input(spec), cache: (cache, key))
    }

    static func input(_ spec: LineChartSpec) -> ChartCanvas.Input {
        ChartCanvas.Input(
            title: spec.title,
            description: spec.description,
            lines: spec.lines,
            markers: spec.markers,
            events: spec.events,
            unit: spec.unit,
            scale: spec.scale,
            unsettledFromDay: spec.unsettledFromDay,
            denominatorChanges: [],
            width: spec.width,
            height: spec.height,
            idPrefix: spec.idPrefix,
            kind: "line-chart",
            cadence: spec.cadence,
            thresholds: spec.thresholds
        )
    }
}
