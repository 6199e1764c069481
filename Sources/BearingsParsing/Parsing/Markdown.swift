// The one file that talks to libcmark-gfm. Everything else sees the Swift values it makes
// (Model/MarkdownDocument.swift).
//
// Ownership: `cmark_parser_new` and `cmark_parser_finish` return objects this file owns and frees
// with `defer` right after creating them (the document tree belongs to the caller of
// `cmark_parser_finish`; freeing the root frees every node). Strings returned by node getters
// belong to the node and are copied into Swift strings before the tree is freed. Strings returned
// by `cmark_render_html` are malloc'ed for us and freed with `free`. Syntax extensions are owned by
// cmark's global registry and never freed.
import Ccmark
import Foundation
import BearingsModel

/// Options for parsing and rendering Markdown.
public struct MarkdownOptions: Sendable, Equatable {
    /// Pass raw HTML through (cmark's unsafe mode) instead of omitting it.
    public var unsafeHTML: Bool
    /// GitHub extensions to enable: table, strikethrough, autolink, tasklist, tagfilter.
    public var extensions: [String]
    /// Write table alignment as `style` attributes instead of the obsolete `align`.
    public var tableStyleAttributes: Bool

    /// The extensions Bearings enables.
    public static let gfmExtensions = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Creates options; the defaults are what Bearings uses for data files.
    public init(
        unsafeHTML: Bool = false, extensions: [String] = MarkdownOptions.gfmExtensions,
        tableStyleAttributes: Bool = true
    ) {
        self.unsafeHTML = unsafeHTML
        self.extensions = extensions
        self.tableStyleAttributes = tableStyleAttributes
    }

    var cmarkOptions: Int32 {
        var options = CMARK_OPT_DEFAULT
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        if tableStyleAttributes { options |= CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES }
        return options
    }
}

/// Parses CommonMark with the GitHub extensions through libcmark-gfm.
public enum Markdown {
    /// Registers the core extensions once; Swift runs a global's initializer exactly once, thread-safely.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// libcmark-gfm keeps the inline parser's special characters in one global table: each parser adds
    /// its extensions' characters (`~` for strikethrough) before reading inlines and removes them after,
    /// so a parser finishing while another reads its inlines takes `~~x~~` away from it
    /// (github/cmark-gfm#176). Parsing therefore runs one document at a time; turning the finished
    /// tree into Swift values and rendering it to HTML do not touch that table and run in parallel.
    private static let lock = NSLock()

    /// Parses `text`; positions are the text's lines and columns. `keepsHTML` is asked about every
    /// top-level block in order; a block it declines keeps its tree but no HTML (`html` is empty),
    /// which spares rendering what a page will never show, such as a snapshot's measurement table.
    public static func parse(
        _ text: String, options: MarkdownOptions = MarkdownOptions(), keepsHTML: (MarkdownNode) -> Bool = { _ in true }
    ) -> MarkdownDocument {
        _ = registered
        let cmarkOptions = options.cmarkOptions
        var utf8 = Array(text.utf8)
        lock.lock()
        guard let parser = cmark_parser_new(cmarkOptions) else {
            lock.unlock()
            return MarkdownDocument()
        }
        defer {
            lock.lock()
            cmark_parser_free(parser)
            lock.unlock()
        }
        for name in options.extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        let finished = cmark_parser_finish(parser)
        lock.unlock()
        guard let root = finished else { return MarkdownDocument() }
        defer { cmark_node_free(root) }
        // Owned by the parser; valid until cmark_parser_free.
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let columns = ColumnIndex(utf8)
        var blocks: [MarkdownBlock] = []
        var child = cmark_node_first_child(root)
        while let block = child {
            let node = convert(block, columns)
            let html = keepsHTML(node) ? render(block, cmarkOptions, extensions) : ""
            blocks.append(MarkdownBlock(node: node, html: html))
            child = cmark_node_next(block)
        }
        var nodes = blocks.map(\.node)
        placeParagraphsBeforeTables(&nodes)
        for index in blocks.indices { blocks[index].node = nodes[index] }
        return MarkdownDocument(blocks: blocks)
    }

    /// cmark-gfm turns a paragraph whose last line is a table's header row into the table (which keeps
    /// the paragraph's start) and puts the lines above the header row in a new paragraph without a
    /// position (line 0): those lines start where the table says it starts.
    static func placeParagraphsBeforeTables(_ nodes: inout [MarkdownNode]) {
        for index in nodes.indices.dropLast()
        where nodes[index].line == 0 && nodes[index].kind == .paragraph && nodes[index + 1].kind == .table {
            let table = nodes[index + 1]
            nodes[index].line = table.line
            nodes[index].column = table.column
            nodes[index].endLine = table.line + nodes[index].lineBreaks
        }
    }

    /// Renders a whole document to HTML in one call, as cmark-gfm's own tools do.
    public static func html(_ text: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        parse(text, options: options).html
    }

    private static func render(
        _ node: OpaquePointer, _ options: Int32, _ extensions: UnsafeMutablePointer<cmark_llist>?
    )
        -> String
    {
        guard let pointer = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// How deep the Swift tree goes. cmark-gfm nests without limit (a line of 20,000 `>` is 20,000
    /// block quotes) and converting them recursively overflowed a worker thread's stack. Nothing
    /// Bearings reads lies that deep; the HTML, which cmark-gfm renders from its own tree, keeps it all.
    static let maximumDepth = 256

    private static func convert(_ node: OpaquePointer, _ columns: ColumnIndex, depth: Int = 1) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = depth < maximumDepth ? cmark_node_first_child(node) : nil
        while let current = child {
            children.append(convert(current, columns, depth: depth + 1))
            child = cmark_node_next(current)
        }
        placeParagraphsBeforeTables(&children)
        let type = cmark_node_get_type(node)
        let kind: MarkdownNode.Kind
        var literal = ""
        switch type {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            let isTask = string(cmark_node_get_type_string(node)) == "tasklist"
            kind = .item(checked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)))
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_BLOCK:
            kind = .htmlBlock
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT:
            kind = .text
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE:
            kind = .code
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_INLINE:
            kind = .htmlInline
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case bearings_node_type_table(): kind = .table
        case bearings_node_type_table_row():
            kind = .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case bearings_node_type_table_cell(): kind = .tableCell
        case bearings_node_type_strikethrough(): kind = .strikethrough
        default: kind = .other(string(cmark_node_get_type_string(node)))
        }
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        return MarkdownNode(
            kind: kind, literal: literal, line: line, column: columns.column(line: line, byteColumn: byteColumn),
            endLine: Int(cmark_node_get_end_line(node)), children: children)
    }
}

/// Turns cmark's byte columns into columns counted in Unicode scalars.
struct ColumnIndex {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The 1-based scalar column of the 1-based byte column on a 1-based line.
    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // Continuation bytes (10xxxxxx) belong to the scalar before them.
        var column = 1
        for offset in start..<max(start, end) where bytes[offset] & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }
}
