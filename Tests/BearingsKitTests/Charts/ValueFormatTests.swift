import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsModel

@Suite struct ValueFormatTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var value: Double
        var unit: String?
        var step: Double?
        var expected: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "thousands", value: 1234, expected: "1.2k"),
        Case(name: "tens of thousands", value: 12_345, expected: "12.3k"),
        Case(name: "hundreds of thousands", value: 123_456, expected: "123k"),
        Case(name: "millions", value: 3_400_000, expected: "3.4M"),
        Case(name: "billions", value: 2.5e9, expected: "2.5B"),
        Case(name: "trillions", value: 1.5e12, expected: "1.5T"),
        Case(name: "thousands of trillions", value: 1.5e15, expected: "1,500T"),
        Case(name: "rounding up into thousands", value: 999.96, expected: "1k"),
        Case(name: "rounding up into millions", value: 999_960, expected: "1M"),
        Case(name: "small integer stays plain", value: 312, expected: "312"),
        Case(name: "zero", value: 0, expected: "0"),
        Case(name: "negative zero", value: -0.0, expected: "0"),
        Case(name: "half", value: 0.5, expected: "0.5"),
        Case(name: "three significant digits", value: 3.14159, expected: "3.14"),
        Case(name: "tiny", value: 0.000123, expected: "0.000123"),
        Case(name: "negative thousands use the minus sign", value: -1200, expected: "\u{2212}1.2k"),
        Case(name: "percentage", value: 45, unit: "%", expected: "45%"),
        Case(name: "percentage with a decimal", value: 49.7, unit: "%", expected: "49.7%"),
        Case(name: "other units follow a space", value: 1234, unit: "papers", expected: "1.2k papers"),
        Case(name: "empty unit", value: 7, unit: "", expected: "7"),
        Case(name: "not a number", value: .nan, expected: "—"),
        Case(name: "infinity", value: .infinity, expected: "—"),
    ])
    func short(_ example: Case) {
        #expect(ValueFormat.short(example.value, unit: example.unit) == example.expected)
    }

    @Test(arguments: [
        Case(name: "zero tick", value: 0, step: 500, expected: "0"),
        Case(name: "hundreds", value: 500, step: 500, expected: "500"),
        Case(name: "whole thousands", value: 1000, step: 500, expected: "1k"),
        Case(name: "half thousands", value: 1500, step: 500, expected: "1.5k"),
        Case(name: "close thousands stay distinct", value: 1020, step: 20, expected: "1,020"),
        Case(name: "close millions", value: 1.02e6, step: 2e4, expected: "1.02M"),
        Case(name: "float error is hidden", value: 0.30000000000000004, step: 0.1, expected: "0.3"),
        Case(name: "hundredths", value: 0.01, step: 0.01, expected: "0.01"),
        Case(name: "trillions", value: 1.2e12, step: 2e11, expected: "1.2T"),
        Case(name: "billions beside trillions", value: 8e11, step: 2e11, expected: "800B"),
        Case(name: "negative", value: -2000, step: 1000, expected: "\u{2212}2k"),
        Case(name: "percentage", value: 45, unit: "%", step: 5, expected: "45%"),
    ])
    func tick(_ example: Case) {
        #expect(ValueFormat.short(example.value, unit: example.unit, step: example.step ?? 1) == example.expected)
    }

    @Test(arguments: [
        Case(name: "thousands separators", value: 1_234_567, expected: "1,234,567"),
        Case(name: "percentage keeps its decimal", value: 49.7, unit: "%", expected: "49.7%"),
        Case(name: "negative uses a hyphen", value: -1234.5, expected: "-1,234.5"),
        Case(name: "float error is hidden", value: 0.1 + 0.2, expected: "0.3"),
        Case(name: "a trillion", value: 1e12, expected: "1,000,000,000,000"),
        Case(name: "tiny", value: 2.5e-7, expected: "0.00000025"),
        Case(name: "zero", value: 0, expected: "0"),
        Case(name: "negative zero", value: -0.0, expected: "0"),
        Case(name: "unit", value: 999, unit: "papers", expected: "999 papers"),
        Case(name: "under a thousand", value: 312, expected: "312"),
    ])
    func full(_ example: Case) {
        #expect(ValueFormat.full(example.value, unit: example.unit) == example.expected)
    }
}

/// `full`'s one pass over C's bytes (`groupedTrimmedFixed`) against the three steps it replaces
/// (`fixed` through Foundation's `String(format:)`, then `trimmed` and `grouped`), and against
/// numbers written by hand.
@Suite struct ValueFormatBytesTests {
    @Test func handWrittenNumbers() {
        #expect(ValueFormat.full(1_234_567.5, unit: nil) == "1,234,567.5")
        #expect(ValueFormat.full(1e15, unit: nil) == "1,000,000,000,000,000")
        #expect(ValueFormat.full(100, unit: nil) == "100")
        #expect(ValueFormat.full(0, unit: nil) == "0")
        #expect(ValueFormat.full(-0.25, unit: nil) == "-0.25")
        #expect(ValueFormat.full(49.7, unit: "%") == "49.7%")
        #expect(ValueFormat.full(123.456, unit: nil) == "123.456")
        // 9 - (-4) = 13 decimals, at most 12: 0.000123456789.
        #expect(ValueFormat.full(0.000_123_456_789_9, unit: nil) == "0.00012345679")
        #expect(ValueFormat.groupedTrimmedFixed(999.5, decimals: 0) == "1,000")
        #expect(ValueFormat.groupedTrimmedFixed(1000, decimals: 2) == "1,000")
        #expect(ValueFormat.groupedTrimmedFixed(1.5, decimals: -1) == nil)
    }

    @Test func theSameAsTheStepsItReplaces() {
        var values: [Double] = [0, 1, 9.999_999_999_5, 0.1, 0.05, 2.5, 1e-12, 5e-13, 1e21, 1.797_693_134_862_315_7e308]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(seed >> 11) / Double(1 << 53)
            values.append(mantissa * pow(10, Double(Int(seed % 30)) - 12))
        }
        for value in values {
            for decimals in [0, 1, 2, 5, 9, 12] {
                let old = ValueFormat.grouped(ValueFormat.trimmed(String(format: "%.\(decimals)f", value)))
                #expect(ValueFormat.groupedTrimmedFixed(value, decimals: decimals) == old, "\(value) \(decimals)")
                #expect(ValueFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
            }
        }
    }
}
