import BearingsCollect
import BearingsKit
import Foundation
import Testing

/// `URLSessionTransport`'s bounds, against bare loopback servers (`RawServer`): credentials never follow
/// a redirect to another origin, redirects are limited, `--timeout` covers the body, and an answer
/// larger than `URLSessionTransport.maximumAnswerBytes` is refused while it streams, compressed or not.
@Suite(.serialized)
struct TransportBoundsTests {
    static let token = "Bearer ghp_TEST0TOKEN0never0sent0elsewhere"
    static let json = Array("{\"stargazers_count\": 7}".utf8)

    /// A 200 with `json`, its length given.
    static func ok(_ write: RawServer.Writer) {
        _ = write(RawServer.head("200 OK", ["Content-Length": "\(json.count)"]) + json)
    }

    /// A redirect to `location`, with a short body as servers send.
    static func redirect(_ status: String, to location: String, _ write: RawServer.Writer) {
        let body = Array("moved".utf8)
        _ = write(RawServer.head(status, ["Location": location, "Content-Length": "\(body.count)"]) + body)
    }

    @Test func aRedirectToAnotherPortLeavesTheTokenBehind() async throws {
        let other = try RawServer { _, write in Self.ok(write) }
        let first = try RawServer { _, write in Self.redirect("302 Found", to: other.base + "/landing", write) }
        defer {
            first.stop()
            other.stop()
        }
        let answer = await URLSessionTransport(timeout: 5).get(
            first.base + "/api/v3/repos/a/b", headers: ["Authorization": Self.token, "User-Agent": "bearings/test"])
        #expect(answer.summary == "HTTP 200, 23 bytes")
        #expect(answer.body == Self.json)
        #expect(first.seen.map(\.line) == ["GET /api/v3/repos/a/b HTTP/1.1"])
        #expect(first.seen.first?.headers["authorization"] == Self.token)
        #expect(other.seen.map(\.line) == ["GET /landing HTTP/1.1"])
        #expect(other.seen.first?.headers["authorization"] == nil)
        // Headers that are not credentials still go.
        #expect(other.seen.first?.headers["user-agent"] == "bearings/test")
    }

    @Test func aPostRedirectedToAnotherPortLeavesClickHouseCredentialsBehind() async throws {
        let other = try RawServer { _, write in Self.ok(write) }
        let first = try RawServer { _, write in Self.redirect("307 Temporary Redirect", to: other.base + "/q", write) }
        defer {
            first.stop()
            other.stop()
        }
        let answer = await URLSessionTransport(timeout: 5).post(
            first.base + "/?default_format=JSONCompact",
            headers: ["X-ClickHouse-User": "reader", "X-ClickHouse-Key": Self.token, "User-Agent": "bearings/test"],
            body: Array("SELECT 1".utf8))
        #expect(answer.status == 200)
        #expect(first.seen.map(\.line) == ["POST /?default_format=JSONCompact HTTP/1.1"])
        #expect(first.seen.first?.headers["x-clickhouse-key"] == Self.token)
        #expect(other.seen.map(\.line) == ["POST /q HTTP/1.1"])
        #expect(other.seen.first?.headers["x-clickhouse-key"] == nil)
        #expect(other.seen.first?.headers["x-clickhouse-user"] == nil)
        #expect(other.seen.first?.headers["user-agent"] == "bearings/test")
    }

    @Test func aRedirectToAURLWithAUserAndPasswordSendsNeither() async throws {
        let other = try RawServer { _, write in Self.ok(write) }
        let first = try RawServer { _, write in
            Self.redirect("307 Temporary Redirect", to: "http://someone:secret@127.0.0.1:\(other.port)/x", write)
        }
        defer {
            first.stop()
            other.stop()
        }
        let answer = await URLSessionTransport(timeout: 5).get(
            first.base + "/a", headers: ["Authorization": Self.token])
        #expect(answer.status == 200)
        #expect(other.seen.map(\.line) == ["GET /x HTTP/1.1"])
        #expect(other.seen.first?.headers["authorization"] == nil)
    }

