// libFuzzer entry: the libcmark-gfm wrapper, `Markdown.parse`, on any text.
import BearingsKit
import Foundation
import FuzzDriver

/// The first byte's low bit chooses cmark's unsafe (raw HTML) mode; the rest is the Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let mode = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let document = Markdown.parse(text, options: MarkdownOptions(unsafeHTML: mode & 1 == 1))
    // Walk every node the way renderers do, so every converted value is read.
    var stack = document.blocks.map(\.node)
    while let node = stack.popLast() {
        precondition(node.line >= 0 && node.column >= 1, "node at \(node.line):\(node.column)")
        _ = node.plainText
        stack += node.children
    }
    _ = document.summary
    _ = document.html
    return 0
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMarkdown(data, size) })
