import Foundation
import BearingsModel

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
