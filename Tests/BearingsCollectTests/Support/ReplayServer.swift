import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox server on 127.0.0.1 that answers with recorded answers, and remembers every request.
actor ReplayServer {
    /// How to answer a path: status, headers, body, and how long to take.
    struct Answer: Sendable {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var delay: Double = 0
    }

    /// One request as the server saw it.
    struct Seen: Sendable, Equatable {
        var target: String
        var authorization: String?
        var userAgent: String?
        /// ClickHouse's password header, which must never reach another service.
        var clickHouseKey: String? = nil
    }

    private let routes: @Sendable (String, Int) -> Answer
    private var server: HTTPServer?
    private var task: Task<Void, Never>?
    private var counts: [String: Int] = [:]
    private(set) var seen: [Seen] = []
    private(set) var port: UInt16 = 0

    /// `routes(path, n)` answers the n-th request (1-based) for a path.
    init(routes: @escaping @Sendable (String, Int) -> Answer) { self.routes = routes }

    /// Starts listening on a free port of 127.0.0.1.
    func start() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        await server.appendRoute("*") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.respond(to: request)
        }
        self.server = server
        task = Task { try? await server.run() }
        for _ in 0..<250 {
            if await server.isListening, let address = await server.listeningAddress,
                case .ip4(_, let port) = address
            {
                self.port = port
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CancellationError()
    }

    /// Stops listening.
    func stop() async {
        await server?.stop(timeout: 0.5)
        task?.cancel()
        await task?.value
    }

    /// The requests seen, in the order they arrived, by target.
    var targets: [String] { seen.map(\.target) }

    private func respond(to request: HTTPRequest) async -> HTTPResponse {
        let path = request.path
        counts[path, default: 0] += 1
        seen.append(
            Seen(
                target: request.target.rawValue, authorization: request.headers[HTTPHeader("Authorization")],
                userAgent: request.headers[HTTPHeader("User-Agent")],
                clickHouseKey: request.headers[HTTPHeader("X-ClickHouse-Key")]))
        let answer = routes(path, counts[path] ?? 1)
        if answer.delay > 0 { try? await Task.sleep(for: .milliseconds(Int(answer.delay * 1000))) }
        var headers = HTTPHeaders()
        headers[.contentType] = "application/json; charset=utf-8"
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(
            statusCode: HTTPStatusCode(answer.status, phrase: "Recorded"), headers: headers, body: Data(answer.body))
    }
}
