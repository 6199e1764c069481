import Foundation

/// Which `Host` the preview answers (DNS rebinding): a page of evil.example whose name an attacker
/// points at 127.0.0.1 may reach the port, but its requests say `Host: evil.example`. Allowed are
/// `localhost`, loopback addresses (127.0.0.0/8, `::1`, `::ffff:127.x.x.x`), the address the preview
/// was told to listen on, and, when that is a wildcard (`0.0.0.0`, `::`), the address a connection
/// arrived at; each with or without a port. Names other than `localhost` are never looked up.
struct HostCheck: Sendable {
    /// What to do with a request, by its `Host` fields.
    enum Verdict: Equatable, Sendable {
        /// It names this preview.
        case allowed
        /// It names another host: 421.
        case misdirected
        /// None: 400 over HTTP/1.1; allowed over HTTP/1.0, which has no Host.
        case missing
        /// More than one, or one that is not a host with an optional port: 400.
        case malformed
    }

    /// The address the preview listens on.
    let bound: ListenAddress

    /// The verdict on the values of every `Host` field of a request that arrived at `local` (the
    /// connection's own address, consulted only when `bound` is a wildcard).
    func verdict(for values: [String], local: ListenAddress? = nil) -> Verdict {
        guard let value = values.first else { return .missing }
        guard values.count == 1, let host = Self.hostPart(of: value) else { return .malformed }
        if host.lowercased() == "localhost" { return .allowed }
        guard let address = IPAddress(host) else { return .misdirected }
        if address.isLoopback { return .allowed }
        let listening = IPAddress(bound.description)
        if let listening, !listening.isUnspecified {
            return address == listening ? .allowed : .misdirected
        }
        if let local = local.flatMap({ IPAddress($0.description) }), address == local { return .allowed }
        return .misdirected
    }

    /// The host of `host [":" port]`, brackets kept around an IPv6 address; nil when it is not one.
    static func hostPart(of value: String) -> String? {
        var host = Substring(value)
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            host = host[...close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if let colon = host.firstIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return nil
        }
        guard !host.isEmpty, host.allSatisfy(isHostCharacter) else { return nil }
        return String(host)
    }

    /// RFC 3986's reg-name characters, and the brackets and colons of an IP literal.
    private static func isHostCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else { return false }
        if character.isLetter || character.isNumber { return true }
        return "-._~!$&'()*+,;=%[]:".utf8.contains(ascii)
    }
}

/// An IPv4 or IPv6 address as its bytes, so that `::1` and `0:0::1` are one address.
struct IPAddress: Equatable, Sendable {
    /// 4 bytes, or 16.
    let bytes: [UInt8]

    /// Reads a dotted IPv4 address, or an IPv6 address with or without its brackets; nil for a name.
    init?(_ text: String) {
        var plain = Substring(text)
        if plain.hasPrefix("["), plain.hasSuffix("]") { plain = plain.dropFirst().dropLast() }
        var ip4 = in_addr()
        var ip6 = in6_addr()
        if inet_pton(AF_INET, String(plain), &ip4) == 1 {
            bytes = withUnsafeBytes(of: &ip4) { Array($0) }
        } else if inet_pton(AF_INET6, String(plain), &ip6) == 1 {
            bytes = withUnsafeBytes(of: &ip6) { Array($0) }
        } else {
            return nil
        }
    }

    /// 127.0.0.0/8, `::1`, or 127.0.0.0/8 mapped into IPv6.
    var isLoopback: Bool {
        if bytes.count == 4 { return bytes[0] == 127 }
        if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
        return bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] && bytes[12] == 127
    }

    /// `0.0.0.0` or `::`: every address of the machine.
    var isUnspecified: Bool { bytes.allSatisfy { $0 == 0 } }
}
