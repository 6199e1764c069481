import Foundation

/// The base URL of every service: the public ones, or those named by `BEARINGS_*_API`.
public struct CollectBases: Sendable, Equatable {
    private var bases: [CollectService: String]

    /// The public services.
    public init() {
        bases = Dictionary(uniqueKeysWithValues: CollectService.allCases.map { ($0, $0.defaultBase) })
    }

    /// The public services, each overridden by its variable in `environment` when set and not empty.
    /// Throws the variable's name and value when it is not an http or https URL.
    public init(environment: [String: String]) throws(CollectFailure) {
        self.init()
        for service in CollectService.allCases {
            guard let value = environment[service.environmentVariable], !value.isEmpty else { continue }
            guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
                scheme == "http" || scheme == "https", components.host?.isEmpty == false
            else {
                throw CollectFailure(
                    "\(service.environmentVariable) is '\(value)', which is not an http or https URL")
            }
            bases[service] = value
        }
    }

    /// `base` + `path`: the base may carry a path of its own (GitHub Enterprise's `/api/v3`); exactly
    /// one `/` joins them.
    public func url(_ service: CollectService, _ path: String) -> String {
        var base = bases[service] ?? service.defaultBase
        while base.hasSuffix("/") { base.removeLast() }
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// The base of `service` as given (a ClickHouse endpoint), with `/` for an empty path and `query`
    /// (already percent-encoded) joined to any query it has.
    public func endpoint(_ service: CollectService, query: String) -> String {
        var base = bases[service] ?? service.defaultBase
        if var components = URLComponents(string: base), components.path.isEmpty {
            components.path = "/"
            base = components.string ?? base
        }
        guard !query.isEmpty else { return base }
        return base + (base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?") + query
    }

    /// A URL as it may be shown: without user name or password, should a base carry any.
    public static func shown(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil
        else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}

extension String {
    /// Percent-encoded for a URL path segment or query value: everything but unreserved characters.
    var percentEncodedStrictly: String {
        addingPercentEncoding(withAllowedCharacters: .unreservedInURLs) ?? self
    }
}

extension CharacterSet {
    /// RFC 3986's unreserved characters: ASCII letters and digits, `-`, `.`, `_` and `~`.
    static let unreservedInURLs = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
