// libFuzzer entry: one decision record in any dialect (`DecisionParser.parse`).
import BearingsKit
import Foundation
import FuzzDriver

/// The first byte chooses: bit 0, origin .own (data/decisions) or .imported (--decisions DIR);
/// bit 1, whether a Bearings front matter is put before the rest, so both the front-matter dialect
/// and the body-metadata dialects (adr-tools, MADR 2, log4brains) get the mutated text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecision(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let mode = bytes.first else { return 0 }
    var file: [UInt8] = []
    if mode & 2 == 2 {
        file += Array("---\nstatus: accepted\ndate: 2020-01-01\nprinciples: [p]\nwatch: [m]\n---\n".utf8)
    }
    file += bytes.dropFirst()
    let path = "data/decisions/0001-x.md"
    let source =
        (try? SourceText.decode(file, path: path).get())
        ?? SourceText(path: path, text: String(decoding: file, as: UTF8.self))
    let origin: DecisionParser.Origin = mode & 1 == 1 ? .imported : .own
    let (decision, _) = DecisionParser.parse(source, id: "0001-x", origin: origin)
    if let decision { _ = decision.body.html }
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzDecision(data, size) })
