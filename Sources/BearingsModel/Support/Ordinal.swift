/// Ordinal numbers as pages write them.
package enum Ordinal {
    /// 1 as "1st", 2 as "2nd", 11 as "11th", 22 as "22nd".
    package static func numeral(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// 1 as "first", 2 as "second", … 10 as "tenth", then as `numeral`: "11th", "22nd".
    package static func word(_ number: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        if number >= 1, number <= words.count { return words[number - 1] }
        return numeral(number)
    }
}
