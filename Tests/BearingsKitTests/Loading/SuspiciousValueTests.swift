import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsModel
@testable import BearingsParsing

/// Swift Testing has a `SourceLocation` too; here the name means Bearings's.
private typealias SourceLocation = BearingsKit.SourceLocation

/// SPEC §1 (snapshots): a value that reads like a misplaced thousands separator, or that jumps by
/// a factor of 100 or more from both its neighbours, is a warning at its cell.
struct SuspiciousValueTests {
    static let path = "data/series/downloads.csv"

    /// One series per project, a month apart from 2019-04-01, in the order given; each value on its
    /// own line of the file (line 2 for the first).
    private static func observations(_ series: [(project: String, values: [String])]) -> [Observation] {
        var result: [Observation] = []
        for (project, values) in series {
            for (month, text) in values.enumerated() where !text.isEmpty {
                guard case .value(let value, _) = ValueParser.parse(text),
                    let date = Day(year: 2019, month: 4 + month, day: 1)
                else { continue }
                result.append(
                    Observation(
                        date: date, metric: "pypi-downloads", project: project, value: value, text: text,
                        location: SourceLocation(path: path, line: result.count + 2, column: 33)))
            }
        }
        return result
    }

    private static func warnings(_ series: [(project: String, values: [String])]) -> [String] {
        Validator.suspiciousValues(observations(series)).map { "\($0.location.line) \($0.message) | \($0.hint ?? "")" }
    }

    static let separatorHint = "write 6981 or 6,981; if 6.981 is meant, write 6.9810"
    static let separator = "'6.981' looks like 6,981 with '.' as a thousands separator; it was read as 6.981"
    static let jumpHint = Validator.jumpHint

    /// The warning for a value on line 3 that is a hundredth or less of its neighbours.
    static func hundredth(_ value: String, _ before: String, _ after: String) -> String {
        "3 \(value) is a hundredth or less of its neighbours (\(before) on 2019-04-01 and \(after) on 2019-06-01) | \(jumpHint)"
    }

    static let cases: [Example<[(project: String, values: [String])], [String]>] = [
        Example(
            "between two whole numbers in the thousands", [("pytorch", ["6,412", "6.981", "7,208"])],
            ["3 \(separator) | \(separatorHint)"]),
        Example(
            "first of its series, before a number in the thousands", [("pytorch", ["6.981", "7,208"])],
            ["2 \(separator) | \(separatorHint)"]),
        Example(
            "last of its series, written with a k", [("pytorch", ["7.2k", "6.981"])],
            ["3 \(separator) | \(separatorHint)"]),
        // Not a misplaced separator, but still a hundredth or less of both neighbours.
        Example(
            "beside a number under a thousand", [("pytorch", ["6,412", "6.981", "950"])],
            [hundredth("6.981", "6,412", "950")]),
        Example(
            "beside a number with a fraction", [("pytorch", ["6,412.5", "6.981", "7,208"])],
            [hundredth("6.981", "6,412.5", "7,208")]),
        Example(
            "with four decimals, as the hint says", [("pytorch", ["6,412", "6.9810", "7,208"])],
            [hundredth("6.9810", "6,412", "7,208")]),
        Example(
            "with two decimals", [("pytorch", ["6,412", "6.98", "7,208"])], [hundredth("6.98", "6,412", "7,208")]),
        Example(
            "with a sign", [("pytorch", ["6,412", "+6.981", "7,208"])], [hundredth("+6.981", "6,412", "7,208")]),
        Example(
            "with a suffix", [("pytorch", ["6,412", "6.981%", "7,208"])], [hundredth("6.981%", "6,412", "7,208")]),
        Example("with four digits before the point", [("pytorch", ["6,412", "1234.567", "7,208"])], []),
        Example("beside numbers it is not a hundredth of", [("pytorch", ["650", "6.981", "612.5"])], []),
        Example(
            "up a hundredfold from both neighbours", [("pytorch", ["5,100", "540000", "5,300"])],
            ["3 540000 is 100 times or more its neighbours (5,100 on 2019-04-01 and 5,300 on 2019-06-01) | \(jumpHint)"]
        ),
        Example(
            "down to a hundredth of both neighbours, exactly", [("pytorch", ["6,000", "60", "6.1k"])],
            ["3 60 is a hundredth or less of its neighbours (6,000 on 2019-04-01 and 6.1k on 2019-06-01) | \(jumpHint)"]
        ),
        Example("up from one neighbour only", [("pytorch", ["5,100", "540000", "5,500"])], []),
        // 540000 is no jump; 5, the first value, is a hundredth or less of the two after it.
        Example(
            "up from one and down from the other", [("pytorch", ["5", "540000", "6M"])],
            [
                "2 5, the first value of its series, is a hundredth or less of its neighbours (540000 on 2019-05-01 and 6M on 2019-06-01) | \(jumpHint)"
            ]),
        // Two values: either could be the wrong one.
        Example(
            "a jump in a series of two values", [("pytorch", ["5,100", "540000"]), ("tensorflow", ["6", "7"])], []),
        // The ends are compared with their two nearest neighbours (issue #30: "+228471%" from a typo).
        Example(
            "a typo in the first value", [("pytorch", ["5", "11,429", "11,500", "11,800"])],
            [
                "2 5, the first value of its series, is a hundredth or less of its neighbours (11,429 on 2019-05-01 and 11,500 on 2019-06-01) | \(jumpHint)"
            ]),
        Example(
            "a digit too many in the last value", [("pytorch", ["5,100", "5,300", "540000"])],
            [
                "4 540000, the last value of its series, is 100 times or more its neighbours (5,100 on 2019-04-01 and 5,300 on 2019-05-01) | \(jumpHint)"
            ]),
        Example("a first value far from one neighbour only", [("pytorch", ["5", "5,100", "60", "70"])], []),
        Example("a last value beside a zero", [("pytorch", ["0", "5", "5,100"])], []),
        Example("beside a zero", [("pytorch", ["0", "540000", "5,300"])], []),
        Example("a negative value", [("pytorch", ["-5,100", "-540000", "-5,300"])], []),
        Example(
            "a misplaced separator that is also a hundredth of its neighbours is reported once",
            [("pytorch", ["698,100", "6.981", "712,000"])],
            ["3 \(separator) | \(separatorHint)"]),
        Example(
            "each series on its own",
            [("pytorch", ["5,100", "540000", "5,300"]), ("tensorflow", ["6,105", "6.981"])],
            [
                "3 540000 is 100 times or more its neighbours (5,100 on 2019-04-01 and 5,300 on 2019-06-01) | \(jumpHint)",
                "6 \(separator) | \(separatorHint)",
            ]),
    ]

