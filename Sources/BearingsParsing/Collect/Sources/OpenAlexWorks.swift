/// openalex-works: `meta.count` of `GET {OPENALEX}/works?search={query}&per-page=1`, the scholarly works
/// (papers, preprints, books) whose title, abstract or full text matches.
struct OpenAlexWorks: CollectMeasure {
    var argumentDescription: String { "an OpenAlex search query" }

    func problem(with argument: String) -> String? { nil }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(
            service: .openalex,
            url: bases.url(.openalex, "/works?search=\(argument.percentEncodedStrictly)&per-page=1"))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at(["meta", "count"], in: answer.body)
    }
}
