import Foundation

/// github-contributors: `GET {GITHUB}/repos/{owner/repo}/contributors?per_page=1&anon=true`. With one
/// contributor per page, the page number of the `Link` header's `rel="last"` is the count; a repository
/// with a single page sends no `Link`, and the array's length is the count.
struct GitHubContributors: CollectMeasure {
    var argumentDescription: String { "a GitHub repository as owner/repo" }

    func problem(with argument: String) -> String? { GitHubRepositoryName.problem(with: argument) }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(
            service: .github,
            url: bases.url(.github, "/repos/\(GitHubRepositoryName.path(argument))/contributors?per_page=1&anon=true"))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        // 204 No Content: GitHub's answer for an empty repository.
        if answer.status == 204 { return .success(0) }
        guard let link = answer.header("Link") else { return JSONNumber.arrayLength(in: answer.body) }
        guard let last = Self.lastPage(inLink: link) else {
            return .failure(CollectFailure("the Link header has no page number for rel=\"last\""))
        }
        return .success(last)
    }

    /// The `page` query value of the `rel="last"` link in a `Link` header (RFC 8288).
    static func lastPage(inLink link: String) -> Int64? {
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
