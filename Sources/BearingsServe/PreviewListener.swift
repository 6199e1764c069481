import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP/1.1 listener: FlyingSocks' sockets and event loop, FlyingFox's request and
/// response types, and its own accept loop and request reading.
///
/// Why not FlyingFox's `HTTPServer` (0.27.1): its connection handling cannot be replaced or configured
/// (`HTTPConnection` and `HTTPDecoder` are internal), and it reads a request line in time quadratic in
/// its length with no limit, waits for a request forever, and ends its accept loop (the server stops
/// listening for good) at the first failing `accept`, such as EMFILE when the process is out of file
/// descriptors. Patching it would mean vendoring a fork; this file is about as small as the patch, and
/// keeps the package as the mirror has it.
actor PreviewListener {
    /// Answers one request; the listener has already checked its head and its `Host`.
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private let socket: Socket
    private let pool: any AsyncSocketPool
    private let handler: Handler
    private let hosts: HostCheck
    private let idleTimeout: Duration
    private let exhausted: @Sendable () -> Void
    private var poolTask: Task<Void, Never>?
    private var acceptTask: Task<Void, Never>?
    /// Open connections, and which of them wait for a request (those a stop closes at once).
    private var connections: [Int: Task<Void, Never>] = [:]
    private var waiting: Set<Int> = []
    private var nextID = 0
    private var lastExhausted: ContinuousClock.Instant?

    /// Binds `address`:`port` and listens; throws FlyingSocks' `SocketError` when it cannot.
    /// `idleTimeout`: how long a connection may take to send a request's head, counted from when the
    /// listener starts waiting for it, and how long one write may wait for the client to read.
    /// `exhausted` is called when `accept` fails for lack of file descriptors (at most once a minute).
    init(
        address: ListenAddress, port: UInt16, idleTimeout: Duration, exhausted: @escaping @Sendable () -> Void,
        handler: @escaping Handler
    ) throws {
        let socket: Socket
        switch address {
        case .ip4(let ip):
            socket = try Socket(domain: AF_INET)
            try Self.bind(socket, to: sockaddr_in.inet(ip4: ip, port: port))
        case .ip6(let ip):
            socket = try Socket(domain: AF_INET6)
            try Self.bind(socket, to: sockaddr_in6.inet6(ip6: ip, port: port))
        }
        self.socket = socket
        self.pool = HTTPServer.defaultPool()
        self.handler = handler
        self.hosts = HostCheck(bound: address)
        self.idleTimeout = idleTimeout
        self.exhausted = exhausted
    }

    private static func bind(_ socket: Socket, to address: some SocketAddress) throws {
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
        } catch {
            try? socket.close()
            throw error
        }
        try socket.listen()  // closes the socket itself when it fails
    }

    /// The port it listens on.
    nonisolated var port: UInt16? {
        switch try? socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    /// Starts the event loop and the accept loop.
    func start() async throws {
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let pool = self.pool
        poolTask = Task { try? await pool.run() }
        acceptTask = Task { await self.acceptLoop(listening) }
    }

    /// Stops accepting, closes connections waiting for a request at once, gives the others `grace` to
    /// finish their responses, then closes them too.
    func stop(grace: Duration) async {
        acceptTask?.cancel()
        await acceptTask?.value
        acceptTask = nil
        try? socket.close()
        let deadline = ContinuousClock.now + grace
        while !connections.isEmpty, ContinuousClock.now < deadline {
            // Also those whose response finished meanwhile (the live-reload streams end as the preview stops).
            for id in waiting { connections[id]?.cancel() }
            try? await Task.sleep(for: .milliseconds(10))
        }
        for task in connections.values { task.cancel() }
        while !connections.isEmpty { try? await Task.sleep(for: .milliseconds(10)) }
        poolTask?.cancel()
        await poolTask?.value
        poolTask = nil
    }

    // MARK: Accepting

    /// Accepts until cancelled. Out of file descriptors (EMFILE, ENFILE) or kernel memory, it waits,
    /// 50 ms doubling to 1 s, and tries again: a connection that closes frees a descriptor, and the
    /// ones waiting meanwhile stay in the kernel's queue. Any other failure (a client that gave up
    /// before it was accepted) is retried after 50 ms. It never stops listening on its own.
    private func acceptLoop(_ listening: AsyncSocket) async {
        var pause: Duration = .milliseconds(50)
        while !Task.isCancelled {
            do {
                let client = try await listening.accept()
                pause = .milliseconds(50)
                open(client)
            } catch SocketError.failed(_, let code, _) where [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code) {
                if lastExhausted.map({ ContinuousClock.now - $0 > .seconds(60) }) ?? true {
                    lastExhausted = .now
                    exhausted()
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(1))
            } catch {
                if Task.isCancelled { return }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func open(_ client: AsyncSocket) {
        let id = nextID
        nextID += 1
        waiting.insert(id)
        connections[id] = Task {
            await self.serve(client, id: id)
            try? client.close()
            self.closed(id)
        }
    }

    private func closed(_ id: Int) {
        connections[id] = nil
        waiting.remove(id)
    }

    private func setWaiting(_ id: Int, _ isWaiting: Bool) {
        if isWaiting { waiting.insert(id) } else { waiting.remove(id) }
    }

    // MARK: One connection

    /// Reads requests and answers them, one after another, until the client closes the connection,
    /// asks to, is refused, or is idle for `idleTimeout`.
    private nonisolated func serve(_ client: AsyncSocket, id: Int) async {
        var reader = RequestHeadReader()
        var local: ListenAddress?
        if case .some(let address) = try? client.socket.sockname() {
            switch address {
            case .ip4(let ip, _): local = .ip4(ip)
            case .ip6(let ip, _): local = .ip6(ip)
            case .unix: local = nil
            }
        }
        while !Task.isCancelled {
            await setWaiting(id, true)
            let deadline = ContinuousClock.now + idleTimeout
            var outcome = reader.feed([])
            while outcome == .needMore {
                guard let bytes = try? await within(deadline, { try await client.read(atMost: 16_384) }) else {
                    return  // idle too long, closed by the client, or stopping
                }
                outcome = reader.feed(bytes)
            }
            await setWaiting(id, false)
            let head: RequestHead
            switch outcome {
            case .needMore: return
            case .refused(let refusal):
                await refuse(client, status: refusal.status, reason: refusal.reason)
                return
            case .head(let read): head = read
            }
            let hostValues = head.values("host")
            switch hosts.verdict(for: hostValues, local: local) {
            case .allowed: break
            case .missing where head.version == "HTTP/1.0": break
            case .missing:
                return await refuse(client, status: 400, reason: "an HTTP/1.1 request must name its Host")
            case .malformed:
                return await refuse(
                    client, status: 400,
                    reason: "the Host must appear once, as a host name or address and an optional port")
            case .misdirected:
                return await refuse(
                    client, status: 421,
                    reason: "this preview answers only requests for localhost, a loopback address or \(hosts.bound)")
            }
            // The preview takes no bodies: a request with one is answered, and the connection closed
            // (with what is left unread drained), as its body cannot be told from a next request.
            let lengths = head.values("content-length")
            let hasBody = !head.values("transfer-encoding").isEmpty || lengths.contains { $0 != "0" }
            let keepAlive = head.keepsAlive && !hasBody
            let response = await handler(Self.request(head))
            guard await send(response, to: client, keepAlive: keepAlive) else { return }
            if hasBody { return await drain(client) }
            if !keepAlive { return }
        }
    }

    /// FlyingFox's request for a head, with an empty body.
    private static func request(_ head: RequestHead) -> HTTPRequest {
        var headers = HTTPHeaders()
        for (name, value) in head.headers { headers.addValue(value, for: HTTPHeader(name)) }
        let parts = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(
            method: HTTPMethod(head.method), version: HTTPVersion(head.version),
            target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
            headers: headers, body: HTTPBodySequence())
    }

    /// Answers with `status` and one line of plain text, then closes the connection.
    private nonisolated func refuse(_ client: AsyncSocket, status: Int, reason: String) async {
        let phrase = Self.phrases[status] ?? "Bad Request"
        let body = Data("\(status) \(phrase): \(reason)\n".utf8)
        let response = HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: phrase),
            headers: [.contentType: "text/plain; charset=utf-8", HTTPHeader("X-Content-Type-Options"): "nosniff"],
            body: body)
        guard await send(response, to: client, keepAlive: false) else { return }
        await drain(client)
    }

    private static let phrases = [
        400: "Bad Request", 414: "URI Too Long", 421: "Misdirected Request",
        431: "Request Header Fields Too Large", 505: "HTTP Version Not Supported",
    ]

    /// Ends the sending side and reads what the client still sends, for at most a second and 1 MiB,
    /// so that closing with unread bytes does not reset the connection before the client has read
    /// the response.
    private nonisolated func drain(_ client: AsyncSocket) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(1)
        var drained = 0
        while drained < 1 << 20,
            let bytes = try? await within(deadline, { try await client.read(atMost: 16_384) })
        {
            drained += bytes.count
        }
    }

    /// Writes the response; false when the client is gone or did not read it within `idleTimeout`.
    private nonisolated func send(_ response: HTTPResponse, to client: AsyncSocket, keepAlive: Bool) async -> Bool {
        guard case .httpBody(let body) = response.payload else { return false }
        var headers = response.headers
        if let count = body.count {
            if headers[.contentLength] == nil { headers[.contentLength] = String(count) }
        } else {
            headers[.transferEncoding] = "chunked"
        }
        headers[.connection] = keepAlive ? nil : "close"
        var head = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            head += "\(name.rawValue): \(value)\r\n"
        }
        head += "\r\n"
        do {
            try await write(Data(head.utf8), to: client)
            if body.count != nil {
                for try await chunk in body { try await write(chunk, to: client) }
            } else {
                // Chunked (RFC 9112 §7.1): each event of the live-reload stream is sent as it comes.
                for try await chunk in body where !chunk.isEmpty {
                    var framed = Data(String(chunk.count, radix: 16).utf8 + [13, 10])
                    framed.append(chunk)
                    framed.append(contentsOf: [13, 10])
                    try await write(framed, to: client)
                }
                try await write(Data("0\r\n\r\n".utf8), to: client)
            }
            return true
        } catch {
            return false
        }
    }

    private nonisolated func write(_ data: Data, to client: AsyncSocket) async throws {
        try await within(.now + idleTimeout) { try await client.write(data) }
    }
}

/// Passed a deadline.
struct DeadlinePassed: Error {}

/// Runs `work` and returns its result, or throws `DeadlinePassed` at `deadline` and cancels it.
func within<T: Sendable>(
    _ deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
        return value
    }
}
