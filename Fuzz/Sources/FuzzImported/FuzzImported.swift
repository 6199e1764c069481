// libFuzzer entry: a record of a folder read with --decisions (`DecisionParser.parse`, origin
// .imported): front matter after HTML comments, TOML between `+++`, broken YAML read line by line,
// and the body's metadata (MADR 2 bullets, adr-tools lines and sections, metadata tables); then
// the importer's reading of each link and image (`DataLoader.localPath` and `resolve`).
@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsParsing
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImported(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = "docs/adr/0001-x.md"
    let source =
        (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    let (decision, diagnostics) = DecisionParser.parse(source, id: "0001-x", origin: .imported)
    // An imported record never stops the build: everything odd in it is a warning.
    require(diagnostics.allSatisfy { $0.severity == .warning }, "an error from an imported record")
    require(diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "\(diagnostics)")
    guard let decision else { return 0 }
    _ = decision.body.html
    var stack = decision.body.blocks.map(\.node)
    while let node = stack.popLast() {
        switch node.kind {
        case .image(let url, _), .link(let url, _):
            if let parts = DataLoader.localPath(url) {
                require(!parts.isEmpty && !parts.contains(""), "'\(url)' → \(parts)")
                if let inside = DataLoader.resolve(parts, in: "adr/sub") {
                    require(!inside.contains("..") && !inside.contains("."), "'\(url)' → \(inside)")
                }
            }
        default: break
        }
        stack += node.children
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

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzImported(data, size) })
