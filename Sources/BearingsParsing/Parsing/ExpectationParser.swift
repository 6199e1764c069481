import Yams
import BearingsModel

/// Reads `expect:` from a decision's front matter: a list of conditions on metrics (SPEC §1,
/// "Expectations and verdicts"). A malformed expectation is an error at its place and left out;
/// whether its metric and project exist is the validator's to say.
enum ExpectationParser {
    static let conditionKeys = ["share", "value", "rank", "passes", "change"]
    static let form =
        "write e.g. '- metric: papers-neurips' with 'share: \">= 50%\"' (or value, rank, passes, change) and 'by: 2019-12-31' under it"

    /// The expectations of a decision dated `decisionDate` (a `by` before it is an error).
    static func parse(_ frontMatter: FrontMatter, decisionDate: Day? = nil, diagnostics: inout [Diagnostic])
        -> [Expectation]
    {
        guard let node = frontMatter.fields["expect"] else { return [] }
        if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(frontMatter.valueLocation("expect"), "'expect' must be a list of expectations", hint: form))
            return []
        }
        var result: [Expectation] = []
        for item in sequence {
            let itemLocation = frontMatter.location(item.mark)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(
                    .error(itemLocation, "each expectation must name a metric and a condition", hint: form))
                continue
            }
            var metric: (String, SourceLocation)?
            var conditions: [(key: String, text: String, location: SourceLocation)] = []
            var by: Day?
            var valid = true
            for (key, value) in mapping {
                let name = key.string ?? ""
                let location = frontMatter.location(value.mark ?? key.mark)
                guard case .scalar(let scalar) = value else {
                    valid = false
                    diagnostics.append(.error(location, "'\(name)' must be a single value, not a list or map"))
                    continue
                }
                let text = scalar.string.trimmingSpaces
                switch name {
                case "metric": metric = (text, location)
                case "by":
                    switch FieldReader.readDay(text) {
                    case .success(let day) where decisionDate.map({ day < $0 }) ?? false:
                        valid = false
                        diagnostics.append(
                            .error(
                                location,
                                "the expectation is judged by \(day), before the decision's date, \(decisionDate.map { "\($0)" } ?? "")",
                                hint:
                                    "a bet is judged on data after it was made; give a 'by' date on or after the decision's"
                            ))
                    case .success(let day): by = day
                    case .failure(let problem):
                        valid = false
                        diagnostics.append(
                            .error(
                                location, problem.message,
                                hint: problem.hint
                                    ?? "write the date to judge it at as YYYY-MM-DD, e.g. 'by: 2019-12-31'"
                            ))
                    }
                case _ where conditionKeys.contains(name): conditions.append((name, text, location))
                default:
                    valid = false
                    diagnostics.append(
                        .error(
                            frontMatter.location(key.mark), "unknown expectation key '\(name)'",
                            hint: "an expectation has 'metric', one of share, value, rank, passes or change, and 'by'"
                        ))
                }
            }
            guard let (metricID, metricLocation) = metric, !metricID.isEmpty else {
                diagnostics.append(.error(itemLocation, "the expectation names no metric", hint: form))
                continue
            }
            guard conditions.count == 1, let (key, text, location) = conditions.first else {
                diagnostics.append(
                    .error(
                        conditions.count > 1 ? conditions[1].location : itemLocation,
                        conditions.isEmpty
                            ? "the expectation has no condition"
                            : "an expectation has exactly one condition; this one has \(conditions.map { "'\($0.key)'" }.joined(separator: " and "))",
                        hint: "give one of share, value, rank, passes or change; write a second expectation for another"
                    ))
                continue
            }
            switch condition(key, text) {
            case .success(let parsed) where valid:
                result.append(
                    Expectation(
                        metric: metricID, condition: parsed, conditionText: text, by: by, location: itemLocation,
                        metricLocation: metricLocation, conditionLocation: location))
            case .success: continue
            case .failure(let problem):
                diagnostics.append(.error(location, problem.message, hint: problem.hint))
            }
        }
        return result
    }

    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// A condition from its key and text: an operator and a value, or a project id for `passes`.
    static func condition(_ key: String, _ text: String) -> Result<Expectation.Condition, Problem> {
        if key == "passes" {
            guard Slug.isSlug(text) else {
                return .failure(
                    Problem(
                        message: "'\(text)' is not a project id",
                        hint: "name the project to pass by its id, e.g. 'passes: tensorflow'"))
            }
            return .success(.passes(text))
        }
        let examples = [
            "share": "'share: \">= 50%\"'", "value": "'value: \">= 10k\"'", "rank": "'rank: \"<= 2\"'",
            "change": "'change: \">= +20%\"'",
        ]
        let hint = "write an operator (>=, >, <= or <) and a value in quotes, e.g. \(examples[key] ?? "")"
        let operators = Expectation.Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        guard let comparison = operators.first(where: { text.hasPrefix($0.rawValue) }) else {
            return .failure(Problem(message: "the condition '\(text)' has no operator", hint: hint))
        }
        let rest = String(text.dropFirst(comparison.rawValue.count)).trimmingSpaces
        let parsed = ValueParser.parse(rest)
        if case .invalid(let why) = parsed, why.contains("too large to hold exactly") {
            return .failure(Problem(message: "in the condition '\(text)', \(why)", hint: hint))
        }
        guard case .value(let number, let isPercent) = parsed else {
            return .failure(Problem(message: "'\(rest)' in the condition '\(text)' is not a number", hint: hint))
        }
        switch key {
        case "share", "change":
            guard isPercent else {
                return .failure(
                    Problem(
                        message: "the \(key) '\(rest)' must be a percentage",
                        hint: "write it with '%', e.g. \(examples[key] ?? "")"))
            }
            if key == "share", !(0...100).contains(number) {
                return .failure(
                    Problem(message: "a share of '\(rest)' is not between 0% and 100%", hint: hint))
            }
            // No share (0% to 100%) is below 0% or above 100%: such a bet could never be met.
            if key == "share", (number == 0 && comparison == .lessThan) || (number == 100 && comparison == .moreThan) {
                return .failure(
                    Problem(
                        message:
                            "no share is \(comparison == .lessThan ? "below 0%" : "above 100%"), so '\(text)' can never be met",
                        hint: "a share lies between 0% and 100%; e.g. 'share: \">= 50%\"'"))
            }
            return .success(key == "share" ? .share(comparison, number / 100) : .change(comparison, number / 100))
        case "rank":
            if !isPercent, number >= 1e6, number == number.rounded() {
                return .failure(
                    Problem(
                        message: "the rank '\(rest)' is too large: a rank is at most 999,999",
                        hint: "1 is first, e.g. 'rank: \"<= 2\"'"))
            }
            guard !isPercent, number >= 1, number == number.rounded() else {
                return .failure(
                    Problem(
                        message: "the rank '\(rest)' is not a whole number from 1",
                        hint: "1 is first, e.g. 'rank: \"<= 2\"'"))
            }
            return .success(.rank(comparison, Int(number)))
        default:
            return .success(.value(comparison, number))
        }
    }
}
