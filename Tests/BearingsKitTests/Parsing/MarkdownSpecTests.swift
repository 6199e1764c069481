import Testing

@testable import BearingsKit
@testable import BearingsParsing

/// cmark-gfm's own spec examples, run through `Markdown.html`: first exactly as upstream runs them, to
/// show the wrapper adds nothing; then with Bearings's defaults, to pin down every way they differ.
struct MarkdownSpecTests {
    /// The extensions upstream's CMakeLists passes for extensions.txt; `footnotes` is left out because it
    /// is a parser option in cmark-gfm, not a syntax extension, and Bearings does not turn it on.
    static let extensionsFileExtensions = [
        "table", "strikethrough", "autolink", "tagfilter", "tasklist",
    ]

    static let specExamples = SpecExample.read(
        "spec.txt", from: (try? Fixtures.text("markdown/cmark-gfm/spec.txt")) ?? "")
    static let extensionExamples = SpecExample.read(
        "extensions.txt", from: (try? Fixtures.text("markdown/cmark-gfm/extensions.txt")) ?? "")
    static let allExamples = specExamples + extensionExamples

    /// What upstream's runner does: unsafe mode, `align=` attributes, the extensions the example's fence
    /// names (spec.txt) or the whole list (extensions.txt).
    static func upstreamOptions(_ example: SpecExample) -> MarkdownOptions {
        let named = example.extensions.filter { $0 != "disabled" }
        let extensions = example.file == "extensions.txt" ? named + extensionsFileExtensions : named
        return MarkdownOptions(unsafeHTML: true, extensions: extensions, tableStyleAttributes: false)
    }

    /// Examples that do not match even as upstream runs them, and why.
    static let upstreamMismatches: [String: String] = [
        "extensions.txt 23":
            "footnotes are off: Bearings never sets CMARK_OPT_FOOTNOTES, so `[^1]` stays text and no footnote section is written"
    ]

    /// Examples whose expected HTML is `<IGNORE>`: upstream checks only that cmark-gfm does not crash on them.
    static let crashOnlyExamples = ["extensions.txt 20"]

    @Test func readsEveryExampleOfBothFiles() {
        #expect(Self.specExamples.count == 673)
        #expect(Self.extensionExamples.count == 28)
        // Upstream skips these: the GFM spec shows task list HTML that cmark-gfm writes differently.
        #expect(Self.allExamples.filter(\.isDisabled).map(\.name) == ["spec.txt 279", "spec.txt 280"])
    }

