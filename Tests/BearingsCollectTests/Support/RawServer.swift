import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare HTTP/1.1 server on a free port of 127.0.0.1, on plain sockets, for the answers a framework
/// will not send: a body dribbled a byte a second, a body of tens of MiB streamed without a length, a
/// gzip bomb, a redirect with any `Location`. Each connection reads the request head, hands it to
/// `respond` with a way to write bytes, and closes; every head is kept.
final class RawServer: @unchecked Sendable {
    /// Writes bytes to the client; false once the client has gone (the answer should stop there).
    typealias Writer = @Sendable ([UInt8]) -> Bool

    /// One request as the server saw it: the request line and the headers, names in lower case.
    struct Seen: Sendable, Equatable {
        var line: String
        var headers: [String: String]
    }

    let port: UInt16
    private let socket: Int32
    private let respond: @Sendable (Seen, Writer) -> Void
    private let lock = NSLock()
    private var requests: [Seen] = []
    private var open: Set<Int32> = []

    /// Listens at once; `respond(request, write)` answers each request on a thread of its own.
    init(respond: @escaping @Sendable (Seen, Writer) -> Void) throws {
        self.respond = respond
        #if canImport(Glibc)
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        socket = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The requests seen so far, in the order they arrived.
    var seen: [Seen] { lock.withLock { requests } }

    /// `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:\(port)" }

    /// Stops listening and ends every connection still open; waits until no thread accepts any more,
    /// so the next server cannot be handed this one's socket number while it still listens on it.
    func stop() {
        guard
            lock.withLock({ () -> Bool in
                defer { stopped = true }; return !stopped
            })
        else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        acceptEnded.wait()
        close(socket)
        let connections = lock.withLock { open }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    private var stopped = false
    private let acceptEnded = DispatchSemaphore(value: 0)

    private func acceptLoop() {
        defer { acceptEnded.signal() }
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            guard !lock.withLock({ stopped }) else {
                close(connection)
                return
            }
            lock.withLock { _ = open.insert(connection) }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer {
            lock.withLock { _ = open.remove(connection) }
            close(connection)
        }
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            let count = read(connection, &buffer, 1)
            guard count > 0, head.count < 65_536 else { return }
            head.append(buffer[0])
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        let request = Seen(line: lines.first ?? "", headers: headers)
        lock.withLock { requests.append(request) }
        respond(request) { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes {
                    send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }
    }

    /// An answer's head: the status line, `headers`, `Connection: close`, and the blank line.
    static func head(_ status: String, _ headers: [String: String] = [:]) -> [UInt8] {
        let fields = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\r\n" }.joined()
        return Array("HTTP/1.1 \(status)\r\n\(fields)Connection: close\r\n\r\n".utf8)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
