import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsRendering

/// The byte writers of the data files (issue #29) write exactly what the `String`s they replace
/// held: `String(value)`, `Day.description`, `jsonString`, `JSONText.number` and
/// `SiteRenderer.plainNumber`, each taken here as the expected value.
struct ByteTextTests {
    func written(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = Array("x".utf8)  // appends after what is there
        write(&out)
        return String(decoding: out.dropFirst(), as: UTF8.self)
    }

    @Test func integersAsStringWritesThem() {
        for value in [0, 7, -7, 10, 99, 100, -100, 1_234_567, Int.max, Int.min] {
            #expect(written { $0.append(decimal: value) } == String(value))
        }
        #expect(written { $0.append(decimal: -42) } == "-42")
    }

    @Test func daysAsTheirDescription() {
        let days = [
            Day(year: 2025, month: 12, day: 31), Day(year: 1999, month: 1, day: 9), Day(year: 812, month: 6, day: 1),
            Day(year: 5, month: 10, day: 10), Day(ordinal: 4_000_000),
        ].compactMap { $0 }
        #expect(days.count == 5)
        for day in days { #expect(written { $0.append(day: day) } == day.description) }
        #expect(written { $0.append(day: days[1]) } == "1999-01-09")
        #expect(written { $0.append(day: days[2]) } == "0812-06-01")
    }

    @Test func jsonStringsAndNumbersAsBefore() {
        for text in ["plain", "", "quote \" and \\", "line\nbreak\ttab", "\u{2028}", "naïve", "\u{1}"] {
            #expect(written { $0.append(jsonString: text) } == jsonString(text))
        }
        #expect(written { $0.append(jsonString: "a\"b") } == "\"a\\\"b\"")
        let numbers: [Double] = [0, -0.0, 1, -1, 12.5, 0.1, 1e15, 1e15 - 1, -1e15, 1e300, 3.14159, .nan, .infinity]
        for value in numbers {
            #expect(written { $0.append(jsonNumber: value) } == JSONText.number(value))
            if value.isFinite {
                #expect(written { $0.append(plainNumber: value) } == SiteRenderer.plainNumber(value))
            }
        }
        #expect(written { $0.append(jsonNumber: 999_999_999_999_999) } == "999999999999999")
        #expect(written { $0.append(jsonNumber: .nan) } == "null")
    }
}
