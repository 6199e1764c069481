import BearingsKit
import Foundation
import Testing

@testable import BearingsServe

/// What any web page, or anything else that can reach the port, may send the preview: long request
/// lines, long or many headers, connections that send nothing, a foreign `Host` (DNS rebinding), more
/// connections than the process may open files. Serialized, as the other server tests.
@Suite(.serialized)
struct ServeHardeningTests {
    /// Two 32 KB request lines used to hold every request up for about 37 s (FlyingFox 0.27.1 parses a
    /// line in time quadratic in its length). They are refused with 414 and the normal request is answered.
    @Test func longRequestLinesAreRefusedAndDoNotStallANormalRequest() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            let long = "GET /" + String(repeating: "a", count: 32 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            async let first = client.exchange(long)
            async let second = client.exchange(long)
            try await Task.sleep(for: .milliseconds(200))
            let normal = try await client.request("/")
            #expect(normal.status == 200)
            #expect(try await first.status == 414)
            #expect(try await second.status == 414)
        }
    }

    /// A line may hold 8,192 bytes before its CRLF, not one more.
    @Test func aRequestLineOfTheLimitIsReadAndOneByteMoreIsRefused() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            // "GET " + target + " HTTP/1.1" is 4 + target + 9 bytes.
            let fits = "/" + String(repeating: "a", count: 8192 - 13 - 1)
            #expect(("GET " + fits + " HTTP/1.1").utf8.count == 8192)
            #expect(try await client.request(fits).status == 404)
            let response = try await client.request(fits + "a")
            #expect(response.status == 414)
            #expect(response.headers["connection"] == "close")
            #expect(response.text == "414 URI Too Long: a request line may hold at most 8192 bytes\n")
        }
    }

    @Test func aHeaderOverTheLimitIsRefused() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            func get(_ header: String) async throws -> LoopbackClient.Response {
                try await client.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(header)\r\n\r\n")
            }
            // "X-Long: " is 8 bytes.
            #expect(try await get("X-Long: " + String(repeating: "b", count: 8192 - 8)).status == 200)
            let long = try await get("X-Long: " + String(repeating: "b", count: 8192 - 8 + 1))
            #expect(long.status == 431)
            #expect(long.text == "431 Request Header Fields Too Large: a header line may hold at most 8192 bytes\n")
            // 40 headers of 1,000 bytes: each line is short, the head is over 32 KiB.
            let many = (0..<40).map { "X-\($0): " + String(repeating: "c", count: 1000) }.joined(separator: "\r\n")
            let total = try await get(many)
            #expect(total.status == 431)
            #expect(total.text == "431 Request Header Fields Too Large: the headers may hold at most 32768 bytes\n")
            // 101 short headers.
            let count = (0..<101).map { "X-\($0): c" }.joined(separator: "\r\n")
            let counted = try await get(count)
            #expect(counted.status == 431)
            #expect(counted.text == "431 Request Header Fields Too Large: a request may have at most 100 headers\n")
        }
    }

    /// A connection that sends nothing, half a request, or a request a byte at a time is closed once
    /// the idle time (1 s here) has passed.
    @Test func idleAndSlowConnectionsAreClosed() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        var options = fixture.serveOptions()
        options.idleTimeout = .seconds(1)
        try await withPreview(fixture, options: options) { _, client in
            let silent = try await client.secondsUntilClosed(after: "", limit: 12)
            #expect(silent.map { $0 > 0.9 && $0 < 10 } == true, "\(String(describing: silent))")
            let half = try await client.secondsUntilClosed(after: "GET / HTTP/1.1\r\nHost: 127", limit: 12)
            #expect(half.map { $0 > 0.9 && $0 < 10 } == true, "\(String(describing: half))")
            let slow = try await client.secondsUntilClosed(
                after: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", trickle: true, limit: 12)
            #expect(slow.map { $0 > 0.9 && $0 < 10 } == true, "\(String(describing: slow))")
            // A whole request is answered; the kept-alive connection is closed after the same time.
            let kept = try await client.secondsUntilClosed(
                after: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", limit: 12)
            #expect(kept.map { $0 > 0.9 && $0 < 10 } == true, "\(String(describing: kept))")
            #expect(try await client.request("/").status == 200)
        }
    }

    /// DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends `Host: evil.example`.
    @Test func answersOnlyRequestsForLocalhostOrALoopbackAddress() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let cases: [(host: String, status: Int)] = [
            ("localhost", 200), ("localhost:PORT", 200), ("LocalHost:PORT", 200), ("127.0.0.1", 200),
            ("127.0.0.1:PORT", 200), ("127.1.2.3:PORT", 200), ("[::1]", 200), ("[::1]:PORT", 200),
            ("evil.example", 421), ("evil.example:PORT", 421), ("localhost.evil.example", 421),
            ("127.0.0.1.evil.example", 421), ("127.evil.example", 421), ("10.0.0.1:PORT", 421),
            ("[::2]:PORT", 421), ("localhost:80a", 400), ("", 400), ("[::1", 400), ("a b", 400),
        ]
        try await withPreview(fixture) { _, client in
            for (host, status) in cases {
                let response = try await client.request(
                    "/", host: host.replacingOccurrences(of: "PORT", with: String(client.port)))
                #expect(response.status == status, "\(host)")
                if status == 421 {
                    #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
                    #expect(
                        response.text
                            == "421 Misdirected Request: this preview answers only requests for localhost, "
                            + "a loopback address or 127.0.0.1\n", "\(host)")
                }
            }
        }
    }

    @Test func aRequestWithoutHostIsRefusedOverHTTP11AndAnsweredOverHTTP10() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        try await withPreview(fixture) { _, client in
            let missing = try await client.request("/", host: nil)
            #expect(missing.status == 400)
            #expect(missing.text == "400 Bad Request: an HTTP/1.1 request must name its Host\n")
            #expect(try await client.request("/", host: nil, version: "HTTP/1.0").status == 200)
            let twice = try await client.exchange("GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n")
            #expect(twice.status == 400)
            #expect(
                twice.text
                    == "400 Bad Request: the Host must appear once, as a host name or address and an optional port\n")
        }
    }

    @Test(arguments: [
        ("192.168.1.5", ListenAddress.ip4("192.168.1.5"), true),
        ("192.168.1.5:8000", .ip4("192.168.1.5"), true),
        ("192.168.1.6:8000", .ip4("192.168.1.5"), false),
        ("[fe80::1]:8000", .ip6("fe80::1"), true),
        ("[fe80:0::1]", .ip6("fe80::1"), true),
        ("[fe80::2]", .ip6("fe80::1"), false),
        ("0.0.0.0", .ip4("0.0.0.0"), false),
        ("[::]:8000", .ip6("::"), false),
        ("[::ffff:127.0.0.1]", .loopback, true),
        ("127.0.0.1", .ip4("192.168.1.5"), true),
        ("localhost.", .loopback, false),
    ])
    func theBoundAddressIsAcceptedAsAHost(host: String, bound: ListenAddress, allowed: Bool) {
        #expect(HostCheck(bound: bound).verdict(for: [host]) == (allowed ? .allowed : .misdirected))
    }

    /// `bearings serve` under `ulimit -n 64` with 100 connections held open: it says so once, keeps
    /// listening, and answers once they are closed.
    @Test func survivesRunningOutOfFileDescriptors() async throws {
        let fixture = try PreviewFixture()
        defer { fixture.remove() }
        let bearings = try #require(Self.executable, "build the command first: swift build --build-tests")
        let child = try ServeChild(
            command: "ulimit -n 64 && exec '\(bearings)' serve --data '\(fixture.data)' --output '\(fixture.output)' "
                + "--port 0")
        defer { child.stop() }
        let port = try #require(await child.port(), "no 'Serving' line: \(child.output.text)")
        let client = LoopbackClient(port: port)
        #expect(try await client.request("/").status == 200)
        try await client.holding(100) {
            let said = await child.output.waitFor("too many open connections")
            #expect(said, "\(child.output.text)")
        }
        // Closed: the next request is answered, at most one back-off (1 s) later.
        let after = try await client.request("/")
        #expect(after.status == 200)
        try await Task.sleep(for: .milliseconds(300))
        let warning = "warning: too many open connections; waiting for some to close before accepting more\n"
        #expect(child.output.text.components(separatedBy: warning).count - 1 == 1, "\(child.output.text)")
    }

    /// The `bearings` executable in the build products folder, beside the test bundle.
    static let executable: String? = {
        var folders: [URL] = []
        if let url = Bundle.main.executableURL { folders.append(url.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent("bearings").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// `bearings serve` run through `/bin/sh -c` (for `ulimit`), its output and errors collected as they come.
final class ServeChild {
    private let process: Process
    /// Standard output and standard error, interleaved.
    let output = Collected()

    init(command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        self.process = process
    }

    /// The port from the "Serving http://127.0.0.1:PORT/" line: at most 300 polls of 100 ms.
    func port() async -> UInt16? {
        guard await output.waitFor("Serving ") else { return nil }
        let text = output.text
        guard let range = text.range(of: "http://127.0.0.1:") else { return nil }
        return UInt16(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Interrupts the server and waits for it.
    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}

/// Bytes arriving from any thread, read as text.
final class Collected: @unchecked Sendable {
    // The lock guards `bytes`, which is all there is.
    private let lock = NSLock()
    private var bytes = Data()

    func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        bytes.append(data)
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits until the text holds `needle`: at most 300 polls of 100 ms.
    func waitFor(_ needle: String) async -> Bool {
        for _ in 0..<300 {
            if text.contains(needle) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
