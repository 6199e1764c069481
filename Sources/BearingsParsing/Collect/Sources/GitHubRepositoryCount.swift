/// github-stars, -forks, -watchers, -open-issues: one count from `GET {GITHUB}/repos/{owner/repo}`.
struct GitHubRepositoryCount: CollectMeasure {
    /// The repository object's field: `stargazers_count`, `forks_count`, `subscribers_count` or
    /// `open_issues_count` (which counts open pull requests too, as GitHub does).
    var field: String

    var argumentDescription: String { "a GitHub repository as owner/repo" }

    func problem(with argument: String) -> String? { GitHubRepositoryName.problem(with: argument) }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(service: .github, url: bases.url(.github, "/repos/" + GitHubRepositoryName.path(argument)))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at([field], in: answer.body)
    }
}

/// What every GitHub source that names a repository accepts: `owner/repo`.
package enum GitHubRepositoryName {
    /// Why `argument` is not `owner/repo` (nil when it is).
    package static func problem(with argument: String) -> String? {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) }),
            !parts.contains(where: { $0 == "." || $0 == ".." })
        else {
            return "'\(argument)' is not a GitHub repository in the form owner/repo"
        }
        return nil
    }

    /// `owner/repo` as it goes in a path (it has only characters that need no encoding).
    static func path(_ argument: String) -> String { argument }
}
