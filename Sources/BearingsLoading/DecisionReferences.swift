import BearingsModel
import BearingsParsing

/// Turns the successors and linked records that decision records name ("0012-x", "ADR-0004",
/// "Superseded by ADR 10", a link to a renamed file) into decision ids.
enum DecisionReferences {
    /// Resolves every successor and status link in place; what cannot be resolved is reported
    /// (an error for Bearings's own records, a warning for imported ones) and left as written.
    static func resolve(_ decisions: inout [Decision]) -> [Diagnostic] {
        let ids = Set(decisions.map(\.id))
        var byNumber: [Int: [Int]] = [:]
        for (index, decision) in decisions.enumerated() {
            if let number = decision.number { byNumber[number, default: []].append(index) }
        }
        // Only a number that several records share needs the links of each: read them then.
        let linksTo: (Int) -> Set<String> = { [decisions] index in
            Set(decisions[index].statusLinks.map(\.target)).union(bodyLinks(decisions[index]))
        }
        var diagnostics: [Diagnostic] = []
        for index in decisions.indices {
            let decision = decisions[index]
            let severity: Diagnostic.Severity = decision.isImported ? .warning : .error
            let location = decision.fieldLocations["superseded_by"] ?? decision.location
            if let reference = decision.supersededBy, !ids.contains(reference) {
                switch find(
                    reference, from: decision, ids: ids, byNumber: byNumber, decisions: decisions, linksTo: linksTo)
                {
                case .found(let id, let note):
                    decisions[index].supersededBy = id
                    if let note { diagnostics.append(.warning(location, note)) }
                case .missing:
                    diagnostics.append(
                        Diagnostic(
                            severity, location, "superseded by '\(reference)', but there is no such decision",
                            hint: Suggestion.hintFor(reference, among: ids, kind: "decision")))
                }
            }
            for (linkIndex, link) in decision.statusLinks.enumerated() where !ids.contains(link.target) {
                switch find(
                    link.target, from: decision, ids: ids, byNumber: byNumber, decisions: decisions, linksTo: linksTo)
                {
                case .found(let id, let note):
                    decisions[index].statusLinks[linkIndex].target = id
                    if let note {
                        diagnostics.append(.warning(decision.fieldLocations["status"] ?? decision.location, note))
                    }
                case .missing:
                    diagnostics.append(
                        .warning(
                            decision.fieldLocations["status"] ?? decision.location,
                            "'\(link.relation)' links to '\(link.target)', but there is no such decision",
                            hint: Suggestion.hintFor(link.target, among: ids, kind: "decision")))
                }
            }
        }
        return diagnostics
    }

    enum Found {
        case found(String, note: String?)
        case missing
    }

    /// A reference by file name (with or without `.md`, in brackets, in any case) or by number;
    /// a number that several records share goes to the one that links back.
    static func find(
        _ reference: String, from decision: Decision, ids: Set<String>, byNumber: [Int: [Int]],
        decisions: [Decision], linksTo: (Int) -> Set<String>
    ) -> Found {
        var name = reference.trimmingWhitespace
        while let first = name.first, let last = name.last, "[\"'`(".contains(first), "]\"'`)".contains(last),
            name.count > 2
        {
            name = String(name.dropFirst().dropLast()).trimmingWhitespace
        }
        name = StatusText.decisionID(fromLink: name) ?? name
        if ids.contains(name) { return .found(name, note: nil) }
        if let id = ids.first(where: { $0.lowercased() == name.lowercased() }) { return .found(id, note: nil) }
        guard let (number, isFileName) = numberReference(name), let candidates = byNumber[number] else {
            return .missing
        }
        var chosen = candidates
        if chosen.count > 1 {
            let linkingBack = chosen.filter { linksTo($0).contains(decision.id) }
            if !linkingBack.isEmpty { chosen = linkingBack }
        }
        guard let first = chosen.first else { return .missing }
        let id = decisions[first].id
        if chosen.count > 1 {
            let names = chosen.map { "'\(decisions[$0].id)'" }.joined(separator: ", ")
            return .found(id, note: "'\(reference)' may mean \(names); read as '\(id)'")
        }
        if isFileName {
            return .found(
                id, note: "'\(reference)' is not a record in this folder; read as '\(id)', which has its number")
        }
        return .found(id, note: nil)
    }

    /// "ADR-0004", "0004", "ADR 10", "ADR025", "SE-0258", "A27" → the number; "ADR045-use-forms-api"
    /// → 45, a file name.
    static func numberReference(_ text: String) -> (Int, isFileName: Bool)? {
        var rest = Substring(text)
        let letters = rest.prefix(while: { $0.isASCII && $0.isLetter })
        if !letters.isEmpty {
            guard DecisionParser.isNumberPrefix(letters) else { return nil }
            rest = rest.dropFirst(letters.count)
            if rest.first == "-" || rest.first == " " || rest.first == "_" { rest = rest.dropFirst() }
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 5, let number = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        guard after.isEmpty || after.first == "-" || after.first == "_" || after.first == "." || after.first == ":"
        else {
            return nil
        }
        return (number, after.first == "-" || after.first == "_")
    }

    /// The records a decision's body links to, by file name.
    static func bodyLinks(_ decision: Decision) -> Set<String> {
        var ids = Set<String>()
        func walk(_ node: MarkdownNode) {
            if case .link(let url, _) = node.kind, let id = StatusText.decisionID(fromLink: url) { ids.insert(id) }
            node.children.forEach(walk)
        }
        decision.body.blocks.forEach { walk($0.node) }
        return ids
    }
}
