import BearingsModel

/// What each source asks and how its arguments are checked: the requests and readings are in
/// `Collect/Sources/`, one type each; the cases are in Model/CollectSource.swift.
extension CollectSource {
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
