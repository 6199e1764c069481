import Foundation

/// What the status words of real decision records mean, and the links written beside them.
enum StatusText {
    struct Reading {
        /// The status the words map to; nil for words of the record's own process ("Open", "on hold").
        var status: Decision.Status?
        /// The successor as the record names it: a link target, a file name or a number ("ADR-0004").
        var supersededBy: String?
    }

    private static let words: [(String, Decision.Status)] = [
        ("proposed", .proposed), ("pending", .proposed), ("draft", .proposed), ("proposal", .proposed),
        ("in progress", .proposed), ("under review", .proposed), ("under discussion", .proposed),
        ("accepted", .accepted), ("approved", .accepted), ("adopted", .accepted), ("agreed", .accepted),
        ("decided", .accepted), ("implemented", .accepted), ("amended", .accepted),
        ("partly superseded", .accepted), ("partially superseded", .accepted),
        ("rejected", .rejected), ("declined", .rejected), ("withdrawn", .rejected), ("abandoned", .rejected),
        ("deprecated", .deprecated), ("obsolete", .deprecated), ("retired", .deprecated),
        ("superseded", .superseded), ("superceded", .superseded), ("replaced", .superseded),
    ]

    /// Maps status words onto SPEC's statuses; the first superseding link names the successor,
    /// or else the words after "by" ("Superseded by ADR-0004").
    static func interpret(_ text: String, links: [Decision.StatusLink]) -> Reading {
        let lower = text.lowercased().trimmingWhitespace
        let words = lower.split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
        guard let (_, status) = Self.words.first(where: { words == $0.0 || words.hasPrefix($0.0 + " ") }) else {
            return Reading()
        }
        var reading = Reading(status: status)
        guard status == .superseded else { return reading }
        if let link = links.first(where: { isSuccessorRelation($0.relation) }) ?? links.first {
            reading.supersededBy = link.target
        } else if let by = text.range(of: " by ", options: .caseInsensitive) {
            let rest = text[by.upperBound...].trimmingWhitespace
            reading.supersededBy = rest.isEmpty ? nil : rest
        }
        return reading
    }

    /// "Superseded by", "superceded by", "replaced by": the relation that names a successor.
    static func isSuccessorRelation(_ relation: String) -> Bool {
        let lower = relation.lowercased()
        return lower.hasSuffix(" by")
            && (lower.hasPrefix("superseded") || lower.hasPrefix("superceded") || lower.hasPrefix("replaced"))
    }

    /// The words that start a relation in "This ADR has been superseded by [..]": the relation shown
    /// is the text from the last of them; without one, the last three words before the link.
    private static let verbs: Set<String> = [
        "superseded", "superceded", "supersedes", "supercedes", "amended", "amends", "clarified", "clarifies",
        "related", "relates", "depends", "depended", "replaced", "replaces", "extended", "extends", "see",
        "partly", "partially", "drives", "driven", "enables", "enabled", "refines", "refined", "reverts",
        "reverted", "builds", "implements", "implemented",
    ]

    /// The relation as written before a link, e.g. "Amended by", "Clarifies", "Related to".
    static func relation(before text: String) -> String {
        let segment =
            text.split(omittingEmptySubsequences: false, whereSeparator: { ".;,:(".contains($0) }).last.map(String.init)
            ?? ""
        let words = segment.split(whereSeparator: { $0.isWhitespace })
        if let start = words.lastIndex(where: { verbs.contains($0.lowercased()) }) {
            // "partly superseded by": keep the adverb with its verb.
            let from =
                start > 0 && ["partly", "partially"].contains(words[start - 1].lowercased()) ? start - 1 : start
            return words[from...].joined(separator: " ")
        }
        var kept = words.suffix(3)
        while let first = kept.first, ["and", "or", "&"].contains(first.lowercased()) { kept = kept.dropFirst() }
        return kept.joined(separator: " ")
    }

    /// The label shown on the other record: "Amended by" there for "Amends" here, and so on.
    /// Unknown relations read "Referred to by".
    static func reverse(_ relation: String) -> String {
        let lower = relation.lowercased()
        let pairs: [(String, String)] = [
            ("superseded by", "Supersedes"), ("superceded by", "Supercedes"), ("amended by", "Amends"),
            ("clarified by", "Clarifies"), ("replaced by", "Replaces"), ("extended by", "Extends"),
            ("depended on by", "Depends on"), ("driven by", "Drives"), ("enabled by", "Enables"),
            ("refined by", "Refines"), ("reverted by", "Reverts"), ("implemented by", "Implements"),
            ("partly superseded by", "Partly supersedes"), ("partially superseded by", "Partially supersedes"),
        ]
        for (passive, active) in pairs {
            if lower == passive { return active }
            if lower == active.lowercased() { return passive.prefix(1).uppercased() + passive.dropFirst() }
        }
        if ["related to", "relates to", "see also", "see"].contains(lower) { return "Related to" }
        return "Referred to by"
    }

    /// Links to other records inside a status paragraph, with the relation written before each one.
    static func links(in paragraph: MarkdownNode?) -> [Decision.StatusLink] {
        guard let paragraph else { return [] }
        var result: [Decision.StatusLink] = []
        var words = ""
        func walk(_ node: MarkdownNode) {
            for child in node.children {
                switch child.kind {
                case .link(let url, _):
                    if let target = decisionID(fromLink: url) {
                        result.append(Decision.StatusLink(relation: relation(before: words), target: target))
                    }
                    words = ""
                case .softBreak, .lineBreak:
                    words += " "
                case .emphasis, .strong, .strikethrough:
                    walk(child)
                default:
                    words += child.plainText
                }
            }
        }
        walk(paragraph)
        return result
    }

    /// "0015-dns.md", "./0015-dns.md", "../adr/0015-dns.md", "https://…/0015-dns.md" → "0015-dns";
    /// other external URLs, mail and anchors → nil.
    static func decisionID(fromLink url: String) -> String? {
        guard !url.hasPrefix("mailto:"), !url.hasPrefix("#") else { return nil }
        var path = url
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard let name = path.split(separator: "/").last else { return nil }
        let decoded = String(name).removingPercentEncoding ?? String(name)
        if decoded.hasSuffix(".md") { return String(decoded.dropLast(3)) }
        // A web page is a record only when it names one by its file.
        guard !url.contains("://") else { return nil }
        if decoded.hasSuffix(".html") { return String(decoded.dropLast(5)) }
        return decoded
    }
}
