import Dispatch

/// Observations held column by column: each observation is built when it is read.
///
/// A large site holds about a million observations; as `[Observation]` they took 88 bytes each.
/// Here a day, a value, a line and a column are kept as they are, the metric, project and file as
/// positions in tables of the few distinct ids and paths, and the cell texts in one buffer of
/// UTF-8 bytes: 36 bytes and the text's bytes each.
public struct ObservationStore: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Distinct metric ids, project ids and file paths, in the order first appended.
    private var metricIDs: [String] = []
    private var projectIDs: [String] = []
    private var paths: [String] = []
    /// Where each of `metricIDs`, `projectIDs` and `paths` is, and which came after which;
    /// needed only while appending.
    private var metricIndex = IDIndex()
    private var projectIndex = IDIndex()
    private var pathIndex = IDIndex()
    /// One entry per observation.
    private var days: [Day] = []
    private var metrics: [Int32] = []
    private var projects: [Int32] = []
    private var files: [Int32] = []
    private var values: [Double] = []
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    /// Where each observation's text ends in `textBytes` (it starts where the previous one ends).
    private var textEnds: [UInt32] = []
    /// Every cell text's UTF-8 bytes, one after another.
    private var textBytes: [UInt8] = []
    /// Texts that would take `textBytes` past 4 GiB, by observation; empty in practice.
    private var longTexts: [Int: String] = [:]

    /// An empty store.
    public init() {}

    /// The observations of an array, in its order.
    public init(_ observations: [Observation]) {
        reserveCapacity(observations.count)
        for observation in observations { append(observation) }
    }

    /// The observations of an array literal.
    public init(arrayLiteral elements: Observation...) { self.init(elements) }

    /// Makes room for `count` observations in all (texts' bytes are guessed at a few each).
    public mutating func reserveCapacity(_ count: Int) {
        days.reserveCapacity(count)
        metrics.reserveCapacity(count)
        projects.reserveCapacity(count)
        files.reserveCapacity(count)
        values.reserveCapacity(count)
        lines.reserveCapacity(count)
        columns.reserveCapacity(count)
        textEnds.reserveCapacity(count)
        textBytes.reserveCapacity(count * 4)
    }

    /// Adds an observation at the end.
    public mutating func append(_ observation: Observation) {
        days.append(observation.date)
        metrics.append(metricIndex.position(of: observation.metric, in: &metricIDs))
        projects.append(projectIndex.position(of: observation.project, in: &projectIDs))
        files.append(pathIndex.position(of: observation.location.path, in: &paths))
        values.append(observation.value)
        lines.append(Int32(clamping: observation.location.line))
        columns.append(Int32(clamping: observation.location.column))
        let text = observation.text.utf8
        if textBytes.count + text.count <= Int(UInt32.max) {
            textBytes += text
        } else {
            longTexts[textEnds.count] = observation.text
        }
        textEnds.append(UInt32(truncatingIfNeeded: textBytes.count))
    }

    /// Adds the observations of `other` at the end, in its order: its ids are looked up once each
    /// and its columns copied, rather than each observation appended.
    public mutating func append(contentsOf other: ObservationStore) {
        guard !other.isEmpty else { return }
        guard other.longTexts.isEmpty, textBytes.count + other.textBytes.count <= Int(UInt32.max) else {
            for observation in other { append(observation) }
            return
        }
        let metricMap = other.metricIDs.map { metricIndex.position(of: $0, in: &metricIDs) }
        let projectMap = other.projectIDs.map { projectIndex.position(of: $0, in: &projectIDs) }
        let pathMap = other.paths.map { pathIndex.position(of: $0, in: &paths) }
        days += other.days
        metrics += other.metrics.lazy.map { metricMap[Int($0)] }
        projects += other.projects.lazy.map { projectMap[Int($0)] }
        files += other.files.lazy.map { pathMap[Int($0)] }
        values += other.values
        lines += other.lines
        columns += other.columns
        let base = UInt32(truncatingIfNeeded: textBytes.count)
        textBytes += other.textBytes
        textEnds += other.textEnds.lazy.map { $0 + base }
    }

    /// Forgets what finds ids quickly while appending (made again if appended to later): a store
    /// that is filled once, such as a snapshot's, need not keep it.
    package mutating func finishAppending() {
        metricIndex.drop()
        projectIndex.drop()
        pathIndex.drop()
    }

    /// Finds ids in a table without hashing them in the usual case. Observations come a table row
    /// at a time: the metric stays for a row, the file for a snapshot, and the projects come round
    /// in the order of the columns. So the id last appended is tried first, then the one that came
    /// after it the time before; only when neither is it is the id looked up by hash (else 900,000
    /// hash lookups a load on the benchmark's site, which `serve` repeats after every edit).
    struct IDIndex: Sendable {
        /// Position by id; rebuilt when it does not cover the table (`reorder` drops it).
        var positions: [String: Int32] = [:]
        /// The position appended last, or -1.
        var last: Int32 = -1
        /// For each position, the position that followed it last time, or -1.
        var next: [Int32] = []

        /// Where `id` is in `table`, adding it when new.
        mutating func position(of id: String, in table: inout [String]) -> Int32 {
            if last >= 0 {
                if table[Int(last)] == id { return last }
                let guess = next[Int(last)]
                if guess >= 0, table[Int(guess)] == id {
                    last = guess
                    return guess
                }
            }
            // Dropped by `reorder`: made again, so that an id is never in a table twice (positions
            // stand for ids when series are compared).
            if positions.count != table.count {
                positions = Dictionary(
                    table.enumerated().map { ($1, Int32(truncatingIfNeeded: $0)) },
                    uniquingKeysWith: { first, _ in first })
            }
            let found: Int32
            if let known = positions[id] {
                found = known
            } else {
                found = Int32(truncatingIfNeeded: table.count)
                positions[id] = found
                table.append(id)
            }
            if next.count < table.count { next += repeatElement(-1, count: table.count - next.count) }
            if last >= 0 { next[Int(last)] = found }
            last = found
            return found
        }

        /// Forgets the positions (kept small while nothing is appended); the table stays as it is.
        mutating func drop() {
            positions = [:]
        }
    }

    /// Puts the observations in the order `order` gives (`order[position]` is the index of the one
    /// that goes there; each index once), one column at a time, and drops the tables' indices
    /// (made again if the store is appended to after).
    package mutating func reorder(by order: [Int]) {
        // Each column on its own, both cores at once: the store is sorted after every load, and
        // `serve` loads again after each edit. Each column is moved out of the store first and let
        // go as soon as it is reordered, so that the store is not held twice: on the benchmark's
        // 10,012 files the load's peak had both copies, 36 MB each.
        let slots = Slots<Column>(count: 8, empty: .none)
        slots.set(0, .days(days))
        slots.set(1, .positions(metrics))
        slots.set(2, .positions(projects))
        slots.set(3, .positions(files))
        slots.set(4, .values(values))
        slots.set(5, .positions(lines))
        slots.set(6, .positions(columns))
        slots.set(7, .texts(textBytes, textEnds, longTexts))
        days = []
        metrics = []
        projects = []
        files = []
        values = []
        lines = []
        columns = []
        textBytes = []
        textEnds = []
        longTexts = [:]
        DispatchQueue.concurrentPerform(iterations: 8) { column in
            slots.set(column, Self.reordered(slots.take(column, leaving: .none), by: order))
        }
        let reordered = slots.all
        if case .days(let list) = reordered[0] { days = list }
        if case .positions(let list) = reordered[1] { metrics = list }
        if case .positions(let list) = reordered[2] { projects = list }
        if case .positions(let list) = reordered[3] { files = list }
        if case .values(let list) = reordered[4] { values = list }
        if case .positions(let list) = reordered[5] { lines = list }
        if case .positions(let list) = reordered[6] { columns = list }
        if case .texts(let bytes, let ends, let long) = reordered[7] {
            textBytes = bytes
            textEnds = ends
            longTexts = long
        }
        metricIndex.drop()
        projectIndex.drop()
        pathIndex.drop()
    }

    /// One column of `reorder`.
    private enum Column: Sendable {
        case none
        case days([Day])
        case positions([Int32])
        case values([Double])
        case texts([UInt8], [UInt32], [Int: String])
    }

    /// A column in the order `order` gives.
    private static func reordered(_ column: consuming Column, by order: [Int]) -> Column {
        switch column {
        case .none: return .none
        case .days(let list): return .days(order.map { list[$0] })
        case .positions(let list): return .positions(order.map { list[$0] })
        case .values(let list): return .values(order.map { list[$0] })
        case .texts(let bytes, let ends, let long): return reorderedTexts(bytes, ends, long, order)
        }
    }

    /// The texts in the order `order` gives.
    private static func reorderedTexts(
        _ textBytes: [UInt8], _ textEnds: [UInt32], _ longTexts: [Int: String], _ order: [Int]
    ) -> Column {
        func textRange(_ index: Int) -> Range<Int> {
            (index == 0 ? 0 : Int(textEnds[index - 1]))..<Int(textEnds[index])
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(textBytes.count)
        var ends: [UInt32] = []
        ends.reserveCapacity(order.count)
        var moved: [Int: String] = [:]
        if longTexts.isEmpty {
            for index in order {
                bytes += textBytes[textRange(index)]
                ends.append(UInt32(truncatingIfNeeded: bytes.count))
            }
            return .texts(bytes, ends, moved)
        }
        for index in order {
            if let long = longTexts[index] {
                moved[ends.count] = long
            } else {
                bytes += textBytes[textRange(index)]
            }
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        return .texts(bytes, ends, moved)
    }

    /// Where the text of the observation at `index` is in `textBytes`.
    private func textRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(textEnds[index - 1]))..<Int(textEnds[index])
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { days.count }

    public subscript(index: Int) -> Observation {
        let text =
            longTexts.isEmpty
            ? String(decoding: textBytes[textRange(index)], as: UTF8.self)
            : longTexts[index] ?? String(decoding: textBytes[textRange(index)], as: UTF8.self)
        return Observation(
            date: days[index], metric: metricIDs[Int(metrics[index])], project: projectIDs[Int(projects[index])],
            value: values[index], text: text,
            location: SourceLocation(
                path: paths[Int(files[index])], line: Int(lines[index]), column: Int(columns[index])))
    }

    /// Where the observation at `index` was written, without building the rest of it; nil when
    /// there is none there.
    public func location(at index: Int) -> SourceLocation? {
        guard indices.contains(index) else { return nil }
        return SourceLocation(path: paths[Int(files[index])], line: Int(lines[index]), column: Int(columns[index]))
    }

    public static func == (lhs: ObservationStore, rhs: ObservationStore) -> Bool { lhs.elementsEqual(rhs) }

    // MARK: - Read from the columns, without building observations

    package func isSameSeries(_ left: Int, _ right: Int) -> Bool {
        metrics[left] == metrics[right] && projects[left] == projects[right]
    }
    package func isSameMetric(_ left: Int, _ right: Int) -> Bool { metrics[left] == metrics[right] }
    package func metricID(at index: Int) -> String { metricIDs[Int(metrics[index])] }
    package func day(at index: Int) -> Day { days[index] }
    package func value(at index: Int) -> Double { values[index] }
    /// The cell text of the observation at `index` as written, handed to `read` as a `String` when
    /// it is kept as one (a long text), else as its bytes, without building a `String`.
    package func withText<Result>(
        at index: Int, _ read: (String) -> Result, bytes readBytes: (ArraySlice<UInt8>) -> Result
    ) -> Result {
        if !longTexts.isEmpty, let long = longTexts[index] { return read(long) }
        return readBytes(textBytes[textRange(index)])
    }

    /// The columns that the data files write, as they are: ids and paths as positions in
    /// `metricIDs`, `projectIDs` and `paths`. Copies share the store's storage.
    package struct WrittenColumns {
        package let metricIDs: [String]
        package let projectIDs: [String]
        package let paths: [String]
        package let days: [Day]
        package let metrics: [Int32]
        package let projects: [Int32]
        package let files: [Int32]
        package let values: [Double]
        package let lines: [Int32]
    }

    /// The store's columns for `series.csv` and `site.json`, which read every observation
    /// (about 900,000 on a large site) without building one (its texts are not written).
    package var writtenColumns: WrittenColumns {
        WrittenColumns(
            metricIDs: metricIDs, projectIDs: projectIDs, paths: paths, days: days, metrics: metrics,
            projects: projects, files: files, values: values, lines: lines)
    }

    /// The newest day of any observation.
    public var newestDay: Day? { days.max() }

    /// Every project id that has an observation, each once, in the order first appended.
    public var measuredProjectIDs: [String] { projectIDs }

    /// The positions sorted by metric id, project id, day, then file path, line and column,
    /// comparing ranks in the tables rather than strings (this runs on every reload of `serve`).
    /// Counted into buckets of (metric, project) when there are at most `bucketLimit` pairs (one
    /// counter each is allocated), a bucket sorted only when it is not in order already, as a
    /// loader's snapshots by path are in date order as a rule; a comparison sort otherwise. Both
    /// give the same order.
    package func sortedOrder(bucketLimit: Int = 1 << 22) -> [Int] {
        func ranks(_ table: [String]) -> [Int] {
            var rank = [Int](repeating: 0, count: table.count)
            for (position, index) in table.indices.sorted(by: { table[$0] < table[$1] }).enumerated() {
                rank[index] = position
            }
            return rank
        }
        let metricRank = ranks(metricIDs), projectRank = ranks(projectIDs), pathRank = ranks(paths)
        let inOrder: (Int, Int) -> Bool = { left, right in
            if days[left] != days[right] { return days[left] < days[right] }
            let leftPath = pathRank[Int(files[left])], rightPath = pathRank[Int(files[right])]
            if leftPath != rightPath { return leftPath < rightPath }
            return (lines[left], columns[left]) < (lines[right], columns[right])
        }
        let bucketCount = metricIDs.count * projectIDs.count
        guard bucketCount <= bucketLimit else {
            return days.indices.sorted { left, right in
                let leftSeries = (metricRank[Int(metrics[left])], projectRank[Int(projects[left])])
                let rightSeries = (metricRank[Int(metrics[right])], projectRank[Int(projects[right])])
                return leftSeries != rightSeries ? leftSeries < rightSeries : inOrder(left, right)
            }
        }
        var bucketOf = [Int](repeating: 0, count: days.count)
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for index in days.indices {
            let bucket = metricRank[Int(metrics[index])] * projectIDs.count + projectRank[Int(projects[index])]
            bucketOf[index] = bucket
            starts[bucket + 1] += 1
        }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var order = [Int](repeating: 0, count: days.count)
        for index in days.indices {
            order[next[bucketOf[index]]] = index
            next[bucketOf[index]] += 1
        }
        for bucket in 0..<bucketCount where starts[bucket + 1] - starts[bucket] > 1 {
            let range = starts[bucket]..<starts[bucket + 1]
            let sorted = zip(order[range], order[range].dropFirst()).allSatisfy { !inOrder($1, $0) }
            if !sorted { order[range].sort(by: inOrder) }
        }
        return order
    }
}