    @Test(arguments: allExamples.filter { !$0.isDisabled })
    func rendersLikeCmarkGFMWithUpstreamOptions(_ example: SpecExample) {
        let html = Markdown.html(example.markdown, options: Self.upstreamOptions(example))
        if example.html == "<IGNORE>\n" {
            #expect(Self.crashOnlyExamples.contains(example.name))
        } else if let reason = Self.upstreamMismatches[example.name] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(html == example.html) }
        } else {
            #expect(html == example.html)
        }
    }

    /// One way Bearings's defaults (safe mode, all five extensions, style attributes) change an example.
    enum Cause: String, Sendable, Comparable {
        case safeMode = "safe mode"
        case styleAttributes = "style attributes"
        case autolink, tagfilter, table, strikethrough, tasklist
        case upstreamMismatch = "already differs with upstream options"

        static func < (lhs: Cause, rhs: Cause) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The causes of a difference: each option that, changed alone from upstream's configuration towards
    /// Bearings's, changes the output.
    static func causes(_ example: SpecExample) -> [Cause] {
        let upstream = upstreamOptions(example)
        let upstreamHTML = Markdown.html(example.markdown, options: upstream)
        func changes(_ change: (inout MarkdownOptions) -> Void) -> Bool {
            var options = upstream
            change(&options)
            return Markdown.html(example.markdown, options: options) != upstreamHTML
        }
        var causes: [Cause] = []
        if changes({ $0.unsafeHTML = false }) { causes.append(.safeMode) }
        if changes({ $0.tableStyleAttributes = true }) { causes.append(.styleAttributes) }
        for name in MarkdownOptions.gfmExtensions where !upstream.extensions.contains(name) {
            if changes({ $0.extensions.append(name) }), let cause = Cause(rawValue: name) {
                causes.append(cause)
            }
        }
        if upstreamHTML != example.html { causes.append(.upstreamMismatch) }
        return causes.sorted()
    }

    /// Every example whose HTML with Bearings's defaults is not upstream's, grouped by cause. The lists
    /// were produced by running the comparison once; the test below checks that each group's outputs
    /// show their reason, and the examples were read to confirm it.
    static let defaultDifferences: [(causes: [Cause], reason: String, examples: [String])] = [
        (
            [.safeMode],
            "safe mode omits raw HTML: HTML blocks and inline tags become <!-- raw HTML omitted -->",
            [
                118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135,
                136, 137,
                138, 139, 143, 144, 146, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160,
                170, 288,
                289, 317, 327, 354, 484, 485, 486, 500, 503, 532, 544, 632, 633, 634, 635, 636, 642, 644,
                647, 648,
                649, 650, 651, 653, 663, 664,
            ].map { "spec.txt \($0)" } + ["extensions.txt 12", "extensions.txt 22"]
        ),
        (
            [.safeMode, .tagfilter],
            "safe mode omits the <script> and <style> blocks, which the tag filter would otherwise have escaped",
            [140, 141, 142, 145, 147].map { "spec.txt \($0)" }
        ),
        (
            [.styleAttributes],
            "table alignment is written as style=\"text-align: …\" instead of the obsolete align=",
            ["spec.txt 199", "extensions.txt 6"]
        ),
        (
            [.autolink],
            "the autolink extension links bare URLs and addresses the core spec leaves as text",
            [610, 614, 616, 619, 620].map { "spec.txt \($0)" }
        ),
        (
            [.upstreamMismatch],
            "footnotes are off (see upstreamMismatches)",
            ["extensions.txt 23"]
        ),
    ]

    @Test func differsFromUpstreamWithBearingsDefaultsOnlyInTheListedExamplesForTheListedReasons() {
        var groups: [[Cause]: [String]] = [:]
        for example in Self.allExamples where !example.isDisabled && example.html != "<IGNORE>\n" {
            let html = Markdown.html(example.markdown)
            guard html != example.html else { continue }
            let causes = Self.causes(example)
            groups[causes, default: []].append(example.name)
            // Each cause must show in the output, not just in the toggling.
            if causes.contains(.safeMode) {
                #expect(html.contains("<!-- raw HTML omitted -->"), "\(example.name)")
            }
            if causes.contains(.styleAttributes) {
                #expect(
                    html.contains("style=\"text-align: ") && !html.contains(" align=\""), "\(example.name)")
            }
            if causes.contains(.autolink) {
                let links = { (text: String) in text.components(separatedBy: "<a href=").count }
                #expect(links(html) > links(example.html), "\(example.name)")
            }
        }
        let expected = Dictionary(
            uniqueKeysWithValues: Self.defaultDifferences.map { ($0.causes, $0.examples) })
        #expect(groups == expected)
        #expect(groups.values.map(\.count).reduce(0, +) == 81)
    }

    static let unsafeLinks: [Example<String, String>] = [
        Example("a javascript: link", "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"),
        Example("a vbscript: link", "[x](VBSCRIPT:msgbox)", "<p><a href=\"\">x</a></p>\n"),
        Example("a file: link", "[x](file:///etc/passwd)", "<p><a href=\"\">x</a></p>\n"),
        Example(
            "a data: link that is not an image", "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "<p><a href=\"\">x</a></p>\n"),
        Example(
            "a data: image", "![x](data:image/png;base64,iVBORw0K)",
            "<p><img src=\"data:image/png;base64,iVBORw0K\" alt=\"x\" /></p>\n"),
        Example(
            "an https link", "[x](https://pytorch.org)", "<p><a href=\"https://pytorch.org\">x</a></p>\n"),
    ]

    // No spec example has an unsafe URL, so the other half of safe mode is shown here.
    @Test(arguments: unsafeLinks)
    func removesUnsafeLinkTargetsWithBearingsDefaults(_ example: Example<String, String>) {
        #expect(Markdown.html(example.input) == example.expected)
    }
}
