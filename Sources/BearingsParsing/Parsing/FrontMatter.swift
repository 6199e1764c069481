import Yams
import BearingsModel

/// A Markdown file split into its YAML front matter and its body, with the YAML composed into
/// nodes whose positions are the Markdown file's.
public struct FrontMatter {
    /// The front matter's keys and values; empty when the file has none.
    public private(set) var fields: [String: Yams.Node] = [:]
    /// Where each key is.
    public private(set) var keyLocations: [String: SourceLocation] = [:]
    /// Whether the file started with `---`.
    public private(set) var isPresent = false
    /// Whether the front matter was there but could not be read (it never closes, or is not valid YAML
    /// or not a mapping): its keys are unknown, so none of them is reported missing.
    public private(set) var isBroken = false
    /// Line of the closing `---` (0 without front matter).
    public private(set) var closingLine = 0
    /// The body: the file with the front matter lines blanked, so cmark's positions are the file's.
    public private(set) var body: String
    /// The file's path, for diagnostics.
    public let path: String
    /// The line the YAML text starts on (the line after the opening `---`).
    private var firstYAMLLine = 2

    /// Splits `source` and parses its front matter; problems go into `diagnostics`.
    ///
    /// `lenient` reads front matter the way the tools of imported decision records do: after
    /// leading HTML comments (an SPDX header), between `+++` lines as TOML (Zola, Hugo), and, when
    /// the YAML is invalid, line by line as `key: value` after reporting the YAML error.
    public init(_ source: SourceText, lenient: Bool = false, diagnostics: inout [Diagnostic]) {
        path = source.path
        body = source.text
        let lines = source.text.lines
        let opening = lenient ? Self.openingLine(lines) : 0
        guard opening < lines.count else { return }
        let fence = lines[opening].trimmingTrailingSpaces
        guard fence == "---" || (lenient && fence == "+++") else { return }
        isPresent = true
        firstYAMLLine = opening + 2
        let isTOML = fence == "+++"
        guard
            let closing = lines.indices.dropFirst(opening + 1).first(where: {
                let line = lines[$0].trimmingTrailingSpaces
                return isTOML ? line == "+++" : line == "---" || line == "..."
            })
        else {
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: opening + 1, column: 1),
                    "the front matter starting here never closes",
                    hint: "did you forget to add a line with '\(fence)' after the last key?"))
            isBroken = true
            if lenient { isPresent = false } else { body = "" }
            return
        }
        closingLine = closing + 1
        let yaml = lines[(opening + 1)..<closing].joined(separator: "\n")
        body = String(repeating: "\n", count: closing + 1) + lines[(closing + 1)...].joined(separator: "\n")
        if isTOML {
            readLines(lines[(opening + 1)..<closing], separator: "=", firstLine: opening + 2)
            return
        }
        parseYAML(yaml, diagnostics: &diagnostics)
        if lenient, isBroken {
            // Its own tool (Docusaurus, Jekyll) shows the page anyway; read what a person reads.
            isBroken = false
            readLines(lines[(opening + 1)..<closing], separator: ":", firstLine: opening + 2)
        }
    }

    /// The line where front matter may open in an imported record: after blank lines and HTML comments.
    private static func openingLine(_ lines: [Substring]) -> Int {
        var index = 0
        var inComment = false
        while index < lines.count {
            let line = lines[index].trimmingSpaces
            if inComment {
                if line.contains("-->") { inComment = false }
            } else if line.hasPrefix("<!--") {
                inComment = !line.contains("-->")
            } else if !line.isEmpty {
                return index
            }
            index += 1
        }
        return index
    }

    /// Top-level `key: value` (or TOML `key = value`) lines as plain strings, quotes removed; used
    /// for TOML and for YAML that does not parse. Indented lines, comments and tables are skipped.
    /// A TOML multi-line string (`"""…"""` or `'''…'''`) is read to its closing quotes, across lines.
    private mutating func readLines(_ lines: ArraySlice<Substring>, separator: Character, firstLine: Int) {
        let lines = Array(lines)
        var offset = 0
        while offset < lines.count {
            let line = lines[offset]
            let lineNumber = firstLine + offset
            offset += 1
            guard let first = line.first, first.isLetter || first.isNumber || first == "_" else { continue }
            guard let split = line.firstIndex(of: separator) else { continue }
            let key = line[..<split].trimmingSpaces
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                fields[key] == nil
            else { continue }
            let rawValue = line[line.index(after: split)...]
            var value = rawValue.trimmingSpaces
            if separator == "=", let delimiter = ["\"\"\"", "'''"].first(where: { value.hasPrefix($0) }) {
                // The lines up to the closing delimiter; without one, the rest of the front matter.
                var text = String(value.dropFirst(3))
                var closed = text.contains(delimiter)
                while !closed, offset < lines.count {
                    // Only the new line is searched: a string left open costs one pass, not one a line.
                    closed = lines[offset].contains(delimiter)
                    text += "\n" + lines[offset]
                    offset += 1
                }
                value = Self.multilineString(text, delimiter: delimiter)
            } else if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            let column =
                line.distance(from: line.startIndex, to: split) + 2
                + rawValue.prefix(while: { $0 == " " || $0 == "\t" }).count
            fields[key] = .scalar(Yams.Node.Scalar(value))
            keyLocations[key] = SourceLocation(path: path, line: lineNumber, column: column)
        }
    }

    /// A TOML multi-line string's value from the text after its opening delimiter: up to the closing
    /// one, a newline right after the opening delimiter dropped, and, in a basic (`"""`) string, a
    /// backslash at the end of a line joining it to the next one's first non-space character.
    static func multilineString(_ text: String, delimiter: String) -> String {
        var body = text.range(of: delimiter).map { String(text[..<$0.lowerBound]) } ?? text
        if body.hasPrefix("\n") { body.removeFirst() }
        guard delimiter == "\"\"\"" else { return body }
        var result = ""
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var joining = false
        while let line = lines.popFirst() {
            var piece = joining ? Substring(line.drop(while: { $0 == " " || $0 == "\t" })) : line
            // A blank line after a line-ending backslash is skipped too (TOML: all whitespace up to
            // the next non-whitespace character).
            if joining, piece.isEmpty, !lines.isEmpty { continue }
            let trimmed = piece.reversed().drop(while: { $0 == " " || $0 == "\t" })
            joining = trimmed.first == "\\"
            if joining { piece = Substring(String(trimmed.dropFirst().reversed())) }
            result += piece
            if !joining, !lines.isEmpty { result += "\n" }
        }
        return result
    }

    private mutating func parseYAML(_ yaml: String, diagnostics: inout [Diagnostic]) {
        // Keys that are lists or mappings, and aliases past their limit, are refused before Yams
        // composes anything: composing them can take minutes (YAMLPrecheck).
        if let problem = YAMLPrecheck.problem(in: yaml) {
            diagnostics.append(
                .error(
                    SourceLocation(path: path, line: problem.line + firstYAMLLine, column: problem.column + 1),
                    problem.message, hint: problem.hint))
            isBroken = true
            return
        }
        let node: Yams.Node?
        do {
            // An explicit encoding: the default one reads the whole process environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml))
            isBroken = true
            return
        } catch {
            diagnostics.append(.error(SourceLocation(path: path, line: firstYAMLLine), "front matter: \(error)"))
            isBroken = true
            return
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            isBroken = true
            diagnostics.append(
                .error(
                    location(node.mark), "the front matter is not a list of 'key: value' lines",
                    hint: "write one 'key: value' per line between the '---' lines"))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                diagnostics.append(.error(location(key.mark), "a front matter key must be a plain word"))
                continue
            }
            fields[name] = value
            keyLocations[name] = location(key.mark)
        }
    }

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
            let .composer(context, problem, mark, yaml):
            let contextText = context.map { " (\($0.text))" } ?? ""
            let lines = yaml.lines
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            let hint =
                line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
                ? "YAML does not allow tabs for indentation; indent with spaces"
                : "quote values that contain ': ' or start with a special character such as [ { * & ! | > ' \" % @ `"
            return .error(location(mark), "front matter is not valid YAML: \(problem)\(contextText)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                repeatLocation(of: duplicates.first, firstAt: context.mark, in: yaml) ?? location(context.mark),
                "front matter key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) is given twice",
                hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstYAMLLine), "front matter cannot be read: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstYAMLLine), "front matter: \(error)")
        }
    }

    /// Where a duplicated key is given again: Yams marks its first occurrence, but the repeat is the mistake.
    private func repeatLocation(of key: String?, firstAt mark: Yams.Mark, in yaml: String) -> SourceLocation? {
        guard let key else { return nil }
        let lines = yaml.lines
        let indent = mark.column - 1
        for index in lines.indices where index >= mark.line {  // `mark.line` is 1-based: start on the next line
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count > indent, scalars[..<indent].allSatisfy({ $0 == " " }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return SourceLocation(path: path, line: index + firstYAMLLine, column: mark.column)
            }
        }
        return nil
    }

    /// The file location of a YAML mark.
    func location(_ mark: Yams.Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstYAMLLine, column: 1) }
        return SourceLocation(path: path, line: mark.line + firstYAMLLine - 1, column: mark.column)
    }

    /// A warning at each key that is not in `known`, in file order: a mistyped key (`watc:`) would
    /// otherwise be ignored without a word. `file` says whose keys they are ("a decision").
    public func unknownKeys(known: [String], file: String) -> [Diagnostic] {
        let unknown = fields.keys.filter { !known.contains($0) }
        guard !unknown.isEmpty else { return [] }
        let hint =
            known.isEmpty
            ? "\(file) has no front matter keys Bearings reads; it ignores this one"
            : "the keys of \(file) are \(known.joined(separator: ", ")); Bearings ignores any other"
        return
            unknown
            .map { key in (key, keyLocations[key] ?? SourceLocation(path: path, line: firstYAMLLine, column: 1)) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map { key, location in
                let suggestion = Suggestion.closest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? ""
                return .warning(location, "unknown key '\(key)'\(suggestion)", hint: hint)
            }
    }

    /// Where a key's value is (or the key itself when the value has no position).
    public func valueLocation(_ key: String) -> SourceLocation {
        if let node = fields[key], node.mark != nil { return location(node.mark) }
        return keyLocations[key] ?? SourceLocation(path: path, line: 1, column: 1)
    }
}

