// libFuzzer entry: a decision's `expect:` list (`ExpectationParser`), from the YAML or one condition.
@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing
import Foundation
import FuzzDriver

/// The first byte chooses: bit 0 clear, the rest is a decision's front matter (the text between the
/// `---` lines, which are put around it) read by `FrontMatter` and `ExpectationParser.parse`; bit 0
/// set, the rest is one condition's text and bits 1–3 pick its key (share, value, rank, passes,
/// change), straight into `ExpectationParser.condition`, the operator-and-value grammar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpectation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let mode = bytes.first else { return 0 }
    if mode & 1 == 1 {
        let keys = ExpectationParser.conditionKeys
        let key = keys[Int(mode >> 1) % keys.count]
        if case .success(let condition) = ExpectationParser.condition(
            key, String(decoding: bytes.dropFirst(), as: UTF8.self))
        {
            check(condition)
        }
        return 0
    }
    let source = frontMatterSource(Array(bytes.dropFirst()), path: "data/decisions/0001-x.md")
    var diagnostics: [Diagnostic] = []
    let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
    let lines = lastLine(source.text)
    for expectation in ExpectationParser.parse(frontMatter, diagnostics: &diagnostics) {
        require(!expectation.metric.isEmpty, "an expectation without a metric")
        for location in [expectation.location, expectation.metricLocation, expectation.conditionLocation] {
            require((2...lines).contains(location.line) && location.column >= 1, "expectation at \(location)")
        }
        check(expectation.condition)
    }
    for diagnostic in diagnostics {
        require(diagnostic.location.line >= 1 && diagnostic.location.line <= lines, "\(diagnostic)")
    }
    return 0
}

/// What `condition` promises: finite numbers, a share between 0 and 1, a rank from 1, a slug to pass.
func check(_ condition: Expectation.Condition) {
    switch condition {
    case .share(_, let share): require((0...1).contains(share), "share \(share)")
    case .value(_, let value), .change(_, let value): require(value.isFinite, "value \(value)")
    case .rank(_, let rank): require(rank >= 1, "rank \(rank)")
    case .passes(let project): require(Slug.isSlug(project), "passes '\(project)'")
    }
}

/// `yaml` between `---` lines, as the loader would decode the file; text that is not UTF-8 is still
/// fed, repaired.
func frontMatterSource(_ yaml: [UInt8], path: String) -> SourceText {
    let bytes = Array("---\n".utf8) + yaml + Array("\n---\n".utf8)
    return (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
}

/// `precondition` with its message: an -O build drops the message, and a report without it says
/// nothing about which check failed.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("check failed: \(message())\n".utf8))
        abort()
    }
}

/// The last line a location may name. libyaml and cmark also end a line at a lone CR, NEL (U+0085),
/// LS (U+2028) and PS (U+2029), which Bearings does not count, so a location after one of those is
/// off (see docs/reliability.md): for such text only `line >= 1` is checked.
func lastLine(_ text: String) -> Int {
    let breaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]
    let count = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    return text.unicodeScalars.contains(where: breaks.contains) ? Int.max : count
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzExpectation(data, size) })
