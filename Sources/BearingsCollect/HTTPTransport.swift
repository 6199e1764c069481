import BearingsKit
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
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeout: Double

    /// A transport whose every request gives up after `timeout` seconds.
    public init(timeout: Double) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func get(_ url: String, headers: [String: String]) async -> Result<CollectAnswer, CollectFailure> {
        guard let target = URL(string: url) else { return .failure(CollectFailure("'\(url)' is not a URL")) }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let timeout = self.timeout
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(returning: .failure(Self.failure(for: error, timeout: timeout)))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(returning: .failure(CollectFailure("the answer is not HTTP")))
                    return
                }
                var fields: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { fields[name] = value }
                }
                continuation.resume(
                    returning: .success(
                        CollectAnswer(status: http.statusCode, headers: fields, body: Array(data ?? Data()))))
            }
            task.resume()
        }
    }

    public func post(_ url: String, headers: [String: String], body: [UInt8]) async -> Result<
        CollectAnswer, CollectFailure
    > {
        guard let target = URL(string: url) else { return .failure(CollectFailure("'\(url)' is not a URL")) }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let timeout = self.timeout
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(returning: .failure(Self.failure(for: error, timeout: timeout)))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(returning: .failure(CollectFailure("the answer is not HTTP")))
                    return
                }
                var fields: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { fields[name] = value }
                }
                continuation.resume(
                    returning: .success(
                        CollectAnswer(status: http.statusCode, headers: fields, body: Array(data ?? Data()))))
            }
            task.resume()
        }
    }

    /// Why a request got no answer, without the URL's user name or password (the URL is shown apart).
    static func failure(for error: any Error, timeout: Double) -> CollectFailure {
        if let error = error as? URLError {
            switch error.code {
            case .timedOut: return CollectFailure("no answer within \(RetryPolicy.seconds(timeout)) (--timeout)")
            case .cannotConnectToHost: return CollectFailure("could not connect")
            case .cannotFindHost, .dnsLookupFailed: return CollectFailure("the host name could not be looked up")
            case .notConnectedToInternet, .networkConnectionLost: return CollectFailure("the network is not there")
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
                return CollectFailure("the TLS connection failed")
            default: return CollectFailure("the request failed (URL error \(error.code.rawValue))")
            }
        }
        return CollectFailure("the request failed")
    }
}
