/// crates-downloads: `crate.recent_downloads` of `GET {CRATES}/api/v1/crates/{crate}`, downloads in the
/// last 90 days.
struct CratesDownloads: CollectMeasure {
    var argumentDescription: String { "a crate name" }

    func problem(with argument: String) -> String? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return argument.allSatisfy(allowed.contains) ? nil : "'\(argument)' is not a crate name"
    }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(service: .crates, url: bases.url(.crates, "/api/v1/crates/" + argument))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at(["crate", "recent_downloads"], in: answer.body)
    }
}