    @Test(arguments: cases)
    func warnsAtAValueThatIsProbablyNotWhatWasMeant(
        _ example: Example<[(project: String, values: [String])], [String]>
    ) {
        #expect(Self.warnings(example.input) == example.expected)
    }

    @Test func neverComparesValuesAcrossABreak() throws {
        let may = try #require(Day(iso: "2019-05-01"))
        let breaks = ["pypi-downloads": [may]]
        let jump = Self.observations([("pytorch", ["5,100", "540000", "5,300"])])
        #expect(Validator.suspiciousValues(jump, breaks: breaks) == [])
        // After the break, the next value is still a neighbour.
        let separator = Self.observations([("pytorch", ["6,412", "6.981", "7,208"])])
        #expect(
            Validator.suspiciousValues(separator, breaks: breaks).map(\.message) == [Self.separator])
        // A break of another metric changes nothing.
        #expect(Validator.suspiciousValues(jump, breaks: ["github-pushers": [may]]).count == 1)
    }

    /// The series are checked in parts side by side; the warnings are the same, in the same order,
    /// however the list is cut, and no series is ever cut in two.
    @Test func partsGiveTheWarningsOfOnePass() {
        let series: [(project: String, values: [String])] = (0..<12).map { index in
            let second = index % 3 == 0 ? "6.981" : "7000"
            let fourth = index % 4 == 0 ? "9000000" : "9000"
            return ("p\(index)", ["5000", second, "8000", fourth, "9500", "9800"])
        }
        let list = Self.observations(series)
        let one = Validator.suspiciousValues(list, parts: 1).map(\.description)
        #expect(one.count == 7)
        for count in [2, 3, 5, 8, 50, 1000] {
            #expect(Validator.suspiciousValues(list, parts: count).map(\.description) == one, "\(count) parts")
            let parts = Validator.seriesParts(list, count: count)
            #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == list.count)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(parts.dropFirst().allSatisfy { list[$0.lowerBound].project != list[$0.lowerBound - 1].project })
        }
    }
}
