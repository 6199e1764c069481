// The values a parsed Markdown document is made of; `Markdown` (Parsing/Markdown.swift) makes them
// with libcmark-gfm.

/// One node of a parsed Markdown document, with its position in the source file.
public struct MarkdownNode: Sendable, Equatable {
    /// The node types Bearings distinguishes; the rest are `.other` with cmark's type name.
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, list(ordered: Bool), item(checked: Bool?), codeBlock(info: String), htmlBlock
        case paragraph, heading(level: Int), thematicBreak, table, tableRow(header: Bool), tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
        case link(url: String, title: String), image(url: String, title: String)
        case other(String)
    }

    /// What the node is.
    public var kind: Kind
    /// Text of leaf nodes (text, code, code blocks, HTML).
    public var literal: String
    /// 1-based line of the node's first character in the file.
    public var line: Int
    /// 1-based column (Unicode scalars) of the node's first character.
    public var column: Int
    /// 1-based line of the node's last character.
    public var endLine: Int
    /// The node's children in order.
    public var children: [MarkdownNode]

    /// Creates a node; `Markdown` (in BearingsParsing) makes them from cmark's tree.
    package init(kind: Kind, literal: String, line: Int, column: Int, endLine: Int, children: [MarkdownNode]) {
        self.kind = kind
        self.literal = literal
        self.line = line
        self.column = column
        self.endLine = endLine
        self.children = children
    }

    /// How many soft and hard line breaks the node holds, at any depth.
    package var lineBreaks: Int {
        children.reduce(0) { count, child in
            count + (child.kind == .softBreak || child.kind == .lineBreak ? 1 : child.lineBreaks)
        }
    }

    /// The text of the node with markup removed, line breaks as spaces.
    public var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.count == 1 ? children[0].plainText : children.map(\.plainText).joined()
        }
    }
}

/// A top-level block with its HTML, so a page can show part of a document.
public struct MarkdownBlock: Sendable, Equatable {
    /// The block's tree.
    public var node: MarkdownNode
    /// The block rendered by cmark-gfm.
    public var html: String

    /// Creates a block from its tree and its HTML.
    package init(node: MarkdownNode, html: String) {
        self.node = node
        self.html = html
    }
}

/// A parsed Markdown document: its top-level blocks.
public struct MarkdownDocument: Sendable, Equatable {
    /// The top-level blocks in order.
    public var blocks: [MarkdownBlock]

    /// Creates a document from blocks.
    public init(blocks: [MarkdownBlock] = []) { self.blocks = blocks }

    /// The whole document as HTML, produced by cmark-gfm.
    public var html: String { blocks.map(\.html).joined() }

    /// Whether the document has no blocks.
    public var isEmpty: Bool { blocks.isEmpty }

    /// The first paragraph's plain text, for summaries.
    public var summary: String? {
        blocks.first(where: { $0.node.kind == .paragraph })?.node.plainText
    }

    /// Keeps what pages need of the document once its file has been read: every block's HTML; of the
    /// trees, of every block only its kind, place and the links and images in it, as its children
    /// (without theirs), and the first paragraph's text (the summary) as one text node before them. On a site of 10,000 files the
    /// trees held beside the HTML were about a fifth of the memory a build takes.
    public mutating func compact() { self = compacted() }

    /// The document compacted (see `compact`).
    public func compacted() -> MarkdownDocument {
        let summaryIndex = blocks.firstIndex { $0.node.kind == .paragraph }
        return MarkdownDocument(
            blocks: blocks.enumerated().map { index, block in
                var node = block.node
                node.literal = ""
                node.children = []
                if index == summaryIndex {
                    // The summary's text as one text node; the links after it add no text.
                    var text = block.node
                    text.kind = .text
                    text.literal = block.node.plainText
                    text.children = []
                    node.children.append(text)
                }
                func collect(_ child: MarkdownNode) {
                    switch child.kind {
                    case .link, .image:
                        var kept = child
                        kept.children = []
                        kept.literal = ""
                        node.children.append(kept)
                    default: break
                    }
                    child.children.forEach(collect)
                }
                block.node.children.forEach(collect)
                return MarkdownBlock(node: node, html: block.html)
            })
    }
}