    @Test func aRedirectWithinTheOriginKeepsTheToken() async throws {
        let server = try RawServer { request, write in
            if request.line.hasPrefix("GET /old ") {
                Self.redirect("301 Moved Permanently", to: "/new?page=2", write)
            } else {
                Self.ok(write)
            }
        }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 5).get(
            server.base + "/old", headers: ["Authorization": Self.token])
        #expect(answer.status == 200)
        #expect(server.seen.map(\.line) == ["GET /old HTTP/1.1", "GET /new?page=2 HTTP/1.1"])
        #expect(server.seen.map { $0.headers["authorization"] } == [Self.token, Self.token])
    }

    @Test func aRedirectLoopIsTooManyRedirectsInWords() async throws {
        let server = try RawServer { _, write in Self.redirect("302 Found", to: "/loop", write) }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 5).get(server.base + "/loop", headers: [:])
        #expect(answer.summary == "too many redirects (more than 5)")
        // The first request and five redirects followed; the sixth is not.
        #expect(server.seen.count == 6)
    }

    @Test func aRedirectToAnythingButHTTPIsNotFollowed() async throws {
        // (`file:///etc/passwd`, without a host, URLSession takes as the path /etc/passwd on the same
        // server: an http request like any other.)
        for location in ["file://127.0.0.1/etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/"] {
            let server = try RawServer { _, write in Self.redirect("302 Found", to: location, write) }
            let answer = await URLSessionTransport(timeout: 5).get(
                server.base + "/a", headers: ["Authorization": Self.token])
            server.stop()
            #expect(answer.summary == "redirected to a URL that is not http or https", "\(location)")
            #expect(server.seen.count == 1)
        }
    }

    @Test func aBodyDribbledAByteASecondStopsAtTheTimeout() async throws {
        let server = try RawServer { _, write in
            guard write(RawServer.head("200 OK", ["Content-Length": "100"])) else { return }
            for _ in 0..<100 {
                guard write([UInt8(ascii: " ")]) else { return }
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        defer { server.stop() }
        let start = Date()
        let answer = await URLSessionTransport(timeout: 1).get(server.base + "/slow", headers: [:])
        let elapsed = Date().timeIntervalSince(start)
        #expect(answer.summary == "no answer within 1 s (--timeout)")
        #expect(elapsed < 3, "took \(elapsed) s")
    }

    @Test func aBodyWithoutALengthIsRefusedWhileItStreams() async throws {
        // Up to 1 GiB, a 64 KiB piece at a time, until the client hangs up.
        let written = Counter()
        let server = try RawServer { _, write in
            guard write(RawServer.head("200 OK", ["Content-Type": "application/json"])) else { return }
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024)
            for _ in 0..<(1024 * 16) {
                guard write(chunk) else { return }
                written.add(chunk.count)
            }
        }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 20).get(server.base + "/huge", headers: [:])
        #expect(answer.summary == "the answer is larger than 8 MiB, the most Bearings reads")
        server.stop()
        // The client hung up before the end (URLSession reads on for a moment after the refusal: about
        // 130 MiB on loopback, read and dropped, not kept).
        #expect(written.value < 1024 * 1024 * 1024, "\(written.value) bytes written")
    }

    @Test func aLengthOverTheLimitIsRefusedAtTheHeaders() async throws {
        let server = try RawServer { _, write in
            _ = write(RawServer.head("200 OK", ["Content-Length": "\(64 * 1024 * 1024)"]) + Array("{".utf8))
            Thread.sleep(forTimeInterval: 3)
        }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 2.5).get(server.base + "/long", headers: [:])
        #expect(answer.summary == "the answer is larger than 8 MiB, the most Bearings reads")
    }

    @Test func aGzipBombIsRefusedAtTheLimitOfItsDecodedBytes() async throws {
        let bomb = Recorded.bytes("gzip-bomb-64mib-zeros.gz")
        #expect(bomb.count == 65_150)
        let server = try RawServer { _, write in
            _ = write(
                RawServer.head("200 OK", ["Content-Encoding": "gzip", "Content-Length": "\(bomb.count)"]) + bomb)
        }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 20).get(server.base + "/bomb", headers: [:])
        #expect(answer.summary == "the answer is larger than 8 MiB, the most Bearings reads")
    }

    @Test func aRedirectsEndlessBodyEndsAtTheTimeout() async throws {
        // URLSession on Linux reads a redirect's body itself, before asking where to go, and never hands
        // it to the delegate: only the deadline ends it (a limitation, in docs/reference.md).
        let server = try RawServer { _, write in
            guard write(RawServer.head("302 Found", ["Location": "/there"])) else { return }
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024)
            for _ in 0..<(200 * 16) {
                guard write(chunk) else { return }
            }
        }
        defer { server.stop() }
        let start = Date()
        let answer = await URLSessionTransport(timeout: 2).get(server.base + "/moved", headers: [:])
        let elapsed = Date().timeIntervalSince(start)
        #expect(answer.summary == "no answer within 2 s (--timeout)")
        #expect(elapsed < 4, "took \(elapsed) s")
    }

    @Test func aSmallGzippedAnswerIsReadDecoded() async throws {
        // Made by hand: `printf '{"stargazers_count": 7}' | gzip -9n | xxd -i`.
        let gzipped: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0x2a, 0x2e, 0x49, 0x2c,
            0x4a, 0x4f, 0xac, 0x4a, 0x2d, 0x2a, 0x8e, 0x4f, 0xce, 0x2f, 0xcd, 0x2b, 0x51, 0xb2, 0x52, 0x30,
            0xaf, 0x05, 0x00, 0xfd, 0x60, 0xe0, 0x7d, 0x17, 0x00, 0x00, 0x00,
        ]
        let server = try RawServer { _, write in
            _ = write(
                RawServer.head("200 OK", ["Content-Encoding": "gzip", "Content-Length": "\(gzipped.count)"])
                    + gzipped)
        }
        defer { server.stop() }
        let answer = await URLSessionTransport(timeout: 5).get(server.base + "/small", headers: [:])
        #expect(answer.body == Self.json)
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ count: Int) { lock.withLock { total += count } }
    var value: Int { lock.withLock { total } }
}

extension Result where Success == CollectAnswer, Failure == CollectFailure {
    /// The status, or -1 for a failure.
    var status: Int { (try? get().status) ?? -1 }
    /// The body, or none for a failure.
    var body: [UInt8] { (try? get().body) ?? [] }
    /// "HTTP 200, 23 bytes", or the failure's reason: short enough to print when a check fails.
    var summary: String {
        switch self {
        case .success(let answer): "HTTP \(answer.status), \(answer.body.count) bytes"
        case .failure(let failure): failure.reason
        }
    }
}
