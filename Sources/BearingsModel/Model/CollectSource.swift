/// A service `bearings collect` can ask for a number, and which number it gives.
///
/// Each case is answered by one small type in `Collect/Sources/` that builds the request and reads the
/// value out of the answer; adding a source is one case here, its lines in the switches of
/// `Collect/CollectSource+Measure.swift` and one file in `Collect/Sources/`. A source with
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
}
