/// A service `bearings collect` can ask for a number, and which number it gives.
///
/// Each case is answered by one small type in `Collect/Sources/` that builds the request and reads the
/// value out of the answer; adding a source is one case here and one file there. A source with
/// history (`bearings collect --history`) gives one value per past period; some sources have only
/// that (GH Archive, ClickPy, OpenAlex's works per year), `npm-downloads` has both.
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
    /// Stars given per month (GH Archive's WatchEvents; unstars are not recorded).
    case gharchiveStars = "gharchive-stars"
    /// Forks made per month (GH Archive's ForkEvents).
    case gharchiveForks = "gharchive-forks"
    /// People who pushed or opened a pull request in the month, bots (`[bot]` logins) left out.
    case gharchiveContributors = "gharchive-contributors"
    /// Issues opened per month (GH Archive's IssuesEvents with action `opened`).
    case gharchiveIssues = "gharchive-issues"
    /// Downloads from PyPI per month as ClickPy counts them (every download BigQuery sees, mirrors too).
    case clickpyDownloads = "clickpy-downloads"
    /// Scholarly works in OpenAlex that match a search query, per publication year.
    case openalexWorksPerYear = "openalex-works-per-year"

    /// The type that asks the service for today's value and reads its answer; nil for a source that
    /// has only history.
    public var measure: (any CollectMeasure)? {
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
        case .gharchiveStars, .gharchiveForks, .gharchiveContributors, .gharchiveIssues, .clickpyDownloads,
            .openalexWorksPerYear:
            nil
        }
    }

    /// Where the numbers come from, for the metric page's "Collected" line.
    public var service: String {
        switch self {
        case .githubStars, .githubForks, .githubWatchers, .githubOpenIssues, .githubContributors,
            .githubCodeSearch:
            "GitHub's REST API"
        case .pypiDownloads: "PyPI Stats"
        case .npmDownloads: "npm's download counts API"
        case .cratesDownloads: "crates.io's API"
        case .openalexWorks, .openalexWorksPerYear: "OpenAlex's works API"
        case .gharchiveStars, .gharchiveForks, .gharchiveContributors, .gharchiveIssues:
            "GH Archive's github_events table on ClickHouse"
        case .clickpyDownloads: "ClickPy's pypi.pypi_downloads_per_day table on ClickHouse"
        }
    }

    /// What the `projects:` values name, for messages: "owner/repo", "a PyPI package name", ….
    public var argumentDescription: String {
        switch self {
        case .gharchiveStars, .gharchiveForks, .gharchiveContributors, .gharchiveIssues:
            "a GitHub repository as owner/repo"
        case .clickpyDownloads: "a PyPI package name"
        case .openalexWorksPerYear: OpenAlexWorks().argumentDescription
        default: measure?.argumentDescription ?? "what the source needs"
        }
    }

    /// Why `argument` cannot be asked for (nil when it can).
    public func problem(with argument: String) -> String? {
        switch self {
        case .gharchiveStars, .gharchiveForks, .gharchiveContributors, .gharchiveIssues:
            GitHubRepositoryName.problem(with: argument)
        case .clickpyDownloads: PyPIDownloads().problem(with: argument)
        case .openalexWorksPerYear: OpenAlexWorks().problem(with: argument)
        default: measure?.problem(with: argument)
        }
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
