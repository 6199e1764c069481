import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsParsing

/// A document keeps, once compacted, all that is read of it after its file: the HTML, the summary,
/// and every link and image with its place.
@Suite struct MarkdownCompactTests {
    static let text = """
        # Title

        First paragraph with a [link](0002-next.md) and *emphasis*.

        > Quoted [deep link](https://example.org/a "title") in a quote, and
        > ![an image](diagram.png)

        - item with [![badge](badge.svg)](docs/guide.md)
        - plain item

        | a | b |
        |---|---|
        | [cell](0003-x.md#part) | 2 |
        """

    static func links(_ node: MarkdownNode) -> [String] {
        var found: [String] = []
        switch node.kind {
        case .link(let url, _): found.append("link \(url) \(node.line):\(node.column)")
        case .image(let url, _): found.append("image \(url) \(node.line):\(node.column)")
        default: break
        }
        return found + node.children.flatMap(links)
    }

    @Test func rendersOnlyTheBlocksAskedFor() {
        let whole = Markdown.parse(Self.text)
        var asked: [MarkdownNode.Kind] = []
        let partial = Markdown.parse(Self.text) { node in
            asked.append(node.kind)
            return node.kind != .table
        }
        #expect(asked == whole.blocks.map(\.node.kind))
        #expect(partial.blocks.map(\.node) == whole.blocks.map(\.node))
        #expect(partial.blocks.map { $0.html.isEmpty } == [false, false, false, false, true])
        #expect(partial.blocks.dropLast().map(\.html) == whole.blocks.dropLast().map(\.html))
    }

    @Test func keepsHTMLSummaryAndEveryLinkWithItsPlace() {
        let document = Markdown.parse(Self.text)
        var compact = document
        compact.compact()
        #expect(compact.html == document.html)
        #expect(compact.summary == "First paragraph with a link and emphasis.")
        #expect(compact.summary == document.summary)
        #expect(compact.blocks.map(\.node.kind) == document.blocks.map(\.node.kind))
        #expect(compact.blocks.map(\.node.line) == document.blocks.map(\.node.line))
        #expect(
            Set(compact.blocks.flatMap { Self.links($0.node) }) == Set(document.blocks.flatMap { Self.links($0.node) }))
        #expect(Set(compact.blocks.flatMap { Self.links($0.node) }).count == 6)
        // The summary's paragraph keeps its text as one node; otherwise blocks hold nothing but links.
        #expect(compact.blocks[1].node.children.map(\.kind) == [.text, .link(url: "0002-next.md", title: "")])
        #expect(compact.blocks[1].node.plainText == document.blocks[1].node.plainText)
        let others = compact.blocks.filter { $0.node.kind != .paragraph }
        #expect(others.allSatisfy { $0.node.children.allSatisfy { $0.children.isEmpty && $0.literal.isEmpty } })
    }
}
