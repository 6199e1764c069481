// libyaml as Yams builds it (its C target, reached through the Yams product): the same parser
// Yams composes with, so both read the text alike, and no second copy of libyaml is linked.
import CYaml

/// How many values YAML aliases (`*name`) may add to one front matter, counted before Yams composes
/// it: a few hundred bytes of nested anchors (`b: &b [*a, *a, …]`, `c: &c [*b, *b, …]`, …) stand for
/// billions of values, and comparing or walking them (Yams' check for duplicate keys, a reader of the
/// field) takes minutes. An alias to one scalar adds one value; to a list or mapping, every value in
/// it, counted through the aliases it holds. Front matter without aliases has no limit: its own
/// text bounds the work.
enum YAMLAliasBudget {
    /// The values aliases may add: far more than any front matter reuses, far fewer than slow.
    static let limit = 10_000

    /// Where the aliases pass `limit` (0-based line and column in `yaml`, as libyaml counts them,
    /// characters not bytes) and the alias's name; nil when they stay within it, and nil when libyaml
    /// cannot read the text (Yams then reports why).
    static func excess(in yaml: String) -> (line: Int, column: Int, name: String)? {
        // Neither an anchor nor an alias without these two characters: the common case costs a scan.
        var hasAnchor = false
        var hasAlias = false
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "&") { hasAnchor = true } else if byte == UInt8(ascii: "*") { hasAlias = true }
            if hasAnchor, hasAlias { break }
        }
        guard hasAnchor, hasAlias else { return nil }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser)
        }
    }

    /// Reads the events: each open list or mapping counts its values, an anchor remembers the count
    /// of what it names, and an alias adds that count to its place and to the aliases' total.
    private static func walk(_ parser: inout yaml_parser_t) -> (line: Int, column: Int, name: String)? {
        var sizes: [String: Int] = [:]
        // Open lists and mappings: the anchor each was given and the values counted in it so far.
        var open: [(anchor: String?, size: Int)] = []
        var added = 0
        func count(_ size: Int) {
            if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, limit * 4) }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                count(1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { break }
                if let anchor = closed.anchor { sizes[anchor] = closed.size }
                count(closed.size)
            case YAML_ALIAS_EVENT:
                let alias = name(event.data.alias.anchor) ?? ""
                let size = sizes[alias] ?? 1
                added += size
                if added > limit {
                    return (Int(event.start_mark.line), Int(event.start_mark.column), alias)
                }
                count(size)
            default:
                break
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafePointer(pointer))
    }
}
