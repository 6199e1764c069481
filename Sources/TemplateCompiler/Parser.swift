// The Mustache parser of swift-mustache (Template+Parser.swift, 2.x), ported line by line for the
// subset the built-in templates use, so that a compiled template keeps the same text, the same
// standalone lines (a line holding only a section, partial, comment or block tag is dropped) and
// the same whitespace as swift-mustache renders from the same file. What the subset leaves out is
// an error at the tag's line and column instead of being parsed.

/// A part of a parsed template.
public indirect enum Node: Equatable, Sendable {
    /// Text, as it is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(String, escaped: Bool, at: Position)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(String, inverted: Bool, [Node], at: Position)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it replaces.
    case partial(String, inherits: [String: [Node]]?, at: Position)
    /// `{{$name}}default{{/name}}` outside a `{{<parent}}`.
    case block(String, [Node], at: Position)
    /// `{{$name}}…{{/name}}` directly inside a `{{<parent}}`: what replaces the parent's block.
    case blockDefinition(String, [Node])
}

/// Where a tag starts in its file, from 1.
public struct Position: Equatable, Sendable {
    /// The line.
    public var line: Int
    /// The column, in characters.
    public var column: Int
}

/// A template the compiler cannot take: `path:line:column: error: message`.
public struct CompileError: Error, Equatable, CustomStringConvertible {
    /// The template file.
    public var path: String
    /// Where.
    public var position: Position
    /// What is wrong, with what to do instead.
    public var message: String

    /// `path:line:column: error: message`, as a compiler prints it.
    public var description: String { "\(path):\(position.line):\(position.column): error: \(message)" }
}

struct MustacheParser {
    struct Failure: Error {
        var index: Int
        var message: String
    }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: [Character]?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    let characters: [Character]
    var index = 0

    init(_ text: String) { characters = Array(text) }

    /// The template's nodes, or the first thing in it the subset does not take.
    static func parse(_ text: String, path: String) throws(CompileError) -> [Node] {
        var parser = MustacheParser(text)
        do {
            return try parser.parse(State())
        } catch {
            throw CompileError(path: path, position: parser.position(of: error.index), message: error.message)
        }
    }

