import Testing

@testable import BearingsKit
@testable import BearingsParsing

/// SPEC §1's value grammar: sign, digits with one kind of thousands separator, decimals, k/M/B/% suffix.
struct ValueParserTests {
    static let numbers: [Example<String, ValueParser.Result>] = [
        Example("plain digits", "1234", .value(1234, isPercent: false)),
        Example("comma thousands separator", "1,234", .value(1234, isPercent: false)),
        Example("space thousands separator", "1 234", .value(1234, isPercent: false)),
        Example("underscore thousands separator", "1_234", .value(1234, isPercent: false)),
        Example("no-break space thousands separator", "1\u{00A0}234", .value(1234, isPercent: false)),
        Example("two groups of thousands", "1,234,567", .value(1_234_567, isPercent: false)),
        Example("thousands with decimals", "1,234.5", .value(1234.5, isPercent: false)),
        Example("decimal", "3.25", .value(3.25, isPercent: false)),
        Example("k suffix", "3.4k", .value(3400, isPercent: false)),
        Example("M suffix", "2M", .value(2_000_000, isPercent: false)),
        Example("B suffix", "1B", .value(1_000_000_000, isPercent: false)),
        Example("k suffix after separators", "1,234.5k", .value(1_234_500, isPercent: false)),
        Example("percentage keeps its number", "49.7%", .value(49.7, isPercent: true)),
        Example("negative percentage", "-0.5%", .value(-0.5, isPercent: true)),
        Example("minus sign", "-5", .value(-5, isPercent: false)),
        Example("plus sign", "+5", .value(5, isPercent: false)),
        Example("Unicode minus sign", "\u{2212}5", .value(-5, isPercent: false)),
        Example("zero", "0", .value(0, isPercent: false)),
        Example("surrounding spaces", "  42  ", .value(42, isPercent: false)),
    ]

    @Test(arguments: numbers)
    func readsANumber(_ example: Example<String, ValueParser.Result>) {
        #expect(ValueParser.parse(example.input) == example.expected)
    }

    @Test(arguments: ["", "   ", "-", "—", "n/a", "N/A", "?", " - "])
    func readsANotMeasuredMarkAsMissing(_ text: String) {
        #expect(ValueParser.parse(text) == .missing)
    }

    static let invalid: [Example<String, String>] = [
        Example("two decimal points", "1.2.3", "'1.2.3' is not a number (unexpected '.')"),
        Example("two suffixes", "12kk", "'12kk' is not a number (unexpected 'k')"),
        Example(
            "a short group after a separator", "1,23",
            "'1,23' has thousands separators in the wrong places"),
        Example(
            "a long group after a separator", "1,2345",
            "'1,2345' has thousands separators in the wrong places"),
        Example(
            "four digits before the first separator", "1234,567",
            "'1234,567' has thousands separators in the wrong places"),
        Example("two kinds of separator", "1,234 567", "'1,234 567' is not a number (unexpected ' ')"),
        Example("letters", "abc", "'abc' is not a number (unexpected 'a')"),
        Example("no digit before the point", ".5", "'.5' has no digits before the decimal point"),
        Example("no digit after the point", "5.", "'5.' has no digits after the decimal point"),
        Example("a suffix alone", "k", "'k' has no digits"),
        Example("a percent sign alone", "%", "'%' has no digits"),
        Example("a lower-case m is not a suffix", "2m", "'2m' is not a number (unexpected 'm')"),
        Example("exponent notation", "1e5", "'1e5' is not a number (unexpected 'e')"),
        Example("two signs", "--5", "'--5' is not a number (unexpected '-')"),
        Example("a separator after the point", "1.234,5", "'1.234,5' is not a number (unexpected ',')"),
    ]

    @Test(arguments: invalid)
    func rejectsTextThatIsNotAValue(_ example: Example<String, String>) {
        #expect(ValueParser.parse(example.input) == .invalid(example.expected))
    }

    /// Every combination of sign, whole part, fraction and suffix, bare and with spaces around: valid
    /// cells, near misses and non-ASCII ones.
    static let generatedCells: [String] = {
        let signs = ["", "+", "-", "\u{2212}"]
        let wholes = [
            "", "0", "007", "1", "12", "123", "1234", "1,234", "12,345,678", "1_000", "1 000", "1_000_000",
            "1 000 000", "1\u{00A0}000", "1\u{202F}000", "1,000_000", "1,23", "1,2345", ",123", "123,", "1,,234",
            "1234,567", "1,23,456", "1,2345,678", "1,234,56", "1_000 000", "1._5", "1.", ".5", "1.5.5",
            "12345678901234567890", String(repeating: "9", count: 400), "1e5", "--5", "\u{FF11}",
        ]
        let fractions = ["", ".5", ".25", ".000000000000000000001", ".", ".1,5", "..5"]
        let suffixes = ["", "k", "M", "B", "%", "x", "kk", "m", "k%"]
        let paddings = [("", ""), ("  ", ""), (" ", "\t"), ("\u{00A0}", "\n")]
        var cells = ["", " ", "-", "\u{2014}", "n/a", "N/A", "?", " - ", "na", "--", "\u{2013}"]
        for sign in signs {
            for whole in wholes {
                for fraction in fractions {
                    for suffix in suffixes {
                        for (before, after) in paddings {
                            cells.append(before + sign + whole + fraction + suffix + after)
                        }
                    }
                }
            }
        }
        return cells
    }()

    @Test
    func readsCommonCellsAsTheGeneralGrammarDoes() {
        var readByCommonPath = 0
        for cell in Self.generatedCells {
            let general = ValueParser.parseGeneral(cell)
            if let common = ValueParser.parseCommon(cell.trimmingSpaces) {
                readByCommonPath += 1
                #expect(Self.same(common, general), "\(cell.debugDescription): \(common) but \(general)")
            }
            let parsed = ValueParser.parse(cell)
            #expect(Self.same(parsed, general), "\(cell.debugDescription): \(parsed) but \(general)")
        }
        // The common path is the one most valid cells take.
        #expect(readByCommonPath > 2000)
        #expect(ValueParser.parseCommon("-1,234.5k") != nil)
        #expect(ValueParser.parseCommon("1\u{00A0}234") == nil)
    }

    /// Results alike, values to the bit (so 0 and -0 differ).
    private static func same(_ one: ValueParser.Result, _ other: ValueParser.Result) -> Bool {
        switch (one, other) {
        case (.value(let a, let aPercent), .value(let b, let bPercent)):
            return a.bitPattern == b.bitPattern && aPercent == bPercent
        default: return one == other
        }
    }
}
