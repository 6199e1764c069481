/// Vertical places for labels that each want to sit at a height (the end of a line) but must not
/// overlap: the least movement that keeps them `spacing` apart and inside `low...high`.
enum LabelStacking {
    /// The label centres, in the order of `targets`. Labels keep their top-to-bottom order (ties by
    /// their index); a label pushed into a neighbour pushes it on, and a run of touching labels
    /// settles at the mean of its targets, so a crowd spreads evenly round where its lines end.
    /// When `low...high` is too short for them all, the labels are spaced evenly over it and may
    /// overlap; callers check `fits` first.
    static func spread(_ targets: [Double], spacing: Double, low: Double, high: Double) -> [Double] {
        guard !targets.isEmpty else { return [] }
        let order = targets.indices.sorted { (targets[$0], $0) < (targets[$1], $1) }
        let count = Double(targets.count)
        if spacing * (count - 1) > high - low {
            var result = targets
            let step = targets.count > 1 ? (high - low) / (count - 1) : 0
            for (rank, index) in order.enumerated() { result[index] = low + Double(rank) * step }
            return result
        }
        // Blocks of touching labels: each block's labels sit `spacing` apart round a centre.
        struct Block {
            var first: Int
            var count: Int
            var sum: Double  // the sum of (target − offset in the block): count × the block's top
            var top: Double { sum / Double(count) }
        }
        var blocks: [Block] = []
        for (rank, index) in order.enumerated() {
            blocks.append(Block(first: rank, count: 1, sum: targets[index]))
            // Merge with the block above while they overlap.
            while blocks.count > 1 {
                let lower = blocks[blocks.count - 1]
                let upper = blocks[blocks.count - 2]
                guard upper.top + Double(upper.count) * spacing > lower.top else { break }
                let merged = Block(
                    first: upper.first, count: upper.count + lower.count,
                    sum: upper.sum + lower.sum - Double(lower.count * upper.count) * spacing)
                blocks.removeLast(2)
                blocks.append(merged)
            }
        }
        var positions = Array(repeating: 0.0, count: targets.count)
        for block in blocks {
            for offset in 0..<block.count {
                positions[block.first + offset] = block.top + Double(offset) * spacing
            }
        }
        // Inside the bounds: push down from the top, then up from the bottom.
        for rank in positions.indices {
            let floor = rank == 0 ? low : positions[rank - 1] + spacing
            positions[rank] = max(positions[rank], floor)
        }
        for rank in positions.indices.reversed() {
            let ceiling = rank == positions.count - 1 ? high : positions[rank + 1] - spacing
            positions[rank] = min(positions[rank], ceiling)
        }
        var result = targets
        for (rank, index) in order.enumerated() { result[index] = positions[rank] }
        return result
    }

    /// Whether `count` labels fit `spacing` apart in `low...high`.
    static func fits(_ count: Int, spacing: Double, low: Double, high: Double) -> Bool {
        spacing * Double(max(count - 1, 0)) <= high - low
    }
}
