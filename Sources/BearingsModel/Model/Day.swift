/// A calendar day in the proleptic Gregorian calendar, with no time zone.
///
/// Held in 32 bits (a large site keeps about a million of them): the year times 512 plus the month
/// times 32 plus the day, so that the packed numbers sort as the days do.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// `year << 9 | month << 5 | day`, the year signed.
    private let packed: Int32

    /// Year, e.g. 2019.
    public var year: Int { Int(packed >> 9) }
    /// Month, 1...12.
    public var month: Int { Int((packed >> 5) & 0xF) }
    /// Day of the month, 1...31.
    public var day: Int { Int(packed & 0x1F) }

    /// The days `init(ordinal:)` can hold: years -4,194,304...4,194,303, far beyond any date
    /// written in a data folder; ordinals outside are clamped to it.
    static let ordinalRange = -1_532_657_606...1_531_218_549

    private init(packing year: Int, _ month: Int, _ day: Int) {
        packed = Int32(truncatingIfNeeded: year << 9 | month << 5 | day)
    }

    /// Creates a day if the three numbers name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(packing: year, month, day)
    }

    /// The years of the dates a data folder may hold (SPEC §5): a date outside them is an error, so
    /// a typo such as 9999-12-31 cannot move the reference date or the charts' range.
    public static let readableYears = 1970...2099

    /// Whether the day lies in `readableYears`.
    public var isReadable: Bool { Day.readableYears.contains(year) }

    /// Creates the day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = min(max(ordinal, Day.ordinalRange.lowerBound), Day.ordinalRange.upperBound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(packing: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) { self.init(iso: Substring(text)) }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count == 1 ? "0" : "") + m + "-" + (d.count == 1 ? "0" : "") + d
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `count` months later (clamped to the month's last day).
    public func addingMonths(_ count: Int) -> Day {
        let total = year * 12 + (month - 1) + count
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))) ?? self
    }

    /// The day `count` days later.
    public func addingDays(_ count: Int) -> Day { Day(ordinal: ordinal + count) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.packed < rhs.packed }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
