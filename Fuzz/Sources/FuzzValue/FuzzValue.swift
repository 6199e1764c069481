// libFuzzer entry: the value grammar (`ValueParser.parse`) on one cell's text.
import BearingsKit
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValue(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .value(let number, _) = ValueParser.parse(text) {
        precondition(number.isFinite, "'\(text)' parsed as \(number)")
    }
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzValue(data, size) })
