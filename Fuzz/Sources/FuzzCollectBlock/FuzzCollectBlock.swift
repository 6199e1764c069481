// libFuzzer entry: a metric's `collect:` block (`CollectBlockParser.parse`), from its front matter.
@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing
import Foundation
import FuzzDriver

/// The input is the text between a metric file's `---` lines, which are put around it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollectBlock(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let yaml = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes = Array("---\n".utf8) + yaml + Array("\n---\n".utf8)
    let path = "data/metrics/m.md"
    let source =
        (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    var diagnostics: [Diagnostic] = []
    let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
    let lines = lastLine(source.text)
    let before = diagnostics.count
    if let spec = CollectBlockParser.parse(frontMatter, diagnostics: &diagnostics) {
        // An unknown key beside a usable source and projects is reported and the block kept (the
        // error stops the build anyway); any other problem means no block.
        let problems = diagnostics[before...].filter { !$0.message.hasPrefix("unknown key '") }
        require(problems.isEmpty, "a block with problems was accepted: \(problems)")
        require(!spec.targets.isEmpty, "a block without projects was accepted")
        for target in spec.targets {
            require(!target.project.isEmpty && !target.argument.isEmpty, "target \(target)")
            require(spec.source.problem(with: target.argument) == nil, "argument \(target.argument)")
            require((2...lines).contains(target.location.line), "\(target.location)")
        }
    } else if frontMatter.fields["collect"] == nil {
        require(diagnostics.count == before, "a problem reported without a block")
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
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCollectBlock(data, size) })