    func position(of index: Int) -> Position {
        var line = 1
        var column = 1
        for character in characters[..<min(index, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Position(line: line, column: column)
    }

    var reachedEnd: Bool { index >= characters.count }
    var current: Character { reachedEnd ? "\0" : characters[index] }

    @discardableResult
    mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let start = index
        while !reachedEnd, accept(characters[index]) { index += 1 }
        return Array(characters[start..<index])
    }

    /// Reads `string` if it comes next; fails past the end as swift-mustache's `read(string:)` does.
    mutating func read(_ string: String, tag: Int) throws(Failure) -> Bool {
        let expected = Array(string)
        guard index + expected.count <= characters.count else {
            throw Failure(index: tag, message: "the template ends inside a tag; close it with '}}'")
        }
        guard Array(characters[index..<index + expected.count]) == expected else { return false }
        index += expected.count
        return true
    }

    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func parse(_ initial: State) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline()
            if current == "\n" || current == "\r\n" {
                nodes.append(.text(String(whiteSpaceBefore + text + [current])))
                state.newLine = true
                index += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            let tag = index - 2
            let at = position(of: tag)
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                index += 1
                let name = try parseName(tag: tag)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(name, inverted: inverted, body, at: at))
            case "/":
                index += 1
                let name = try parseName(tag: tag)
                guard name == state.sectionName else {
                    let open = state.sectionName.map { "'{{/\($0)}}' closes the open section" } ?? "no section is open"
                    throw Failure(index: tag, message: "'{{/\(name)}}' closes no open section: \(open)")
                }
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return nodes
            case "!":
                index += 1
                try skipComment(tag: tag)
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                index += 1
                let name = try parseName(tag: tag)
                if triple {
                    guard try read("}", tag: tag) else {
                        throw Failure(index: tag, message: "'{{{\(name)}}' is not closed by '}}}'")
                    }
                }
                nodes.append(.variable(name, escaped: false, at: at))
            case ">":
                index += 1
                read(while: \.isWhitespace)
                if current == "*" {
                    throw Failure(
                        index: tag,
                        message: "a dynamic partial ('{{>*name}}') is not in the subset the built-in templates compile;"
                            + " name the partial")
                }
                let name = try parsePartialName(tag: tag)
                let indentation = whiteSpaceBefore
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    if !indentation.isEmpty { throw Self.indented(tag, "partial '{{>\(name)}}'") }
                }
                nodes.append(.partial(name, inherits: nil, at: at))
                whiteSpaceBefore = []
            case "<":
                index += 1
                read(while: \.isWhitespace)
                let name = try parsePartialName(tag: tag)
                if name.first == "*" {
                    throw Failure(
                        index: tag,
                        message: "a dynamic parent ('{{<*name}}') is not in the subset the built-in templates compile;"
                            + " name the parent")
                }
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    throw Self.indented(tag, "parent '{{<\(name)}}'")
                }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.withInheritancePartial(name))
                var inherits: [String: [Node]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): inherits[block] = nodes
                    case .text: break
                    default:
                        throw Failure(
                            index: tag,
                            message: "'{{<\(name)}}' holds a tag outside a '{{$block}}'; only blocks and text"
                                + " may stand directly inside a parent")
                    }
                }
                nodes.append(.partial(name, inherits: inherits, at: at))
                whiteSpaceBefore = []
            case "$":
                index += 1
                let name = try parseName(tag: tag)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    let indentation = whiteSpaceBefore
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    if !indentation.isEmpty { throw Self.indented(tag, "block '{{$\(name)}}'") }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, body, at: at))
                    whiteSpaceBefore = []
                }
            case "=":
                throw Failure(
                    index: tag,
                    message: "changing the delimiters ('{{=<% %>=}}') is not in the subset the built-in templates"
                        + " compile; keep '{{' and '}}'")
            case "%":
                throw Failure(
                    index: tag,
                    message: "a pragma ('{{% … }}') is not in the subset the built-in templates compile; the pages"
                        + " are HTML")
            default:
                flushWhiteSpace()
                let name = try parseName(tag: tag)
                nodes.append(.variable(name, escaped: true, at: at))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw Failure(index: characters.count, message: "'\(open)' is not closed: add '{{/\(open)}}'")
        }
        return nodes
    }

    static func indented(_ tag: Int, _ what: String) -> Failure {
        Failure(
            index: tag,
            message: "an indented standalone \(what) is not in the subset the built-in templates compile; start it"
                + " at the beginning of the line")
    }

    mutating func readUntilDelimiterOrNewline() throws(Failure) -> [Character] {
        var text: [Character] = []
        while !reachedEnd {
            let character = characters[index]
            // swift-mustache stops at "\n" and "\r\n" only; another line separator is text.
            if character == "\n" || character == "\r\n" { break }
            if character == "{" {
                if try read("{{", tag: index) { break }
                text.append("{")
                index += 1
                continue
            }
            text.append(character)
            index += 1
        }
        return text
    }

    /// A name, checked against what the subset takes: no lambdas' transforms (`{{f(name)}}`).
    mutating func parseName(tag: Int) throws(Failure) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try read("}}", tag: tag) else {
            throw Failure(index: tag, message: "a tag holds a character a name cannot have; close it with '}}'")
        }
        if name.contains("(") || name.contains(")") {
            throw Failure(
                index: tag,
                message: "'\(name)' applies a transform, which is not in the subset the built-in templates compile;"
                    + " give the page the value already transformed")
        }
        if name.isEmpty {
            throw Failure(index: tag, message: "a tag has no name")
        }
        if name != ".", name.split(separator: ".", omittingEmptySubsequences: false).dropFirst().contains("") {
            throw Failure(index: tag, message: "'\(name)' has an empty part between its dots")
        }
        return name
    }

    mutating func parsePartialName(tag: Int) throws(Failure) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try read("}}", tag: tag) else {
            throw Failure(index: tag, message: "a partial's name holds a character it cannot have; close it with '}}'")
        }
        return name
    }

    mutating func skipComment(tag: Int) throws(Failure) {
        while !reachedEnd {
            if characters[index] == "}", index + 1 < characters.count, characters[index + 1] == "}" {
                index += 2
                return
            }
            index += 1
        }
        throw Failure(index: tag, message: "the comment is not closed: end it with '}}'")
    }

    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = index
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            index = probe + 1
            return true
        }
        return false
    }
}
