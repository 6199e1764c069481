// libFuzzer entry: a snapshot file (`SnapshotParser.parse`): front matter, the measurement table,
// the raw-line cell positions and every cell through the value grammar.
@testable import BearingsKit
@testable import BearingsParsing
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source =
        (try? SourceText.decode(bytes, path: "data/snapshots/s.md").get())
        ?? SourceText(path: "data/snapshots/s.md", text: String(decoding: bytes, as: UTF8.self))
    let (snapshot, _) = SnapshotParser.parse(source, id: "s")
    if let snapshot {
        precondition(snapshot.observations.allSatisfy { $0.value.isFinite }, "a value that is not finite")
    }
    // Cell positions on every line, not only on those of a table. (The value grammar on any text is
    // FuzzValue's: running it here on every piece between bars took a third of each execution.)
    for line in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
        _ = SnapshotParser.cellColumns(line)
    }
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSnapshot(data, size) })
