import BearingsCollect
import BearingsKit
import Foundation

/// Prints what `bearings collect` did: problems in the data as `check` prints them, each value that
/// failed, and the path written (or, with `--dry-run`, the snapshot).
struct CollectPrinter {
    var format: DiagnosticFormat

    func print(_ report: CollectReport, dryRun: Bool) {
        if format == .json {
            printJSON(report, dryRun: dryRun)
            return
        }
        Report.print(report.diagnostics, format: format)
        if let error = report.error { standardError(format == .github ? "::error::\(error)\n" : "error: \(error)\n") }
        for value in report.values {
            guard case .failure(let failure) = value.outcome else { continue }
            let message = "\(value.metric) for \(value.project): \(failure.reason) (\(value.url))"
            standardError(format == .github ? "::warning::\(message)\n" : "warning: \(message)\n")
        }
        if dryRun, let text = report.text {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else if let path = report.path {
            let failed = report.failures
            let summary = failed == 0 ? "" : ", \(failed) not measured ('?')"
            FileHandle.standardOutput.write(Data("\(path): \(report.values.count) values\(summary)\n".utf8))
        }
    }

    /// One JSON object on standard output: the diagnostics, the error, the path, and every value.
    private func printJSON(_ report: CollectReport, dryRun: Bool) {
        let diagnostics = DiagnosticFormat.json.render(report.diagnostics).trimmingCharacters(in: .newlines)
        let values = report.values.map { value in
            var fields = [
                "\"metric\":\(quoted(value.metric))", "\"project\":\(quoted(value.project))",
                "\"source\":\(quoted(value.source.rawValue))", "\"url\":\(quoted(value.url))",
            ]
            switch value.outcome {
            case .success(let number): fields += ["\"value\":\(number)", "\"error\":null"]
            case .failure(let failure): fields += ["\"value\":null", "\"error\":\(quoted(failure.reason))"]
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let object = [
            "\"diagnostics\":\(diagnostics)", "\"error\":\(report.error.map(quoted) ?? "null")",
            "\"path\":\(report.path.map(quoted) ?? "null")", "\"dry_run\":\(dryRun)",
            "\"values\":[\(values.joined(separator: ",\n"))]",
        ]
        FileHandle.standardOutput.write(Data(("{" + object.joined(separator: ",\n") + "}\n").utf8))
    }

    private func quoted(_ text: String) -> String {
        // One JSON string, as DiagnosticFormat writes them.
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    private func standardError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
