// libFuzzer entry: a metric's `events:` list (`MetricParser.events`), from its front matter.
@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing
import Foundation
import FuzzDriver

/// The input is the text between a metric file's `---` lines, which are put around it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let yaml = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes = Array("---\n".utf8) + yaml + Array("\n---\n".utf8)
    let path = "data/metrics/m.md"
    let source =
        (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    var diagnostics: [Diagnostic] = []
    let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
    let lines = lastLine(source.text)
    let events = MetricParser.events(frontMatter, diagnostics: &diagnostics)
    for event in events {
        require(!event.text.isEmpty && event.project == nil, "event \(event)")
        require((2...lines).contains(event.location.line) && event.location.column >= 1, "\(event.location)")
    }
    require(zip(events, events.dropFirst()).allSatisfy { $0.date <= $1.date }, "events out of date order")
    for diagnostic in diagnostics {
        require(diagnostic.location.line >= 1 && diagnostic.location.line <= lines, "\(diagnostic)")
    }
    return 0
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
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzEvents(data, size) })
