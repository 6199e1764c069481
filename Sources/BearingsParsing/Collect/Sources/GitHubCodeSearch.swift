/// github-code-search: `total_count` of `GET {GITHUB}/search/code?q={query}`. GitHub answers code
/// search only with a token.
struct GitHubCodeSearch: CollectMeasure {
    var argumentDescription: String { "a GitHub code search query" }

    func problem(with argument: String) -> String? { nil }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(service: .github, url: bases.url(.github, "/search/code?q=" + argument.percentEncodedStrictly))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at(["total_count"], in: answer.body)
    }
}
