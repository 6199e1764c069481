import Yams
import BearingsModel

extension MetricParser {
    /// Reads `events:`: a list of `{date: YYYY-MM-DD, text: …, break: true|false}`. A malformed
    /// event is an error at its place and is left out; the events come sorted by date.
    static func events(_ frontMatter: FrontMatter, diagnostics: inout [Diagnostic]) -> [MetricEvent] {
        guard let node = frontMatter.fields["events"] else { return [] }
        if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(
                    frontMatter.valueLocation("events"), "'events' must be a list of events",
                    hint:
                        "write each as '- date: 2018-08-01' with 'text: What changed' (and 'break: true' if the counting changed) under it"
                ))
            return []
        }
        var events: [MetricEvent] = []
        for item in sequence {
            let itemLocation = frontMatter.location(item.mark)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(
                    .error(
                        itemLocation, "each event must have a 'date' and a 'text'",
                        hint: "write '- date: 2018-08-01' and, under it, 'text: What changed'"))
                continue
            }
            var date: Day?, text: String?, isBreak = false, valid = true
            for (key, value) in mapping {
                let valueLocation = frontMatter.location(value.mark ?? key.mark)
                let scalar = value.scalar?.string.trimmingSpaces ?? ""
                switch key.string ?? "" {
                case "date":
                    switch FieldReader.readDay(scalar) {
                    case .success(let day): date = day
                    case .failure(let problem):
                        valid = false
                        diagnostics.append(
                            .error(
                                valueLocation, problem.message,
                                hint: problem.hint ?? "write the event's date as YYYY-MM-DD, e.g. 'date: 2018-08-01'"))
                    }
                case "text":
                    text = scalar.isEmpty ? nil : scalar
                case "break":
                    switch scalar.lowercased() {
                    case "true", "yes", "on": isBreak = true
                    case "false", "no", "off": isBreak = false
                    default:
                        valid = false
                        diagnostics.append(.error(valueLocation, "'break' must be true or false, not '\(scalar)'"))
                    }
                default:
                    valid = false
                    diagnostics.append(
                        .error(
                            frontMatter.location(key.mark), "unknown event key '\(key.string ?? "")'",
                            hint: "an event has 'date', 'text' and optionally 'break'"))
                }
            }
            if mapping["date"] == nil {
                valid = false
                diagnostics.append(
                    .error(itemLocation, "the event has no 'date'", hint: "add 'date: YYYY-MM-DD' to the event"))
            }
            if text == nil {
                valid = false
                diagnostics.append(
                    .error(itemLocation, "the event has no 'text'", hint: "add 'text: What changed' to the event"))
            }
            if valid, let date, let text {
                events.append(MetricEvent(date: date, text: text, isBreak: isBreak, location: itemLocation))
            }
        }
        return events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
