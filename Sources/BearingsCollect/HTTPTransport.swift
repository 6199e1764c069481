import BearingsKit
import Dispatch
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request and gives back the answer, or why there is none (no connection, a timeout).
public protocol HTTPTransport: Sendable {
    /// GETs `url` with `headers`.
    func get(_ url: String, headers: [String: String]) async -> Result<CollectAnswer, CollectFailure>
    /// POSTs `body` to `url` with `headers` (ClickHouse's HTTP interface takes the SQL so).
    func post(_ url: String, headers: [String: String], body: [UInt8]) async -> Result<CollectAnswer, CollectFailure>
}

/// `HTTPTransport` through Foundation's `URLSession`: no HTTP dependency beyond the toolchain.
///
/// Every exchange is bounded, whatever the method (one private core, `send`, carries them all):
/// - it ends within `timeout` seconds, redirects and body included, however slowly the body comes;
/// - an answer whose body is larger than `maximumAnswerBytes` once decoded (gzip and the other
///   encodings libcurl decodes), or whose `Content-Length` says so, is refused while it streams (a
///   redirect's body is the exception: `URLSession` on Linux reads it itself, without handing it on,
///   so only the deadline ends it);
/// - at most `maximumRedirects` redirects are followed, each only to http or https; a redirect to
///   another scheme, host or port goes without the `credentialHeaders` (`Authorization`, ClickHouse's
///   `X-ClickHouse-Key`, …) and any user name or password in its URL (`URLSession` on Linux would send them all on).
public final class URLSessionTransport: HTTPTransport {
    /// The most bytes of one answer read, decoded: 8 MiB (the largest answer a source reads is a few KiB).
    public static let maximumAnswerBytes = 8 * 1024 * 1024
    /// The most redirects one request follows.
    public static let maximumRedirects = 5

    private let session: URLSession
    private let exchanges: Exchanges
    private let timeout: Double

    /// A transport whose every exchange gives up after `timeout` seconds.
    public init(timeout: Double) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's own timers count whole seconds (0.5 would be 0 on Linux) and restart with each
        // piece of the body; they stay as a backstop, and `Exchanges` keeps the real deadline.
        let backstop = max(1, timeout.rounded(.up))
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        // One delegate queue, one operation at a time: every callback, and every cancellation, runs
        // there in turn (see `Exchanges`).
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        exchanges = Exchanges(queue: queue)
        session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: queue)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func get(_ url: String, headers: [String: String]) async -> Result<CollectAnswer, CollectFailure> {
        await send(method: "GET", url: url, headers: headers, body: nil)
    }

    /// The one way a request goes out, whatever its method: through `Exchanges`, which keeps the
    /// deadline, the size limit and the redirect policy.
    private func send(method: String, url: String, headers: [String: String], body: [UInt8]?) async -> Result<
        CollectAnswer, CollectFailure
    > {
        guard let target = URL(string: url), let origin = Origin(target) else {
            return .failure(CollectFailure("'\(CollectBases.shown(url))' is not an http or https URL"))
        }
        var request = URLRequest(
            url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: max(1, timeout.rounded(.up)))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let timeout = self.timeout
        return await withCheckedContinuation { continuation in
            exchanges.start(
                session.dataTask(with: request), origin: origin, timeout: timeout, continuation: continuation)
        }
    }

    public func post(_ url: String, headers: [String: String], body: [UInt8]) async -> Result<
        CollectAnswer, CollectFailure
    > {
        await send(method: "POST", url: url, headers: headers, body: body)
    }

    /// Why a request got no answer, without the URL's user name or password (the URL is shown apart).
    static func failure(for error: any Error, timeout: Double) -> CollectFailure {
        if let error = error as? URLError {
            switch error.code {
            case .timedOut: return timedOut(timeout)
            case .cannotConnectToHost: return CollectFailure("could not connect")
            case .cannotFindHost, .dnsLookupFailed: return CollectFailure("the host name could not be looked up")
            case .notConnectedToInternet, .networkConnectionLost: return CollectFailure("the network is not there")
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
                return CollectFailure("the TLS connection failed")
            case .httpTooManyRedirects: return tooManyRedirects
            case .dataLengthExceedsMaximum: return tooLarge
            default: return CollectFailure("the request failed (URL error \(error.code.rawValue))")
            }
        }
        return CollectFailure("the request failed")
    }

    static func timedOut(_ timeout: Double) -> CollectFailure {
        CollectFailure("no answer within \(RetryPolicy.seconds(timeout)) (--timeout)")
    }

    static let tooLarge = CollectFailure(
        "the answer is larger than \(maximumAnswerBytes / 1024 / 1024) MiB, the most Bearings reads")

    static let tooManyRedirects = CollectFailure("too many redirects (more than \(maximumRedirects))")
}

/// Where credentials may go: a URL's scheme, host and port (the scheme's own when none is given).
struct Origin: Equatable {
    var scheme: String
    var host: String
    var port: Int

    /// The URL's origin; nil unless it is an http or https URL with a host.
    init?(_ url: URL) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}

