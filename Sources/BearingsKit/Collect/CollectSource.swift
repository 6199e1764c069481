/// A service `bearings collect` can ask for a number, and which number it gives.
///
/// Each case is answered by one small type in `Collect/Sources/` that builds the request and reads the
/// value out of the answer; adding a source is one case here and one file there.
public enum CollectSource: String, Sendable, CaseIterable {
    /// Stars of a GitHub repository (attention, not use).
    case githubStars = "github-stars"
    /// Forks of a GitHub repository.
    case githubForks = "github-forks"
    /// Watchers (subscribers) of a GitHub repository.
    case githubWatchers = "github-watchers"
    /// Open issues and pull requests of a GitHub repository.
    case githubOpenIssues = "github-open-issues"
    /// Contributors to a GitHub repository, anonymous ones included.
    case githubContributors = "github-contributors"
    /// Files on GitHub that match a code search query.
    case githubCodeSearch = "github-code-search"
    /// Downloads from PyPI in the last month (PyPI Stats, without mirrors).
    case pypiDownloads = "pypi-downloads"
    /// Downloads from npm in the last month.
    case npmDownloads = "npm-downloads"
    /// Downloads from crates.io in the last 90 days.
    case cratesDownloads = "crates-downloads"
    /// Scholarly works in OpenAlex that match a search query.
    case openalexWorks = "openalex-works"
    /// Stars given per month (GH Archive; `bearings collect --history` only).
    case gharchiveStars = "gharchive-stars"
    /// Forks made per month (GH Archive; `bearings collect --history` only).
    case gharchiveForks = "gharchive-forks"
    /// People who pushed or opened a pull request in the month (GH Archive; `--history` only).
    case gharchiveContributors = "gharchive-contributors"
    /// Issues opened per month (GH Archive; `bearings collect --history` only).
    case gharchiveIssues = "gharchive-issues"
    /// PyPI downloads per month (ClickPy; `bearings collect --history` only).
    case clickpyDownloads = "clickpy-downloads"
    /// Works per publication year (OpenAlex; `bearings collect --history` only).
    case openalexWorksPerYear = "openalex-works-per-year"

    /// The type that asks the service and reads its answer.
    public var measure: any CollectMeasure {
        switch self {
        case .githubStars: GitHubRepositoryCount(field: "stargazers_count")
        case .githubForks: GitHubRepositoryCount(field: "forks_count")
        case .githubWatchers: GitHubRepositoryCount(field: "subscribers_count")
        case .githubOpenIssues: GitHubRepositoryCount(field: "open_issues_count")
        case .githubContributors: GitHubContributors()
        case .githubCodeSearch: GitHubCodeSearch()
        case .pypiDownloads: PyPIDownloads()
        case .npmDownloads: NpmDownloads()
        case .cratesDownloads: CratesDownloads()
        case .openalexWorks: OpenAlexWorks()
        case .gharchiveStars, .gharchiveForks, .gharchiveContributors, .gharchiveIssues:
            HistoryOnly(name: rawValue, arguments: GitHubContributors())
        case .clickpyDownloads: HistoryOnly(name: rawValue, arguments: PyPIDownloads())
        case .openalexWorksPerYear: HistoryOnly(name: rawValue, arguments: OpenAlexWorks())
        }
    }
}

/// Stand-in for a source that has only history, until `collect --history` reads it: its projects are
/// checked as `arguments` checks them, and plain `collect` gets no value from it.
private struct HistoryOnly: CollectMeasure {
    var name: String
    var arguments: any CollectMeasure

    var argumentDescription: String { arguments.argumentDescription }
    func problem(with argument: String) -> String? { arguments.problem(with: argument) }
    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        arguments.request(for: argument, bases: bases)
    }
    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        .failure(CollectFailure("'\(name)' has only history; run 'bearings collect --history'"))
    }
}

/// One source's request and reading: pure, so it is tested on recorded answers without a network.
public protocol CollectMeasure: Sendable {
    /// What the `projects:` values name, for messages: "owner/repo", "a PyPI package name", ….
    var argumentDescription: String { get }
    /// Why `argument` cannot be asked for (nil when it can).
    func problem(with argument: String) -> String?
    /// The request for `argument` against the services at `bases`.
    func request(for argument: String, bases: CollectBases) -> CollectRequest
    /// The number in `answer`, a successful (2xx) answer to `request(for:bases:)`.
    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure>
}
