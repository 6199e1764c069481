import Foundation

/// The IP address the preview listens on: IPv4 or IPv6, loopback unless the user names another.
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// An IPv4 address such as `127.0.0.1` or `0.0.0.0`.
    case ip4(String)
    /// An IPv6 address such as `::1` or `::`.
    case ip6(String)

    /// 127.0.0.1, the default.
    public static let loopback = ListenAddress.ip4("127.0.0.1")

    /// Reads `--host`: an IPv4 or IPv6 address, or `localhost`; nil for anything else (host names are
    /// not looked up, so the address served is the one the user typed).
    public init?(host: String) {
        if host == "localhost" {
            self = .loopback
            return
        }
        var ip4 = in_addr()
        var ip6 = in6_addr()
        if inet_pton(AF_INET, host, &ip4) == 1 {
            self = .ip4(host)
        } else if inet_pton(AF_INET6, host, &ip6) == 1 {
            self = .ip6(host)
        } else {
            return nil
        }
    }

    /// Whether only this machine can connect: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        switch self {
        case .ip4(let text): return text.split(separator: ".").first == "127"
        case .ip6(let text):
            var address = in6_addr()
            var loopback = in6_addr()
            guard inet_pton(AF_INET6, text, &address) == 1, inet_pton(AF_INET6, "::1", &loopback) == 1 else {
                return false
            }
            return withUnsafeBytes(of: &address) { a in withUnsafeBytes(of: &loopback) { b in a.elementsEqual(b) } }
        }
    }

    /// The address as it goes in a URL: IPv6 in brackets.
    public var urlHost: String {
        switch self {
        case .ip4(let text): return text
        case .ip6(let text): return "[\(text)]"
        }
    }

    /// The address as typed.
    public var description: String {
        switch self {
        case .ip4(let text), .ip6(let text): return text
        }
    }
}
