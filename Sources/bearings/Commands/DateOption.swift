import ArgumentParser
import BearingsKit

/// The check every `--date` option shares: a real `YYYY-MM-DD` day in the years a data folder may
/// hold (`Day.readableYears`, 1970–2099), so a command never writes a file `check` would refuse.
enum DateOption {
    /// Throws a usage error unless `text` is such a day.
    static func validate(_ text: String?) throws {
        guard let text else { return }
        guard let day = Day(iso: text) else {
            throw ValidationError("--date must be a real date as YYYY-MM-DD, not '\(text)'")
        }
        guard day.isReadable else {
            throw ValidationError(
                "--date must lie in \(Day.readableYears.lowerBound)–\(Day.readableYears.upperBound), not '\(text)'")
        }
    }
}
