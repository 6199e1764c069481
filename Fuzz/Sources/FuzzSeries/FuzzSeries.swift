// libFuzzer entry: a series CSV file (`SeriesParser.parse`): RFC 4180 reading, header, field positions.
import BearingsKit
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeries(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = "data/series/s.csv"
    let source =
        (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    let (observations, _) = SeriesParser.parse(source)
    precondition(observations.allSatisfy { $0.value.isFinite && $0.location.line >= 1 }, "bad observation")
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSeries(data, size) })
