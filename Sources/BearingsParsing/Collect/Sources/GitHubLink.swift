import Foundation

/// GitHub's pagination header, `Link: <…&page=2>; rel="next", <…&page=34>; rel="last"`.
public enum GitHubLink {
    /// The `page` query value of the `rel="last"` link in a `Link` header (RFC 8288); nil without one.
    public static func lastPage(_ link: String) -> Int64? {
        for part in link.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isLast = pieces.dropFirst().contains { parameter in
                let nameValue = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard nameValue.count == 2, nameValue[0].lowercased() == "rel" else { return false }
                let relations = nameValue[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return relations.split(separator: " ").contains("last")
            }
            guard isLast, let url = URLComponents(string: String(target.dropFirst().dropLast())) else { continue }
            guard let page = url.queryItems?.last(where: { $0.name == "page" })?.value, let number = Int64(page),
                number >= 0
            else { return nil }
            return number
        }
        return nil
    }
}
