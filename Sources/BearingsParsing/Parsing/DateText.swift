import BearingsModel

/// Dates as decision records write them: ISO days, and the other notations of real records.
/// One reader for every imported record; the formats are listed in docs/reference.md.
package enum DateText {
    /// Which of two numbers comes first in a date such as `05/02/2018`.
    package enum Order: Sendable, Equatable {
        case dayFirst, monthFirst
    }

    /// A date whose day and month could be read either way (`05/02/2018`), with both readings.
    package struct Ambiguity: Sendable, Equatable {
        /// The separator written (`/`, `.` or `-`): a folder keeps one order per separator.
        package var separator: Character
        package var dayFirst: Day
        package var monthFirst: Day
    }

    /// How a date was read.
    struct Reading: Equatable {
        /// The day (for an ambiguous date, its day-first reading).
        var day: Day
        /// Text after the date that was not read (`2024-10-31 :ghost:`), empty when there is none.
        var ignored: String
        /// Set when day and month could be swapped; the folder's other dates settle it.
        var ambiguity: Ambiguity? = nil
        /// The order a numeric date shows beyond doubt (`16/04/2017`: day first), with its separator.
        var order: (separator: Character, order: Order)? = nil

        static func == (a: Reading, b: Reading) -> Bool {
            a.day == b.day && a.ignored == b.ignored && a.ambiguity == b.ambiguity
                && a.order?.separator == b.order?.separator && a.order?.order == b.order?.order
        }
    }

    /// Month names and their abbreviations ("Sept." too), English.
    static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var result: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            result[name] = index + 1
            result[String(name.prefix(3))] = index + 1
        }
        result["sept"] = 9
        return result
    }()

    /// Reads a date: `YYYY-MM-DD` (a time or other text after it ignored), `YYYY-M-D`, `YYYY/MM/DD`,
    /// `YYYY.MM.DD`, `2019年3月7日`, `2019년 3월 7일`; `DD/MM/YYYY`, `MM/DD/YYYY`, with `/`, `.` or `-`
    /// and two- or four-digit years (day first unless the day cannot be a month; `ambiguity` set when
    /// either order gives a day); month names: `Sep 28, 2023`, `Sept. 8, 2021`, `Feb 23rd, 2021`,
    /// `March 1, 2019.`, `03 December 2015`, `14 Aug 2025`. Nil when no day is written (`July 2013`).
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
        if let reading = yearFirst(text) ?? numeric(text) ?? named(text) { return reading }
        return nil
    }

    /// The text after a date: nothing, a full stop, or words that are ignored with a warning.
    private static func rest(_ text: Substring) -> String? {
        let rest = text.trimmingWhitespace
        if rest.isEmpty || rest == "." { return "" }
        guard let first = text.first, first == " " || first == "," || first == "(" || first == "\t" else {
            return nil
        }
        return rest
    }

    /// `2023-9-15`, `2017/01/13`, `2017.01.13`, `2019年3月7日`, `2019년 3월 7일`, `2019. 3. 7.`.
    private static func yearFirst(_ text: String) -> Reading? {
        if let match = text.prefixMatch(of: Patterns.cjk),
            let day = Day(year: Int(match.1) ?? 0, month: Int(match.2) ?? 0, day: Int(match.3) ?? 0),
            let ignored = rest(text[match.range.upperBound...])
        {
            return Reading(day: day, ignored: ignored)
        }
        guard let match = text.prefixMatch(of: Patterns.isoLike),
            let day = Day(year: Int(match.1) ?? 0, month: Int(match.3) ?? 0, day: Int(match.4) ?? 0),
            let ignored = rest(text[match.range.upperBound...])
        else { return nil }
        return Reading(day: day, ignored: ignored)
    }

    /// `16/04/2017`, `08/31/2023`, `8/2/2022`, `26-09-2018`, `05.02.2018`, `3/29/17`.
    private static func numeric(_ text: String) -> Reading? {
        guard let match = text.prefixMatch(of: Patterns.numericPattern),
            let ignored = rest(text[match.range.upperBound...]),
            let first = Int(match.1), let second = Int(match.3), let written = Int(match.4)
        else { return nil }
        let separator = Character(String(match.2))
        let year = match.4.count == 2 ? 2000 + written : written
        let dayFirst = Day(year: year, month: second, day: first)
        let monthFirst = Day(year: year, month: first, day: second)
        switch (dayFirst, monthFirst) {
        case (let day?, let other?):
            let ambiguity = first == second ? nil : Ambiguity(separator: separator, dayFirst: day, monthFirst: other)
            return Reading(day: day, ignored: ignored, ambiguity: ambiguity)
        case (let day?, nil):
            return Reading(day: day, ignored: ignored, order: (separator, .dayFirst))
        case (nil, let day?):
            return Reading(day: day, ignored: ignored, order: (separator, .monthFirst))
        default:
            return nil
        }
    }

    /// `Sep 28, 2023`, `Sept. 8, 2021`, `Feb 23rd, 2021`, `03 December 2015`, `14 Aug 2025`.
    private static func named(_ text: String) -> Reading? {
        if let match = text.prefixMatch(
            of: Patterns.monthFirst),
            let month = months[match.1.lowercased()],
            let day = Day(year: Int(match.3) ?? 0, month: month, day: Int(match.2) ?? 0),
            let ignored = rest(text[match.range.upperBound...])
        {
            return Reading(day: day, ignored: ignored)
        }
        if let match = text.prefixMatch(
            of: Patterns.dayFirst),
            let month = months[match.2.lowercased()],
            let day = Day(year: Int(match.3) ?? 0, month: month, day: Int(match.1) ?? 0),
            let ignored = rest(text[match.range.upperBound...])
        {
            return Reading(day: day, ignored: ignored)
        }
        return nil
    }
}

/// DateText's patterns, made once: a regex literal written in a function is parsed again each
/// time the function runs (15% of the importer's time under the fuzzer). `Regex` is not marked
/// Sendable, but a value is safe to share between threads: its pattern is immutable, and the
/// matching program it compiles on first use is stored with one atomic compare-and-swap
/// (`Regex.Program.loweredProgram` in swift-experimental-string-processing).
private enum Patterns {
    /// `2019年3月7日`, `2019년 3월 7일`, `2019. 3. 7.`
    nonisolated(unsafe) static let cjk = /(\d{4})\s*(?:年|년|\.)\s*(\d{1,2})\s*(?:月|월|\.)\s*(\d{1,2})\s*(?:日|일|\.)?/
    /// `2023-9-15`, `2017/01/13`
    nonisolated(unsafe) static let isoLike = /(\d{4})([-\/])(\d{1,2})\2(\d{1,2})(?!\d)/
    /// `16/04/2017`, `3/29/17`
    nonisolated(unsafe) static let numericPattern = /(\d{1,2})([\/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/
    /// `Sep 28, 2023`, `Feb 23rd, 2021`
    nonisolated(unsafe) static let monthFirst = /(?i)([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/
    /// `03 December 2015`, `14 Aug 2025`
    nonisolated(unsafe) static let dayFirst = /(?i)(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)/
}

extension StringProtocol {
    /// The string without leading and trailing white space of any kind, no-break spaces included.
    package var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
