/// Fewer points that keep a line's shape, so long series stay light to draw.
public enum Thinning {
    /// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, in
    /// each bucket between them, the point that makes the largest triangle with its neighbours.
    ///
    /// Points must be sorted by day. With no gaps, the result has `threshold` points (or all of
    /// them when there are no more than `threshold`; a threshold under 3 keeps only the first and
    /// last). Gaps stay gaps: each run of measured points between gaps is thinned on its own, with
    /// a share of `threshold` in proportion to its length, keeping its own first and last point,
    /// and each run of unmeasured points becomes its first point.
    ///
    /// A gap narrower than one unit of the widest drawing (`finestDrawing` units across the line's
    /// days) cannot be seen: it is joined before thinning, so that a long series missing a day
    /// here and there thins to `threshold` points instead of keeping two for every run between
    /// such gaps (a 68-year daily series kept thousands). Wider gaps always stay; every missing
    /// period is still counted in the chart's description.
    public static func largestTriangleThreeBuckets(_ points: [ChartPoint], threshold: Int) -> [ChartPoint] {
        guard points.count > max(threshold, 2) else { return points }
        guard points.contains(where: { $0.value == nil }) else {
            return thin(points, to: threshold)
        }
        let points = joiningInvisibleGaps(points)
        guard points.count > max(threshold, 2) else { return points }
        let measured = points.count(where: { $0.value != nil })
        var result: [ChartPoint] = []
        var run: [ChartPoint] = []
        func flush() {
            guard !run.isEmpty else { return }
            let share = Int((Double(threshold) * Double(run.count) / Double(measured)).rounded(.down))
            result += thin(run, to: max(share, 2))
            run = []
        }
        for point in points {
            if point.value == nil {
                flush()
                if result.last.map({ $0.value != nil }) ?? true { result.append(point) }
            } else {
                run.append(point)
            }
        }
        flush()
        return result
    }

    /// The width, in units, of the widest drawing of a line (a chart is 720 units wide).
    static let finestDrawing = 720.0

    /// `points` without the gaps (unmeasured points) whose measured neighbours are less than
    /// 1/`finestDrawing` of the line's span of days apart.
    static func joiningInvisibleGaps(_ points: [ChartPoint]) -> [ChartPoint] {
        guard let first = points.first?.day, let last = points.last?.day, last > first else { return points }
        let narrowest = Double(last - first) / finestDrawing
        var result: [ChartPoint] = []
        result.reserveCapacity(points.count)
        var index = 0
        while index < points.count {
            let point = points[index]
            guard point.value == nil else {
                result.append(point)
                index += 1
                continue
            }
            // A run of unmeasured points, between the measured ones around it.
            var end = index
            while end < points.count, points[end].value == nil { end += 1 }
            let before = result.last(where: { $0.value != nil })?.day
            let after = end < points.count ? points[end].day : nil
            if let before, let after, Double(after - before) < narrowest {
                index = end
                continue
            }
            result += points[index..<end]
            index = end
        }
        return result
    }

    /// LTTB over points that all have values.
    private static func thin(_ points: [ChartPoint], to threshold: Int) -> [ChartPoint] {
        let count = points.count
        guard count > threshold, count > 2 else { return points }
        guard threshold >= 3 else { return [points[0], points[count - 1]] }
        let xs = points.map { Double($0.day) }
        let ys = points.map { $0.value ?? 0 }
        let bucketSize = Double(count - 2) / Double(threshold - 2)
        var kept = [points[0]]
        var previous = 0
        for bucket in 0..<(threshold - 2) {
            let start = Int((Double(bucket) * bucketSize).rounded(.down)) + 1
            let end = Int((Double(bucket + 1) * bucketSize).rounded(.down)) + 1
            // The average of the next bucket stands in for the point not chosen yet.
            let nextStart = end
            let nextEnd = min(Int((Double(bucket + 2) * bucketSize).rounded(.down)) + 1, count)
            var averageX = 0.0
            var averageY = 0.0
            for index in nextStart..<max(nextEnd, nextStart + 1) {
                averageX += xs[min(index, count - 1)]
                averageY += ys[min(index, count - 1)]
            }
            let nextCount = Double(max(nextEnd - nextStart, 1))
            averageX /= nextCount
            averageY /= nextCount
            var best = start
            var bestArea = -1.0
            for index in start..<min(end, count - 1) {
                let area = abs(
                    (xs[previous] - averageX) * (ys[index] - ys[previous])
                        - (xs[previous] - xs[index]) * (averageY - ys[previous])
                )
                if area > bestArea {
                    bestArea = area
                    best = index
                }
            }
            kept.append(points[best])
            previous = best
        }
        kept.append(points[count - 1])
        return kept
    }
}
