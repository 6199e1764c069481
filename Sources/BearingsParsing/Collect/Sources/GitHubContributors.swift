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
        guard let last = GitHubLink.lastPage(link) else {
            return .failure(CollectFailure("the Link header has no page number for rel=\"last\""))
        }
        return .success(last)
    }
}
