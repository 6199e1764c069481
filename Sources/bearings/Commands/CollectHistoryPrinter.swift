import BearingsCollect
import BearingsKit
import Foundation

/// Prints what `bearings collect --history` did: problems in the data, each value that failed, the
/// files written (or, with `--dry-run`, the queries and rows).
struct CollectHistoryPrinter {
    var format: DiagnosticFormat

    func print(_ report: HistoryReport, dryRun: Bool) {
        if format == .json {
            printJSON(report, dryRun: dryRun)
            return
        }
        Report.print(report.diagnostics, format: format)
        if let error = report.error { standardError(format == .github ? "::error::\(error)\n" : "error: \(error)\n") }
        for entry in report.entries {
            guard case .failure(let failure) = entry.outcome else { continue }
            let what = entry.project.isEmpty ? entry.metric : "\(entry.metric) for \(entry.project)"
            let message = "\(what): \(failure.reason)"
            standardError(format == .github ? "::warning::\(message)\n" : "warning: \(message)\n")
        }
        for path in report.untouched {
            let message = "\(path): left as it was, since a value of its metric failed"
            standardError(format == .github ? "::warning::\(message)\n" : "warning: \(message)\n")
        }
        if dryRun, let text = report.text {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else if report.error == nil {
            var lines = report.written.map { "\($0): updated" }
            let added = report.added
            lines.append("\(added) new value\(added == 1 ? "" : "s")")
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    /// One JSON object on standard output: the diagnostics, the error, the files written, every entry.
    private func printJSON(_ report: HistoryReport, dryRun: Bool) {
        let diagnostics = DiagnosticFormat.json.render(report.diagnostics).trimmingCharacters(in: .newlines)
        let entries = report.entries.map { entry in
            var fields = [
                "\"metric\":\(quoted(entry.metric))", "\"project\":\(quoted(entry.project))",
                "\"source\":\(quoted(entry.source.rawValue))",
                "\"requests\":[\(entry.requests.map(quoted).joined(separator: ","))]",
            ]
            switch entry.outcome {
            case .success(let rows):
                fields += [
                    "\"rows\":[\(rows.map { quoted($0.line) }.joined(separator: ","))]", "\"error\":null",
                ]
            case .failure(let failure): fields += ["\"rows\":null", "\"error\":\(quoted(failure.reason))"]
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let object = [
            "\"diagnostics\":\(diagnostics)", "\"error\":\(report.error.map(quoted) ?? "null")",
            "\"written\":[\(report.written.map(quoted).joined(separator: ","))]",
            "\"untouched\":[\(report.untouched.map(quoted).joined(separator: ","))]", "\"dry_run\":\(dryRun)",
            "\"values\":[\(entries.joined(separator: ",\n"))]",
        ]
        FileHandle.standardOutput.write(Data(("{" + object.joined(separator: ",\n") + "}\n").utf8))
    }

    private func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    private func standardError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
