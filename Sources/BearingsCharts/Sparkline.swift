import BearingsModel

/// A word-sized line without axes, for tables on the dashboard.
public enum Sparkline {
    /// The sparkline as an SVG element. Its accessible name is `label` with the first and last
    /// measured values and their dates ("PyTorch, from 12 on 2018-01-01 to 61 on 2020-07-01"),
    /// each date as `dateText` words it (a quarterly metric's "in 2018 Q1"); gaps break the line
    /// and the last point gets a dot.
    public static func svg(
        points: [ChartPoint], label: String, width: Int = 120, height: Int = 32, unit: String? = nil, style: Int = 0,
        dateText: (Int) -> String = { "on \(DayFormat.isoDate($0))" }
    ) -> String {
        let width = Double(max(width, 16))
        let height = Double(max(height, 8))
        let pad = 3.0
        let sorted = points.enumerated()
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map { ChartPoint(day: $0.element.day, value: $0.element.value.flatMap { $0.isFinite ? $0 : nil }) }
        let measured = sorted.filter { $0.value != nil }
        let name: String
        if let first = measured.first, let last = measured.last, let firstValue = first.value,
            let lastValue = last.value
        {
            let start = "\(ValueFormat.short(firstValue, unit: unit)) \(dateText(first.day))"
            let end = "\(ValueFormat.short(lastValue, unit: unit)) \(dateText(last.day))"
            name = measured.count == 1 ? "\(label), \(start)" : "\(label), from \(start) to \(end)"
        } else {
            name = "\(label), no data"
        }

        let cue = SeriesCue(style: style)
        var out: [SVG] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" class=\"chart sparkline\" role=\"img\" aria-label=\"\(name)\">",
            "<title>\(name)</title>",
        ]
        let values = measured.compactMap(\.value)
        if let low = values.min(), let high = values.max(), let firstDay = sorted.first?.day,
            let lastDay = sorted.last?.day
        {
            func x(_ day: Int) -> Double {
                lastDay == firstDay
                    ? width / 2 : pad + Double(day - firstDay) / Double(lastDay - firstDay) * (width - 2 * pad)
            }
            func y(_ value: Double) -> Double {
                high == low ? height / 2 : height - pad - (value - low) / (high - low) * (height - 2 * pad)
            }
            var path = ""
            var dots: [(Double, Double)] = []
            var run: [(Double, Double)] = []
            func flush() {
                if run.count == 1 { dots.append(run[0]) }
                if run.count > 1 {
                    for (index, point) in run.enumerated() {
                        path += (index == 0 ? "M" : "L") + SVG.coordinate(point.0) + " " + SVG.coordinate(point.1)
                    }
                }
                run = []
            }
            for point in sorted {
                if let value = point.value { run.append((x(point.day), y(value))) } else { flush() }
            }
            flush()
            if !path.isEmpty {
                out.append("<path class=\"series s\(cue.colour)\" fill=\"none\" d=\"\(SVG(trusted: path))\"/>")
            }
            for (dotX, dotY) in dots {
                out.append("<circle class=\"pt s\(cue.colour)\" cx=\"\(dotX)\" cy=\"\(dotY)\" r=\"1.75\"/>")
            }
            if let last = measured.last, let value = last.value {
                out.append(
                    "<circle class=\"pt s\(cue.colour) end\" cx=\"\(x(last.day))\" cy=\"\(y(value))\" r=\"2.5\"/>")
            }
        }
        out.append("</svg>")
        return out.map(\.markup).joined(separator: "\n") + "\n"
    }
}
