// libFuzzer entry: YAML front matter (`FrontMatter` and its typed reads), through the parsers
// that are front matter and little else: project.md, metrics/<id>.md.
@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = sourceText(bytes, path: "data/project.md")
    var diagnostics: [Diagnostic] = []
    let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
    var reader = FieldReader(frontMatter)
    for key in frontMatter.fields.keys.sorted() {
        _ = frontMatter.valueLocation(key)
        _ = reader.string(key)
        _ = reader.day(key)
        _ = reader.bool(key)
        _ = reader.list(key)
        _ = reader.choice(key, Decision.Kind.self)
    }
    // The YAML is read once for all three: most of an execution's time was Yams.
    _ = ProjectParser.parse(source, frontMatter: frontMatter, diagnostics: diagnostics)
    _ = MetricParser.parse(
        source, id: "m", options: MarkdownOptions(), frontMatter: frontMatter, diagnostics: diagnostics)
    return 0
}

/// The file as the loader would decode it; text that is not UTF-8 is still fed, repaired.
func sourceText(_ bytes: [UInt8], path: String) -> SourceText {
    (try? SourceText.decode(bytes, path: path).get())
        ?? SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
}

// libFuzzer takes over from here: flags, corpus folders, -runs, -max_total_time.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzFrontMatter(data, size) })
