/// Ids made from text: lower-case ASCII letters and digits, runs of anything else one `-`, trimmed.
public enum Slug {
    /// The slug of `text`, as SPEC §1 defines it for principle ids.
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isDigit = (48...57).contains(value)
            let isUpper = (65...90).contains(value)
            let isLower = (97...122).contains(value)
            if isDigit || isUpper || isLower {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 32) ?? scalar : scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Whether `text` is already a slug.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