/// Typed reads of front matter values that report wrong values where they are.
struct FieldReader {
    let frontMatter: FrontMatter
    var diagnostics: [Diagnostic] = []

    init(_ frontMatter: FrontMatter) { self.frontMatter = frontMatter }

    var path: String { frontMatter.path }

    private var missingLocation: SourceLocation {
        SourceLocation(path: path, line: 1, column: 1)
    }

    mutating func missing(_ key: String, hint: String) {
        guard !frontMatter.isBroken else { return }  // the key may well be there; the YAML error says enough
        diagnostics.append(
            .error(missingLocation, "required front matter key '\(key)' is missing", hint: hint))
    }

    /// A scalar as text; nil (and an error) for lists and maps.
    mutating func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
        guard let node = frontMatter.fields[key], !isNull(node) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(
                .error(frontMatter.valueLocation(key), "'\(key)' must be a single value, not a list or map"))
            return nil
        }
        let text = scalar.string.trimmingSpaces
        if text.isEmpty, required {
            diagnostics.append(.error(frontMatter.valueLocation(key), "'\(key)' is empty", hint: hint))
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// A value in YAML flow braces or brackets written for one word, as imported records do:
    /// `status: {proposed}`, `date: { 2023-11-21 }`, `status: [accepted]` → the word; nil otherwise.
    static func braced(_ node: Yams.Node) -> String? {
        if case .mapping(let mapping) = node, mapping.count == 1, let (key, value) = mapping.first,
            case .scalar(let word) = key, case .scalar(let empty) = value,
            ["", "~", "null", "Null", "NULL"].contains(empty.string)
        {
            let text = word.string.trimmingWhitespace
            return text.isEmpty ? nil : text
        }
        if case .sequence(let sequence) = node, sequence.count == 1, case .scalar(let word)? = sequence.first {
            let text = word.string.trimmingWhitespace
            return text.isEmpty ? nil : text
        }
        return nil
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard
            let text = string(key, required: required, hint: "write the date as YYYY-MM-DD, e.g. '\(key): 2019-06-30'")
        else { return nil }
        switch Self.readDay(text) {
        case .success(let day): return day
        case .failure(let problem):
            diagnostics.append(
                .error(
                    frontMatter.valueLocation(key), problem.message,
                    hint: problem.hint ?? "write the date as YYYY-MM-DD, e.g. '\(key): 2019-06-30'"))
            return nil
        }
    }

    /// Why a date is refused: its message, and a hint when the usual one ("write it as
    /// YYYY-MM-DD") does not fit.
    struct DateProblem: Error, Equatable {
        var message: String
        var hint: String?
    }

    /// `text` as a `YYYY-MM-DD` day in `Day.readableYears` (1970–2099), or why not. Every date of a
    /// data folder is read through it: decisions, reviews, expectations, snapshots, events, series.
    static func readDay(_ text: String) -> Result<Day, DateProblem> {
        guard let day = Day(iso: text) else { return .failure(DateProblem(message: dateProblem(text))) }
        guard day.isReadable else { return .failure(yearProblem(text)) }
        return .success(day)
    }

    /// The problem of a real date outside `Day.readableYears`.
    static func yearProblem(_ text: String) -> DateProblem {
        let years = Day.readableYears
        return DateProblem(
            message: "'\(text)' is not between \(years.lowerBound) and \(years.upperBound)",
            hint: "Bearings reads dates from \(years.lowerBound)-01-01 to \(years.upperBound)-12-31; check the year")
    }

    /// Why `Day(iso:)` rejected `text`: a day that does not exist ("2019-02-30") or another form ("30-06-2019").
    static func dateProblem(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let isInForm =
            scalars.count == 10
            && scalars.indices.allSatisfy { index in
                index == 4 || index == 7 ? scalars[index] == "-" : ("0"..."9").contains(scalars[index])
            }
        return isInForm ? "'\(text)' is not a real date" : "'\(text)' is not a date in the form YYYY-MM-DD"
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(
                .error(frontMatter.valueLocation(key), "'\(key)' must be true or false, not '\(text)'"))
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false)
        -> T? where T.RawValue == String
    {
        let names = T.allCases.map(\.rawValue)
        let expected = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        guard let text = string(key, required: required, hint: "add '\(key): \(names[0])' (one of \(expected))")
        else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            diagnostics.append(
                .error(frontMatter.valueLocation(key), "unknown \(key) '\(text)' (expected \(expected))"))
            return nil
        }
        return value
    }

    /// A list of plain values; a single scalar counts as a one-item list.
    mutating func list(_ key: String) -> [(String, SourceLocation)] {
        guard let node = frontMatter.fields[key], !isNull(node) else { return [] }
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingSpaces
            return text.isEmpty ? [] : [(text, frontMatter.location(scalar.mark))]
        case .sequence(let sequence):
            var result: [(String, SourceLocation)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(
                        .error(frontMatter.location(item.mark), "each item of '\(key)' must be a single value"))
                    continue
                }
                let text = scalar.string.trimmingSpaces
                if !text.isEmpty { result.append((text, frontMatter.location(scalar.mark))) }
            }
            return result
        default:
            diagnostics.append(.error(frontMatter.valueLocation(key), "'\(key)' must be a list such as [a, b]"))
            return []
        }
    }

    private func isNull(_ node: Yams.Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = Optional(index(before: end)),
            self[previous] == " " || self[previous] == "\t"
        {
            end = previous
        }
        return self[startIndex..<end]
    }
}
