import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a raw socket to 127.0.0.1. URLSession would clean up the very paths
/// the traversal tests must send as they are (`/../`, `%00`). Every call is bounded in time, and runs
/// on a Dispatch thread so that a blocking read never holds one of the few cooperative threads the
/// server under test needs.
struct LoopbackClient: Sendable {
    /// One HTTP response.
    struct Response: Sendable {
        /// The status code.
        var status: Int
        /// Headers, names in lower case.
        var headers: [String: String]
        /// The body.
        var body: [UInt8]
        /// The body as UTF-8 text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Something the test did not get in time or in shape.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The server's port on 127.0.0.1.
    let port: UInt16

    /// Sends `method target` as it is and reads the whole response (at most 15 s).
    func request(_ target: String, method: String = "GET") async throws -> Response {
        try await offCooperativePool { try requestNow(target, method: method) }
    }

    /// Opens the live-reload stream at `target`.
    func openEvents(_ target: String) async throws -> EventStream {
        try await offCooperativePool {
            let socket = try Connection(port: port)
            try socket.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            return EventStream(connection: socket)
        }
    }

    /// Sends `method target version` with `host` as its Host header (nil: none) and reads the response.
    func request(_ target: String, method: String = "GET", host: String?, version: String = "HTTP/1.1")
        async throws -> Response
    {
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        return try await exchange("\(method) \(target) \(version)\r\n\(hostLine)Connection: close\r\n\r\n")
    }

    /// Sends `text` as it is, in one piece, and reads the whole response (at most 15 s).
    func exchange(_ text: String, method: String = "GET") async throws -> Response {
        try await offCooperativePool { try exchangeNow(text, method: method) }
    }

    /// Opens a connection, sends `text` (nothing when empty) and waits until the server closes it: the
    /// seconds that took, or nil when it is still open after `limit` seconds. `trickle`: meanwhile
    /// sends one more byte ("a") every 200 ms, as a client that sends its request very slowly.
    func secondsUntilClosed(after text: String, trickle: Bool = false, limit: Double) async throws -> Double? {
        try await offCooperativePool {
            let connection = try Connection(port: port)
            defer { connection.close() }
            let start = Date()
            if !text.isEmpty { try connection.send(text) }
            var lastSent = start
            while Date().timeIntervalSince(start) < limit {
                if case .closed = connection.receive() { return Date().timeIntervalSince(start) }
                if trickle, Date().timeIntervalSince(lastSent) >= 0.2 {
                    try? connection.send("a")
                    lastSent = Date()
                }
            }
            return nil
        }
    }

    /// Opens `count` connections that send nothing, for `hold`, and closes them when it returns.
    func holding<T: Sendable>(_ count: Int, _ hold: () async throws -> T) async throws -> T {
        let connections = try await offCooperativePool { try (0..<count).map { _ in try Connection(port: port) } }
        defer { connections.forEach { $0.close() } }
        return try await hold()
    }

    private func requestNow(_ target: String, method: String) throws -> Response {
        try exchangeNow("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", method: method)
    }

    private func exchangeNow(_ text: String, method: String) throws -> Response {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try connection.send(text)
        let target = text.prefix(80)
        // 15 s: a whole `swift test` on two cores can keep the server's threads busy with other suites
        // for seconds at a time (a first request once went unanswered for 5 s after a 37 s start).
        let deadline = Date().addingTimeInterval(15)
        var received: [UInt8] = []
        // At most 150 idle reads of 100 ms, and 15 s in all.
        var idle = 0
        while Date() < deadline, idle < 150 {
            if let response = try Self.parse(received, method: method) { return response }
            switch connection.receive() {
            case .bytes(let bytes): received += bytes
            case .timeout: idle += 1
            case .closed:
                if let response = try Self.parse(received, method: method) { return response }
                throw Failure(description: "the connection closed after \(received.count) bytes")
            }
        }
        throw Failure(description: "no complete response in time for \(target)")
    }

    /// The response, once its headers and `Content-Length` bytes of body have arrived.
    private static func parse(_ bytes: [UInt8], method: String) throws -> Response? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = head[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw Failure(description: "not an HTTP status line: \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body = Array(bytes[(end + separator.count)...])
        let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        guard body.count >= length else { return nil }
        return Response(status: status, headers: headers, body: Array(body.prefix(length)))
    }
}

/// A server-sent events stream being read.
final class EventStream: @unchecked Sendable {
    // Only one test task reads it at a time; the lock makes that safe to rely on.
    private let lock = NSLock()
    private let connection: Connection
    private var received: [UInt8] = []

    fileprivate init(connection: Connection) { self.connection = connection }

    /// Everything received so far, as text.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads until the stream holds `needle` `count` times: at most 100 reads of 100 ms.
    func waitFor(_ needle: String, count: Int = 1) async -> Bool {
        await offCooperativePool { [self] in
            lock.lock()
            defer { lock.unlock() }
            for _ in 0..<100 {
                if String(decoding: received, as: UTF8.self).components(separatedBy: needle).count - 1 >= count {
                    return true
                }
                switch connection.receive() {
                case .bytes(let bytes): received += bytes
                case .timeout: continue
                case .closed: return false
                }
            }
            return false
        }
    }

    /// Closes the connection.
    func close() { connection.close() }
}

/// A TCP connection to 127.0.0.1 whose reads give up after 100 ms.
private final class Connection: @unchecked Sendable {
    enum Read {
        case bytes([UInt8])
        case timeout
        case closed
    }

    private let descriptor: Int32

    init(port: UInt16) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw LoopbackClient.Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            systemClose(descriptor)
            throw LoopbackClient.Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { systemSend(descriptor, $0) }
        guard sent == bytes.count else { throw LoopbackClient.Failure(description: "send() failed") }
    }

    func receive() -> Read {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .bytes(Array(buffer[..<count])) }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .timeout }
        return .closed
    }

    func close() { systemClose(descriptor) }
}

// close(2) and send(2), named apart from the methods called `close` and `send`.
private func systemClose(_ descriptor: Int32) { _ = close(descriptor) }

private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    // MSG_NOSIGNAL: a server that refuses a request before reading all of it must not kill the tests.
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}

/// Runs blocking work on a Dispatch thread and waits for it without blocking a cooperative thread.
func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// The same for work that cannot fail.
func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}
