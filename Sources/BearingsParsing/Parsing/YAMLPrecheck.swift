// libyaml as Yams builds it (its C target, reached through the Yams product): the same parser
// Yams composes with, so both read the text alike, and no second copy of libyaml is linked.
import BearingsModel
import CYaml

/// What front matter is refused before Yams composes it, because composing or reading it takes
/// time out of all proportion to its size:
///
/// - **A key that is a list or mapping** (`? - a`, `[a, b]: c`, `{a: b}: c`), at any depth. Yams
///   compares duplicate keys by their whole structure, and its comparison of nested keys branches
///   at every level: 2.8 KB of nested `? - ? -` keys took 8.6 s, and each level more multiplies
///   that. Bearings reads no such key anywhere (its keys are words), so none is lost.
/// - **Aliases that repeat more than `aliasLimit` values.** A few hundred bytes of nested anchors
///   (`b: &b [*a, *a, …]`, `c: &c [*b, *b, …]`, …) stand for billions of values, and comparing
///   or walking them takes minutes. An alias to one scalar repeats one value; to a list or
///   mapping, every value in it (the list or mapping itself counts one), counted through the
///   aliases it holds. Front matter without aliases has no limit: its own text bounds the work.
///
/// Only front matter that could hold either is read here (a cheap scan of its bytes decides), so
/// ordinary front matter is parsed once.
enum YAMLPrecheck {
    /// The values aliases may repeat: far more than any front matter reuses, far fewer than slow.
    static let aliasLimit = 10_000

    /// A refused construct: 0-based line and column in the YAML text as libyaml counts them
    /// (characters, not bytes), and what to say.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    /// The first refused construct in `yaml`, or nil; nil as well when libyaml cannot read the text
    /// (Yams then reports why).
    static func problem(in yaml: String) -> Problem? {
        guard mayHoldEither(yaml.utf8) else { return nil }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser)
        }
    }

    /// Whether the text has both `&` and `*` (an anchor and an alias may be there), or a `?`
    /// followed by a space, tab, line break or the end (an explicit key), or a `]` or `}` followed
    /// by spaces and `:` (a list or mapping written as a key on its line).
    static func mayHoldEither<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var hasAnchor = false
        var hasAlias = false
        var afterClosing = false
        var afterQuestion = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): hasAnchor = true
            case UInt8(ascii: "*"): hasAlias = true
            default: break
            }
            if hasAnchor, hasAlias { return true }
            if afterQuestion, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return true }
            if afterClosing, byte == UInt8(ascii: ":") { return true }
            afterQuestion = byte == UInt8(ascii: "?")
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                afterClosing = true
            } else if byte != 0x20, byte != 0x09 {
                afterClosing = false
            }
        }
        return afterQuestion
    }

    /// One open list or mapping: the anchor it was given, the values counted in it so far, and, for
    /// a mapping, whether its next node is a key.
    private struct Open {
        var anchor: String?
        var size = 1
        var isMapping: Bool
        var expectsKey: Bool
    }

    /// Reads the events: each open list or mapping counts its values, an anchor remembers the count
    /// of what it names, an alias adds that count to its place and to the aliases' total, and a
    /// node that starts where a mapping's key goes must be a scalar (or an alias to one).
    private static func walk(_ parser: inout yaml_parser_t) -> Problem? {
        var sizes: [String: Int] = [:]
        var open: [Open] = []
        var repeated = 0
        func count(_ size: Int) {
            if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, aliasLimit * 4) }
        }
        /// Whether the node starting now is a mapping's key; moves that mapping on to its value.
        func startsKey() -> Bool {
            guard let top = open.last, top.isMapping else { return false }
            open[open.count - 1].expectsKey.toggle()
            return top.expectsKey
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line), column = Int(event.start_mark.column)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                _ = startsKey()
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                count(1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if startsKey() { return complexKey(line, column, isMapping ? "a mapping" : "a list") }
                let anchor = name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                open.append(Open(anchor: anchor, isMapping: isMapping, expectsKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { break }
                if let anchor = closed.anchor { sizes[anchor] = closed.size }
                count(closed.size)
            case YAML_ALIAS_EVENT:
                let alias = name(event.data.alias.anchor) ?? ""
                let size = sizes[alias] ?? 1
                if startsKey(), size > 1 { return complexKey(line, column, "an alias to a list or mapping") }
                repeated += size
                if repeated > aliasLimit {
                    return Problem(
                        line: line, column: column,
                        message: "front matter aliases repeat more than "
                            + "\(ValueFormat.grouped(String(aliasLimit))) values: '*\(alias)' goes past that",
                        hint: "a YAML alias repeats everything its anchor names; write the values out, or use fewer"
                            + " aliases")
                }
                count(size)
            default:
                break
            }
        }
    }

    private static func complexKey(_ line: Int, _ column: Int, _ what: String) -> Problem {
        Problem(
            line: line, column: column, message: "a front matter key must be a plain word, not \(what)",
            hint: "write the key as one word (quote it if it holds spaces or signs)")
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafePointer(pointer))
    }
}
