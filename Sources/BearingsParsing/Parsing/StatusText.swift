import Foundation
import BearingsModel

/// What the status words of real decision records mean, and the links written beside them.
package enum StatusText {
    struct Reading {
        /// The status the words map to; nil for words of the record's own process ("Open", "on hold").
        var status: Decision.Status?
        /// The successor as the record names it: a link target, a file name or a number ("ADR-0004").
        var supersededBy: String?
    }

    /// The status words of real records, by meaning, in the languages records are written in.
    /// A status matches a word when its words (letters only, lower case) are that word or start
    /// with it: "Stable in 1.1", "Implemented (Swift 5.9)", "Akzeptiert - Projektstart". The
    /// longest match wins, so "partially implemented" is not read as "implemented"'s twin by
    /// accident and "superseded" is not "super". Documented in docs/reference.md.
    static let table: [(String, Decision.Status)] = {
        let proposed = [
            // English, and the words of proposal processes (RFCs, PEPs, EIPs, KEEPs, gRFCs, Swift Evolution)
            "proposed", "pending", "draft", "proposal", "in progress", "under review", "under discussion",
            "in review", "review", "active review", "scheduled for review", "awaiting review", "design review",
            "public discussion", "discussion", "submitted", "pitch", "last call", "provisional",
            "implementable", "exploring", "ready for implementation", "returned for revision", "previewing",
            "experimental", "prototype", "wip", "work in progress", "requested", "planned",
            "considering",
            // Chinese, Portuguese, German, Spanish, French, Japanese, Korean
            "提议", "提議", "提案", "草稿", "草案", "建议", "建議", "讨论中", "討論中", "评审中", "審查中",
            "proposto", "proposta", "em análise", "em discussão", "rascunho",
            "vorgeschlagen", "vorschlag", "entwurf", "in prüfung", "in diskussion", "offen",
            "propuesto", "propuesta", "borrador", "en revisión", "en discusión",
            "proposé", "proposée", "brouillon", "en cours", "en discussion", "en révision",
            "検討中", "提案中", "草案中", "レビュー中", "議論中",
            "제안", "제안됨", "초안", "검토 중", "검토중", "논의 중",
        ]
        let accepted = [
            "accepted", "approved", "aprroved", "approuved", "accpeted", "acepted", "adopted", "agreed",
            "decided", "implemented", "partially implemented", "partly implemented", "amended",
            "partly superseded", "partially superseded", "final", "stable", "active", "living", "done",
            "completed", "complete", "released", "shipped", "merged", "landed", "in effect", "activated",
            "recommended", "ready for release", "accepted with modifications", "accepted with revisions",
            "valid", "current",
            "接受", "已接受", "通过", "通過", "已通过", "已通過", "采纳", "採納", "已采纳", "批准", "已批准",
            "完成", "已完成", "实施", "實施", "已实施", "已實施", "生效",
            "aceito", "aceita", "aprovado", "aprovada", "adotado", "adotada", "implementado", "implementada",
            "akzeptiert", "angenommen", "genehmigt", "beschlossen", "umgesetzt", "implementiert",
            "aceptado", "aceptada", "aprobado", "aprobada", "adoptado", "adoptada", "implementada",
            "accepté", "acceptée", "approuvé", "approuvée", "adopté", "adoptée", "validé", "validée",
            "implémenté", "implémentée",
            "承認", "承認済み", "承認済", "採用", "採択", "決定", "受理", "実装済み", "完了",
            "승인", "승인됨", "수락", "수락됨", "채택", "채택됨", "결정", "결정됨", "구현됨", "완료",
        ]
        let rejected = [
            "rejected", "declined", "withdrawn", "abandoned", "expired", "refused", "discontinued", "dropped",
            "not accepted", "won't do", "wont do", "cancelled", "canceled", "stagnant",
            "拒绝", "拒絕", "已拒绝", "已拒絕", "否决", "否決", "驳回", "駁回", "撤回", "已撤回", "放弃", "放棄",
            "rejeitado", "rejeitada", "recusado", "recusada", "retirado", "abandonado",
            "abgelehnt", "verworfen", "zurückgezogen", "zurueckgezogen",
            "rechazado", "rechazada", "retirado", "retirada", "descartado", "descartada",
            "rejeté", "rejetée", "refusé", "refusée", "abandonné", "abandonnée", "retiré", "retirée",
            "却下", "棄却", "不採用", "取り下げ", "撤回済み",
            "거부", "거부됨", "기각", "기각됨", "반려", "철회", "철회됨",
        ]
        let deprecated = [
            "deprecated", "obsolete", "retired", "sunset", "legacy", "inactive", "archived", "outdated",
            "弃用", "棄用", "已弃用", "已棄用", "废弃", "廢棄", "已废弃", "已廢棄", "过时", "過時",
            "descontinuado", "descontinuada", "obsoleto", "obsoleta", "depreciado", "depreciada", "deprecado",
            "deprecada", "veraltet", "überholt", "ueberholt", "abgekündigt", "obsolète", "déprécié", "dépréciée",
            "非推奨", "廃止", "廃止済み", "폐기", "폐기됨", "사용 중단", "더 이상 사용되지 않음",
        ]
        let superseded = [
            "superseded", "superceded", "supserseded", "replaced", "succeeded",
            "已取代", "取代", "已替代", "替代", "被取代", "已被取代",
            "substituído", "substituída", "substituido", "substituida", "suplantado", "suplantada",
            "ersetzt", "abgelöst", "abgeloest", "reemplazado", "reemplazada", "sustituido", "sustituida",
            "supersedido", "supersedida", "remplacé", "remplacée", "置き換え", "置換", "置き換え済み",
            "대체", "대체됨",
        ]
        return [
            (proposed, .proposed), (accepted, .accepted), (rejected, .rejected), (deprecated, .deprecated),
            (superseded, .superseded),
        ].flatMap { words, status in words.map { (normalised($0), status) } }
    }()

    /// Status words as compared: letters only, lower case, one space between words; "Won't do" →
    /// "won t do", "✅ Accepted" → "accepted".
    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
    }

    /// The status that `text` starts with, by the longest word of the table that matches; for a
    /// change written with an arrow ("Proposed → Accepted"), the status after the last arrow.
    static func status(of text: String) -> Decision.Status? {
        if let arrow = text.range(of: #"(→|->|⇒|=>)(?!.*(→|->|⇒|=>))"#, options: .regularExpression),
            let after = status(of: String(text[arrow.upperBound...]))
        {
            return after
        }
        let words = normalised(text)
        guard !words.isEmpty else { return nil }
        var best: (length: Int, status: Decision.Status)?
        for (word, status) in table where words == word || words.hasPrefix(word + " ") {
            if best == nil || word.count > best?.length ?? 0 { best = (word.count, status) }
        }
        if let best { return best.status }
        // Chinese, Japanese and Korean write no space after the word: "已完成。", "承認済み（2021）".
        return cjkWords.first { words.hasPrefix($0.0) }?.1
    }

    /// The Chinese, Japanese and Korean words of the table, longest first.
    private static let cjkWords = table.filter { $0.0.unicodeScalars.first.map(isCJK) == true }.sorted {
        $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.0 < $1.0)
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
            || (0xAC00...0xD7AF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// Maps status words onto SPEC's statuses; the first superseding link names the successor,
    /// or else the words after "by" ("Superseded by ADR-0004"). A status whose first words say
    /// something else ("Supercedes [X]") but whose paragraph also says "Superceded by [Y]" is
    /// superseded by Y; "Rejected in favor of [X]" and "Deprecated in favour of [D](…)" keep their
    /// status and name X and D as the successors.
    static func interpret(_ text: String, links: [Decision.StatusLink]) -> Reading {
        var status = status(of: text)
        let successorLink = links.first(where: { isSuccessorRelation($0.relation) })
        if status != .superseded, status != .rejected, status != .deprecated, let successorLink {
            // "Supercedes [X]" then "Superceded by [Y]": the newest word is the successor's.
            status = .superseded
            return Reading(status: status, supersededBy: successorLink.target)
        }
        guard let status else { return Reading() }
        var reading = Reading(status: status)
        if status != .superseded {
            if let link = links.first(where: { isFavourRelation($0.relation) }) {
                reading.supersededBy = link.target
            } else if let range = text.range(of: #"in favou?r of "#, options: [.regularExpression, .caseInsensitive]) {
                let rest = text[range.upperBound...].trimmingWhitespace
                reading.supersededBy = rest.isEmpty ? nil : rest
            }
            return reading
        }
        if let link = successorLink ?? links.first {
            reading.supersededBy = link.target
        } else if let by = text.range(of: " by ", options: .caseInsensitive) {
            let rest = text[by.upperBound...].trimmingWhitespace
            reading.supersededBy = rest.isEmpty ? nil : rest
        }
        return reading
    }

    /// "in favor of", "in favour of": a rejected or deprecated record naming what replaced it.
    static func isFavourRelation(_ relation: String) -> Bool {
        let lower = relation.lowercased()
        return lower.hasSuffix("in favor of") || lower.hasSuffix("in favour of")
    }

    /// "Superseded by", "superceded by", "replaced by": the relation that names a successor.
    package static func isSuccessorRelation(_ relation: String) -> Bool {
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
    package static func reverse(_ relation: String) -> String {
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
    package static func decisionID(fromLink url: String) -> String? {
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
