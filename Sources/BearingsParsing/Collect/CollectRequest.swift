/// Which service a request goes to: decides the token and the rate-limit rules.
public enum CollectService: String, Sendable, CaseIterable {
    /// GitHub's REST API (or a GitHub Enterprise server's).
    case github
    /// PyPI Stats.
    case pypistats
    /// npm's download counts API.
    case npm
    /// crates.io.
    case crates
    /// OpenAlex.
    case openalex
    /// GH Archive's `github_events` on a ClickHouse server (the public playground by default).
    case gharchive
    /// ClickPy's PyPI downloads on a ClickHouse server.
    case clickpy

    /// The environment variable that overrides the service's base URL.
    public var environmentVariable: String {
        switch self {
        case .github: "BEARINGS_GITHUB_API"
        case .pypistats: "BEARINGS_PYPISTATS_API"
        case .npm: "BEARINGS_NPM_API"
        case .crates: "BEARINGS_CRATES_API"
        case .openalex: "BEARINGS_OPENALEX_API"
        case .gharchive: "BEARINGS_GHARCHIVE_URL"
        case .clickpy: "BEARINGS_CLICKPY_URL"
        }
    }

    /// The public service's base URL.
    public var defaultBase: String {
        switch self {
        case .github: "https://api.github.com"
        case .pypistats: "https://pypistats.org"
        case .npm: "https://api.npmjs.org"
        case .crates: "https://crates.io"
        case .openalex: "https://api.openalex.org"
        // ClickHouse's playground and ClickPy's public instance, as their documentation gives them.
        case .gharchive: "https://play.clickhouse.com/"
        case .clickpy: "https://clickpy-clickhouse.clickhouse.com/"
        }
    }

    /// Whether the service is a ClickHouse server: asked by POST, and the only one given
    /// `BEARINGS_CLICKHOUSE_USER` and `BEARINGS_CLICKHOUSE_PASSWORD`.
    public var isClickHouse: Bool { self == .gharchive || self == .clickpy }
}

/// One GET request: where it goes and to which service.
public struct CollectRequest: Sendable, Equatable {
    /// The service, for the token and the rate-limit rules.
    public var service: CollectService
    /// The full URL, already percent-encoded.
    public var url: String

    /// Creates a request.
    public init(service: CollectService, url: String) {
        self.service = service
        self.url = url
    }
}

/// An HTTP answer as the sources read it.
public struct CollectAnswer: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Header fields, names in lower case.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// Creates an answer; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header's value, by name in any case.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a value could not be had: a sentence for the snapshot's provenance and the terminal.
public struct CollectFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, e.g. "HTTP 500 Internal Server Error after 3 tries".
    public var reason: String

    /// Creates a failure.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
