import Foundation
import Testing

/// One example of a cmark-gfm spec file: Markdown in, the HTML cmark-gfm produces out.
struct SpecExample: Sendable, CustomTestStringConvertible {
    /// `spec.txt` or `extensions.txt`.
    var file: String
    /// 1-based, counted as cmark-gfm's `spec_tests.py` counts (disabled examples included).
    var number: Int
    /// The heading the example is under.
    var section: String
    /// The line of the example's opening fence.
    var line: Int
    /// The words after `example` on the opening fence, e.g. `["autolink"]`.
    var extensions: [String]
    var markdown: String
    var html: String

    /// Whether upstream skips the example.
    var isDisabled: Bool { extensions.contains("disabled") }

    /// `spec.txt 123` — how differences are listed.
    var name: String { "\(file) \(number)" }

    var testDescription: String { "\(file) example \(number) (\(section), line \(line))" }

    /// Reads a spec file the way cmark-gfm's `test/spec_tests.py` does: examples between a line of 32
    /// backticks + ` example` and a line of 32 backticks, input and output separated by a line `.`,
    /// `→` standing for a tab in both.
    static func read(_ file: String, from text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var state = 0  // 0 prose, 1 Markdown, 2 HTML
        var markdown = ""
        var html = ""
        var section = ""
        var extensions: [String] = []
        var number = 0
        var start = 0
        var lines = text.components(separatedBy: "\n").map { $0 + "\n" }
        if text.hasSuffix("\n") { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let stripped = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if stripped.hasPrefix(fence + " example") {
                state = 1
                start = index + 1
                extensions = stripped.dropFirst(fence.count + " example".count).split(separator: " ").map(
                    String.init)
            } else if stripped == fence {
                state = 0
                number += 1
                examples.append(
                    SpecExample(
                        file: file, number: number, section: section, line: start, extensions: extensions,
                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                        html: html.replacingOccurrences(of: "→", with: "\t")))
                markdown = ""
                html = ""
            } else if stripped == "." {
                state = 2
            } else if state == 1 {
                markdown += line
            } else if state == 2 {
                html += line
            } else if line.hasPrefix("#") {
                let hashes = line.prefix(while: { $0 == "#" })
                if line.dropFirst(hashes.count).hasPrefix(" ") {
                    section = line.dropFirst(hashes.count).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
        }
        return examples
    }
}