/// The exchanges in flight and `URLSession`'s delegate for them: gathers each body up to the limit,
/// decides each redirect, and ends each exchange at its deadline.
///
/// Every callback runs on the session's one-at-a-time delegate queue, and so does every cancellation
/// (the watch goes through it too): `URLSession` on Linux stops with a fatal error when a task it
/// cancelled is then handed back from a redirect, so a redirect's completion handler is called only
/// while its exchange is still open, and a task is cancelled only from that queue.
final class Exchanges: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Continuation = CheckedContinuation<Result<CollectAnswer, CollectFailure>, Never>

    private struct Exchange {
        var task: URLSessionTask
        var origin: Origin
        var timeout: Double
        var deadline: DispatchTime
        var continuation: Continuation
        var watch: any DispatchSourceTimer
        var redirects = 0
        var body: [UInt8] = []
    }

    private let queue: OperationQueue
    private let lock = NSLock()
    private var open: [Int: Exchange] = [:]

    init(queue: OperationQueue) { self.queue = queue }

    /// Starts `task`; its answer, or why there is none, goes to `continuation` within `timeout` seconds.
    func start(_ task: URLSessionDataTask, origin: Origin, timeout: Double, continuation: Continuation) {
        let id = task.taskIdentifier
        let watch = DispatchSource.makeTimerSource(queue: .global())
        watch.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
        watch.setEventHandler { [weak self] in
            guard let self else { return }
            queue.addOperation { self.check(id) }
        }
        let exchange = Exchange(
            task: task, origin: origin, timeout: timeout,
            deadline: .now() + .nanoseconds(Int(min(timeout, 86_400) * 1_000_000_000)), continuation: continuation,
            watch: watch)
        lock.withLock { open[id] = exchange }
        watch.resume()
        task.resume()
    }

    /// The watch, every 50 ms on the delegate queue: ends the exchange at its deadline.
    private func check(_ id: Int) {
        guard let exchange = lock.withLock({ open[id] }), DispatchTime.now() >= exchange.deadline else { return }
        finish(id, .failure(URLSessionTransport.timedOut(exchange.timeout)), cancel: true)
    }

    /// Ends the exchange once: stops its watch, hands over `result`, and cancels its task if asked.
    private func finish(_ id: Int, _ result: Result<CollectAnswer, CollectFailure>, cancel: Bool) {
        guard let exchange = lock.withLock({ open.removeValue(forKey: id) }) else { return }
        exchange.watch.cancel()
        exchange.continuation.resume(returning: result)
        if cancel { exchange.task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(URLSessionTransport.maximumAnswerBytes) {
            finish(dataTask.taskIdentifier, .failure(URLSessionTransport.tooLarge), cancel: true)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let fits: Bool? = lock.withLock {
            guard let count = open[id]?.body.count else { return nil }
            guard count + data.count <= URLSessionTransport.maximumAnswerBytes else { return false }
            open[id]?.body.append(contentsOf: data)
            return true
        }
        if fits == false { finish(id, .failure(URLSessionTransport.tooLarge), cancel: true) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let id = task.taskIdentifier
        // An exchange already finished had its task cancelled: handing the request back now would stop
        // the process (see the type's comment).
        guard let exchange = lock.withLock({ open[id] }) else { return }
        let redirects = exchange.redirects + 1
        lock.withLock { open[id]?.redirects = redirects }
        guard redirects <= URLSessionTransport.maximumRedirects else {
            finish(id, .failure(URLSessionTransport.tooManyRedirects), cancel: false)
            completionHandler(nil)
            return
        }
        guard let url = request.url, let origin = Origin(url) else {
            finish(id, .failure(CollectFailure("redirected to a URL that is not http or https")), cancel: false)
            completionHandler(nil)
            return
        }
        completionHandler(origin == exchange.origin ? request : Self.withoutCredentials(request))
    }

    /// The headers that carry credentials: HTTP's own, and ClickHouse's (`X-ClickHouse-User` and
    /// `X-ClickHouse-Key`, which `collect --history` sends to a private cluster).
    static let credentialHeaders = [
        "Authorization", "Proxy-Authorization", "Cookie", "X-ClickHouse-User", "X-ClickHouse-Key",
    ]

    /// `request` without anything that could be a credential: the headers that carry them, and the
    /// user name and password of its URL.
    static func withoutCredentials(_ request: URLRequest) -> URLRequest {
        var request = request
        for name in credentialHeaders { request.setValue(nil, forHTTPHeaderField: name) }
        if let url = request.url, var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            components.user != nil || components.password != nil
        {
            components.user = nil
            components.password = nil
            if let stripped = components.url { request.url = stripped }
        }
        return request
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let id = task.taskIdentifier
        guard let exchange = lock.withLock({ open[id] }) else { return }
        if let error {
            finish(id, .failure(URLSessionTransport.failure(for: error, timeout: exchange.timeout)), cancel: false)
            return
        }
        guard let http = task.response as? HTTPURLResponse else {
            finish(id, .failure(CollectFailure("the answer is not HTTP")), cancel: false)
            return
        }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        finish(
            id, .success(CollectAnswer(status: http.statusCode, headers: fields, body: exchange.body)), cancel: false)
    }
}
