extension Analysis {
    /// How many period-to-period changes before the newest period make a series' usual variation.
    public static let usualWindow = 12

    /// How many times the usual change a move must exceed to be called unusual.
    public static let usualFactor = 2.0

    /// The usual variation of a series: the median of the absolute changes between consecutive
    /// values in `history` (oldest first), over its last `usualWindow` changes; nil with fewer
    /// than 3 changes, too few to say what is usual.
    public static func usualChange(_ history: [Double]) -> Double? {
        guard history.count >= 2 else { return nil }
        let changes = zip(history.dropFirst(), history).map { abs($0 - $1) }.suffix(usualWindow).sorted()
        guard changes.count >= 3 else { return nil }
        let middle = changes.count / 2
        return changes.count % 2 == 1 ? changes[middle] : (changes[middle - 1] + changes[middle]) / 2
    }

    /// Whether a move of `change` over `periods` periods is beyond the usual variation of
    /// `history`: larger than `usualFactor` × the usual change × the number of periods, and at
    /// least `minimum`. False when the usual variation is unknown.
    public static func isUnusual(_ change: Double, periods: Int, history: [Double], minimum: Double) -> Bool {
        guard let usual = usualChange(history) else { return false }
        return abs(change) > usualFactor * usual * Double(max(periods, 1)) && abs(change) >= minimum
    }
}
