/// "Did you mean …?": the known name a mistyped one was probably meant to be.
///
/// Every diagnostic that names something unknown (a metric, principle, decision, project id or
/// front matter key) asks here, so they all agree on what counts as close.
package enum Suggestion {
    /// The known name closest to `name` when it is close enough to be a slip of the keyboard: at most
    /// two edits (a third of the length for longer names), and fewer edits than `name` has characters,
    /// so that `xy` is not "corrected" to `id`. Ties go to the name first in sorted order.
    package static func closest(to name: String, among known: some Sequence<String>) -> String? {
        let length = name.unicodeScalars.count
        let limit = min(max(2, length / 3), length - 1)
        guard limit >= 1 else { return nil }
        var best: (distance: Int, name: String)?
        for candidate in known {
            let distance = distance(name, candidate, limit: limit)
            guard distance <= limit else { continue }
            if let current = best,
                current.distance < distance || (current.distance == distance && current.name <= candidate)
            {
                continue
            }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// `did you mean 'x'?` when a known name is close (see `closest(to:among:)`), otherwise nil.
    static func didYouMean(_ name: String, among known: some Sequence<String>) -> String? {
        closest(to: name, among: known).map { "did you mean '\($0)'?" }
    }

    /// "did you mean 'x'?" when a known id is close; otherwise the known ids.
    package static func hintFor(_ id: String, among known: Set<String>, kind: String) -> String {
        if let suggestion = Suggestion.didYouMean(id, among: known) { return suggestion }
        let sorted = known.sorted()
        if sorted.isEmpty { return "no \(kind) is defined" }
        let shown = sorted.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return "known \(kind)s: \(shown)\(sorted.count > 8 ? ", …" : "")"
    }

    /// The optimal string alignment distance between `a` and `b` over Unicode scalars: insertions,
    /// deletions, substitutions and swaps of two neighbours (`ebmer` → `ember`) count one each.
    /// Returns `limit + 1` at once when the lengths alone differ by more than `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if abs(a.count - b.count) > limit { return limit + 1 }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
