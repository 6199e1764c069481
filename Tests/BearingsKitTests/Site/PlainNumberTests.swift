import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsRendering

/// `data/series.csv` writes values as printf's "%.6f" without trailing zeros; the shortcut through
/// the shortest form must give the same text for every value.
@Suite struct PlainNumberTests {
    static func printf(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    @Test func writtenDecimalsAreWrittenAsPrintfWouldWriteThem() {
        // Values as data files hold them: up to six decimals, from tiny to large.
        var generator = SystemRandomNumberGenerator()
        for places in 1...7 {
            let scale = pow(10.0, Double(places))
            for _ in 0..<20_000 {
                let magnitude = pow(10.0, Double(Int.random(in: 0...10, using: &generator)))
                let whole = Double(Int64.random(in: -Int64(magnitude)...Int64(magnitude), using: &generator))
                let value = whole / scale
                #expect(SiteRenderer.plainNumber(value) == Self.printf(value), "\(value)")
            }
        }
    }

    @Test func anyDoubleIsWrittenAsPrintfWouldWriteIt() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            guard value.isFinite, abs(value) < 1e18, abs(value) > 1e-9 else { continue }
            #expect(SiteRenderer.plainNumber(value) == Self.printf(value), "\(value)")
        }
        for value in [0.5, -0.5, 0.1, 2.675, 1.0000005, 999_999_999.5, 999_999_999.123456, 1e9 + 0.25, 0.0000005, -0.0]
        {
            #expect(SiteRenderer.plainNumber(value) == Self.printf(value), "\(value)")
        }
    }
}
