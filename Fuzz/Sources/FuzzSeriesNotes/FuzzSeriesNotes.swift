// libFuzzer entry: a series CSV file with its `note` column (`SeriesParser.parseFile`): values,
// notes, projects, and rows of other metrics when the metrics are known.
import BearingsKit
import Foundation
import FuzzDriver

/// The first byte's low bit chooses whether the metrics are known (`downloads` and `papers`), so
/// rows of other metrics are reported and dropped; the rest is the CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeriesNotes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    guard let mode = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    let path = "data/series/s.csv"
    let source =
        (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    let known: Set<String>? = mode & 1 == 1 ? ["downloads", "papers"] : nil
    let (file, diagnostics) = SeriesParser.parseFile(source, knownMetrics: known)
    let lines = lastLine(source.text)
    require(file.observations.allSatisfy { $0.value.isFinite && $0.location.line >= 1 }, "bad observation")
    for (metric, note) in file.notes {
        require(!metric.isEmpty && (known?.contains(metric) ?? true), "a note of metric '\(metric)'")
        require(!note.text.isEmpty && note.project != nil && !note.isBreak, "note \(note)")
        require((1...lines).contains(note.location.line) && note.location.column >= 1, "\(note.location)")
    }
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
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSeriesNotes(data, size) })
