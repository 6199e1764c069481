/// npm-downloads: `downloads` of `GET {NPM}/downloads/point/last-month/{package}`, the last 30 days.
struct NpmDownloads: CollectMeasure {
    var argumentDescription: String { "an npm package name" }

    func problem(with argument: String) -> String? {
        // A scoped name is `@scope/name`; the downloads API takes it with its slash.
        let parts =
            argument.hasPrefix("@")
            ? argument.dropFirst().split(separator: "/", omittingEmptySubsequences: false) : [Substring(argument)]
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.~ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard (1...2).contains(parts.count), parts.count == (argument.hasPrefix("@") ? 2 : 1),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) })
        else { return "'\(argument)' is not an npm package name" }
        return nil
    }

    func request(for argument: String, bases: CollectBases) -> CollectRequest {
        CollectRequest(service: .npm, url: bases.url(.npm, "/downloads/point/last-month/" + argument))
    }

    func value(from answer: CollectAnswer) -> Result<Int64, CollectFailure> {
        JSONNumber.at(["downloads"], in: answer.body)
    }
}
