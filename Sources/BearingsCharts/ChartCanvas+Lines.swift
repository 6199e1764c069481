extension ChartCanvas {
    /// A line as one path of subpaths, one per run of measured points, with point shapes: at
    /// every point while they are few and far apart, otherwise at the last point only; a point
    /// alone between gaps always gets its shape, since no path segment shows it.
    static func drawLine(_ line: PreparedLine, x: (Int) -> Double, y: (Double) -> Double, dataWidth: Double) -> [SVG] {
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for point in line.points {
            if let value = point.value {
                current.append((x(point.day), y(value)))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }

        var out: [SVG] = []
        // Only coordinates go into the path data, so it is built as plain text.
        var path = ""
        path.reserveCapacity(runs.reduce(0) { $0 + $1.count } * 12)
        for run in runs where run.count > 1 {
            for (index, point) in run.enumerated() {
                path += index == 0 ? "M" : "L"
                SVG.appendCoordinate(point.x, to: &path)
                path += " "
                SVG.appendCoordinate(point.y, to: &path)
            }
        }
        if !path.isEmpty {
            out.append(
                "<path class=\"\(line.cue.lineClasses(emphasised: line.emphasised))\" fill=\"none\" d=\"\(SVG(trusted: path))\"/>"
            )
        }

        let measured = runs.reduce(0) { $0 + $1.count }
        let sparse = measured <= 60 && dataWidth / Double(max(measured - 1, 1)) >= 8
        var shapes: [(x: Double, y: Double)] = []
        if sparse {
            shapes = runs.flatMap { $0 }
        } else {
            shapes = runs.filter { $0.count == 1 }.map { $0[0] }
            if let last = runs.last, last.count > 1, let end = last.last { shapes.append(end) }
        }
        let classes = line.cue.pointClasses(emphasised: line.emphasised)
        for shape in shapes {
            out.append(
                line.cue.shapeMarkup(
                    x: shape.x, y: shape.y, r: pointRadius(emphasised: line.emphasised), classes: classes))
        }
        return out
    }
}
