import Foundation
import BearingsModel

/// Round-numbered ticks for a value axis, and the domain they span.
struct Ticks: Sendable, Equatable {
    /// The tick values, lowest first; the first and last are the ends of the axis.
    var values: [Double]
    /// The distance that tells neighbouring labels apart (for log ticks, per tick, its power of ten).
    var steps: [Double]

    /// The lowest value on the axis.
    var low: Double { values.first ?? 0 }
    /// The highest value on the axis.
    var high: Double { values.last ?? 1 }

    /// Ticks at multiples of a 1-2-5 step covering `low...high` and zero: of the steps near
    /// (high − low) / `count`, the one whose round-number range has the number of intervals
    /// closest to `count`, the larger step on a tie. All zeros (or no data) give 0...1.
    static func linear(low: Double, high: Double, count: Int) -> Ticks {
        // Clamped so that high − low stays finite.
        var low = max(min(low, 0), -1e300)
        var high = min(max(high, 0), 1e300)
        if !(low.isFinite && high.isFinite) || high - low <= 0 {
            low = 0
            high = 1
        }
        let count = max(count, 1)
        let around = Int(log10((high - low) / Double(count)).rounded(.down))
        var best: (mantissa: Int, exponent: Int, first: Int, last: Int)?
        var bestScore = Int.max
        for exponent in (around - 1)...(around + 1) {
            for mantissa in [1, 2, 5] {
                let step = value(mantissa, exponent)
                let first = Int((low / step + 1e-9).rounded(.down))
                let last = Int((high / step - 1e-9).rounded(.up))
                let score = abs((last - first) - count)
                if score <= bestScore {
                    bestScore = score
                    best = (mantissa, exponent, first, last)
                }
            }
        }
        guard let best else { return Ticks(values: [0, 1], steps: [1, 1]) }
        let step = value(best.mantissa, best.exponent)
        let values = (best.first...max(best.last, best.first + 1)).map { value($0 * best.mantissa, best.exponent) }
        return Ticks(values: values, steps: Array(repeating: step, count: values.count))
    }

    /// Ticks at powers of ten covering `low...high` (both positive), every decade or every few
    /// decades so that there are at most about `count`; with two decades or fewer also at 2× and 5×.
    static func log(low: Double, high: Double, count: Int) -> Ticks {
        guard low > 0, high > 0, low.isFinite, high.isFinite else { return log(low: 1, high: 10, count: count) }
        // Clamped so that every power of ten on the axis is a normal, finite double.
        let low = max(low, 1e-300)
        let high = min(high, 1e300)
        var first = Int((log10(low) + 1e-9).rounded(.down))
        var last = Int((log10(high) - 1e-9).rounded(.up))
        if last <= first { last = first + 1 }
        let every = max(1, Int((Double(last - first) / Double(max(count, 1))).rounded(.up)))
        first = floorDiv(first, every) * every
        last = -floorDiv(-last, every) * every
        var values: [Double] = []
        var steps: [Double] = []
        for exponent in stride(from: first, through: last, by: every) {
            let power = value(1, exponent)
            values.append(power)
            steps.append(power)
            if last - first <= 2, exponent < last {
                for multiple in [2, 5] {
                    values.append(value(multiple, exponent))
                    steps.append(power)
                }
            }
        }
        return Ticks(values: values, steps: steps)
    }

    /// `mantissa` × 10^`exponent`, computed so that 3 × 10^-1 is exactly the double nearest 0.3.
    static func value(_ mantissa: Int, _ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
    }
}
