import Foundation

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

    /// Ticks at multiples of a 1-2-5 step covering `low...high` and zero, with about `count`
    /// intervals. All zeros (or no data) give 0...1.
    static func linear(low: Double, high: Double, count: Int) -> Ticks {
        var low = min(low, 0)
        var high = max(high, 0)
        if !(low.isFinite && high.isFinite) || high - low <= 0 {
            low = 0
            high = 1
        }
        let (mantissa, exponent) = niceStep((high - low) / Double(max(count, 1)))
        let step = value(mantissa, exponent)
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        let values = (first...max(last, first + 1)).map { value($0 * mantissa, exponent) }
        return Ticks(values: values, steps: Array(repeating: step, count: values.count))
    }

    /// Ticks at powers of ten covering `low...high` (both positive), every decade or every few
    /// decades so that there are at most about `count`; with two decades or fewer also at 2× and 5×.
    static func log(low: Double, high: Double, count: Int) -> Ticks {
        guard low > 0, high > 0, low.isFinite, high.isFinite else { return log(low: 1, high: 10, count: count) }
        var first = Int((log10(low) + 1e-9).rounded(.down))
        var last = Int((log10(high) - 1e-9).rounded(.up))
        if last <= first { last = first + 1 }
        let every = max(1, Int((Double(last - first) / Double(max(count, 1))).rounded(.up)))
        first = DayFormat.floorDiv(first, every) * every
        last = -DayFormat.floorDiv(-last, every) * every
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

    /// The 1-2-5 step nearest `raw` on a log scale (d3's rule: the cut-offs are the geometric
    /// means √2, √10 and √50), so the tick count lands near the one asked for.
    static func niceStep(_ raw: Double) -> (mantissa: Int, exponent: Int) {
        guard raw > 0, raw.isFinite else { return (1, 0) }
        let exponent = Int(log10(raw).rounded(.down))
        let scaled = raw / value(1, exponent)
        switch scaled {
        case 50.squareRoot()...: return (1, exponent + 1)
        case 10.squareRoot()...: return (5, exponent)
        case 2.squareRoot()...: return (2, exponent)
        default: return (1, exponent)
        }
    }

    /// `mantissa` × 10^`exponent`, computed so that 3 × 10^-1 is exactly the double nearest 0.3.
    static func value(_ mantissa: Int, _ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
    }
}
