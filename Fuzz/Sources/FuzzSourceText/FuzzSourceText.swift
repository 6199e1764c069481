// libFuzzer entry: `SourceText.decode` on raw bytes, checked against the standard library's UTF-8
// validation: a file is accepted exactly when its bytes (after a BOM) are well-formed UTF-8.
import BearingsKit
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSourceText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let isValid = String(validating: body, as: UTF8.self) != nil
    switch SourceText.decode(bytes, path: "f.md") {
    case .success(let source):
        precondition(isValid, "accepted bytes that are not UTF-8")
        precondition(source.text.utf8.count <= body.count, "the text grew")
    case .failure(let diagnostic):
        precondition(!isValid, "rejected well-formed UTF-8: \(diagnostic)")
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic.location)")
    }
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSourceText(data, size) })
