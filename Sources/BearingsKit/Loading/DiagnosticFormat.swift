import Foundation

/// How diagnostics are printed.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message`, then an indented hint; on standard error.
    case text
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`); on standard error.
    case github
    /// One JSON array on standard output.
    case json

    /// Renders diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { diagnostic in
                diagnostic.description + (diagnostic.hint.map { "\n    hint: \($0)" } ?? "") + "\n"
            }.joined()
        case .github:
            return diagnostics.map { diagnostic in
                let location = diagnostic.location
                let message = diagnostic.message + (diagnostic.hint.map { " (hint: \($0))" } ?? "")
                return
                    "::\(diagnostic.severity.rawValue) file=\(escapeProperty(location.path)),line=\(location.line),col=\(location.column)::\(escapeData(message))\n"
            }.joined()
        case .json:
            let items = diagnostics.map { diagnostic in
                let fields = [
                    "\"severity\":\(jsonString(diagnostic.severity.rawValue))",
                    "\"path\":\(jsonString(diagnostic.location.path))",
                    "\"line\":\(diagnostic.location.line)",
                    "\"column\":\(diagnostic.location.column)",
                    "\"message\":\(jsonString(diagnostic.message))",
                    "\"hint\":\(diagnostic.hint.map(jsonString) ?? "null")",
                ]
                return "{" + fields.joined(separator: ",") + "}"
            }
            return "[" + items.joined(separator: ",\n") + "]\n"
        }
    }

    /// Escapes the message part of a workflow command.
    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value of a workflow command.
    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
        return "\"" + text + "\""  // nothing to escape (0xE2 leads U+2028 and U+2029)
    }
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{2028}": result += "\\u2028"
        case "\u{2029}": result += "\\u2029"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

extension Array where Element == Diagnostic {
    /// Warnings turned into errors, for `--strict`.
    public func strict() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            copy.severity = .error
            return copy
        }
    }
}
