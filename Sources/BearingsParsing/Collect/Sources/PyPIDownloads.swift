/// pypi-downloads: `data.last_month` of `GET {PYPISTATS}/api/packages/{package}/recent?period=month`,
/// downloads in the last 30 days without mirrors, as PyPI Stats counts them (a day late).
struct PyPIDownloads: CollectMeasure {
    var argumentDescription: String { "a PyPI package name" }

    func problem(with argument: String) -> String? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        return argument.allSatisfy(allowed.contains) ? nil : "'\(argument)' is not a PyPI package name"
    }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(
            service: .pypistats,
            url: bases.url(
                .pypistats, "/api/packages/\(argument.lowercased().percentEncodedStrictly)/recent?period=month"))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at(["data", "last_month"], in: answer.body)
    }
}
