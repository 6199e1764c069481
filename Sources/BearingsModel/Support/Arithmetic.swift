/// The quotient of `a` by `b` rounded down (towards minus infinity), where `/` rounds towards
/// zero: `floorDiv(-1, 7) == -1`, so days before the epoch fall in the week, month or year they
/// belong to.
package func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// The remainder that goes with `floorDiv`: it has the sign of `b` (`floorMod(-1, 7) == 6`).
package func floorMod(_ a: Int, _ b: Int) -> Int {
    a - floorDiv(a, b) * b
}

/// `folder/name`, with one slash between them whether or not `folder` ends in one.
package func joinPath(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

extension Double {
    /// 2^53: every whole number up to it is held exactly by a `Double`, the type of every value;
    /// 9,007,199,254,740,993 would silently become …992.
    package static let largestExactWhole = 9_007_199_254_740_992.0
}
