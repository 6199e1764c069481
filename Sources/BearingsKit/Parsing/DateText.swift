/// Dates as decision records write them: ISO days, and the other notations of real records.
enum DateText {
    /// How a date was read.
    struct Reading: Equatable {
        /// The day.
        var day: Day
        /// Text after the date that was not read (`2024-10-31 :ghost:`), empty when there is none.
        var ignored: String
    }

    /// `YYYY-MM-DD`, with a time after it (`2024-03-05T10:00:00Z`) or other text after a space;
    /// day-first `dd/mm/yyyy`, `dd/mm/yy` (20yy) and `dd.mm.yyyy`; nil for anything else.
    static func read(_ raw: String) -> Reading? {
        let text = raw.trimmingWhitespace
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 10, let day = Day(iso: String(String.UnicodeScalarView(scalars[..<10]))) {
            let rest = String(String.UnicodeScalarView(scalars[10...]))
            if rest.isEmpty { return Reading(day: day, ignored: "") }
            if rest.hasPrefix("T") || rest.hasPrefix("t") {
                // An ISO time of day belongs to the date; it is not shown.
                return Reading(day: day, ignored: "")
            }
            if rest.first == " " || rest.first == "\t" || rest.first == "," || rest.first == "(" {
                return Reading(day: day, ignored: rest.trimmingWhitespace)
            }
            return nil
        }
        for separator: Character in ["/", "."] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2,
                let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
            else { continue }
            guard let day = Day(year: parts[2].count == 2 ? 2000 + y : y, month: m, day: d) else { return nil }
            return Reading(day: day, ignored: "")
        }
        return nil
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space of any kind, no-break spaces included.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
