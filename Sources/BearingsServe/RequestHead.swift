/// The start of an HTTP/1.1 request: its request line and headers (RFC 9112 §2–§5). The preview never
/// reads a body.
struct RequestHead: Equatable, Sendable {
    /// The method, such as `GET`.
    var method: String
    /// The request target as sent, such as `/metrics/?x=1`.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// The header fields in the order sent, names as sent.
    var headers: [(name: String, value: String)]

    /// The values of every field named `name` (case-insensitive).
    func values(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name }.map(\.value)
    }

    /// Whether the connection may carry another request after this one's response.
    var keepsAlive: Bool {
        guard version == "HTTP/1.1" else { return false }
        let tokens = values("connection").flatMap { $0.split(separator: ",") }
        return !tokens.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" }
    }

    static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}

/// Why a request head is refused before it is answered: the status, and one line saying why.
struct HeadRefusal: Equatable, Sendable, Error {
    /// 400, 414, 431 or 505.
    var status: Int
    /// The reason, without the status.
    var reason: String

    static let lineTooLong = HeadRefusal(
        status: 414, reason: "a request line may hold at most \(RequestHeadReader.maxLineBytes) bytes")
    static let headerTooLong = HeadRefusal(
        status: 431, reason: "a header line may hold at most \(RequestHeadReader.maxLineBytes) bytes")
    static let headersTooLarge = HeadRefusal(
        status: 431, reason: "the headers may hold at most \(RequestHeadReader.maxHeaderBytes) bytes")
    static let tooManyHeaders = HeadRefusal(
        status: 431, reason: "a request may have at most \(RequestHeadReader.maxHeaderCount) headers")
    static func malformed(_ reason: String) -> HeadRefusal { HeadRefusal(status: 400, reason: reason) }
}

/// Reads request heads from the bytes of a connection as they arrive. Each byte is looked at once, so
/// the time is linear in the number of bytes, and a line or a head over its limit is refused as soon
/// as it is over, without waiting for its end. (FlyingFox 0.27.1 looks for the end of a line again
/// after every byte, in time quadratic in the line's length, and has no limits.)
struct RequestHeadReader: Sendable {
    /// The most bytes a request line or a header line may hold, without its CRLF.
    static let maxLineBytes = 8192
    /// The most bytes the header lines may hold together, line ends included.
    static let maxHeaderBytes = 32768
    /// The most header lines a request may have.
    static let maxHeaderCount = 100

    /// What the bytes so far make.
    enum Outcome: Equatable, Sendable {
        /// The head is not complete yet.
        case needMore
        /// A complete head; the bytes after it stay in the reader for the next request.
        case head(RequestHead)
        /// The head is over a limit or not HTTP; the connection is answered with this and closed.
        case refused(HeadRefusal)
    }

    /// Bytes received and not yet taken by a complete head.
    private var buffer: [UInt8] = []
    /// How many bytes of `buffer` have been looked at.
    private var scanned = 0
    /// Where the line being read starts.
    private var lineStart = 0
    /// Where the header lines start, once the request line has been read.
    private var headerStart: Int?
    /// The lines read so far, without their line ends.
    private var lines: [Range<Int>] = []

    /// Whether bytes of a next request have arrived.
    var hasPendingBytes: Bool { !buffer.isEmpty }

    /// Adds `bytes` and reads on; call with no bytes to read what is left from the previous head.
    mutating func feed(_ bytes: [UInt8]) -> Outcome {
        buffer += bytes
        let newline = UInt8(ascii: "\n")
        while scanned < buffer.count {
            // The next line end, looked for from where the last search stopped.
            guard let end = buffer[scanned...].firstIndex(of: newline) else {
                scanned = buffer.count
                // A CR may precede the LF that has not come yet.
                if scanned - lineStart > Self.maxLineBytes + 1 { return .refused(overLongLine) }
                return overHeaderBytes(upTo: scanned) ? .refused(.headersTooLarge) : .needMore
            }
            scanned = end + 1
            var line = lineStart..<end
            if line.upperBound > line.lowerBound, buffer[line.upperBound - 1] == UInt8(ascii: "\r") {
                line = line.lowerBound..<(line.upperBound - 1)
            }
            lineStart = scanned
            if line.count > Self.maxLineBytes { return .refused(overLongLine) }
            if overHeaderBytes(upTo: scanned) { return .refused(.headersTooLarge) }
            if headerStart == nil {
                // A few empty lines before a request line are ignored (RFC 9112 §2.2).
                if line.isEmpty {
                    if scanned > 8 { return .refused(.malformed("the request starts with empty lines")) }
                    continue
                }
                lines = [line]
                headerStart = scanned
                continue
            }
            if line.isEmpty { return finish() }
            if lines.count - 1 == Self.maxHeaderCount { return .refused(.tooManyHeaders) }
            lines.append(line)
        }
        return .needMore
    }

    private var overLongLine: HeadRefusal { headerStart == nil ? .lineTooLong : .headerTooLong }

    private func overHeaderBytes(upTo end: Int) -> Bool {
        guard let headerStart else { return false }
        return end - headerStart > Self.maxHeaderBytes
    }

    /// Makes the head of the lines read, and keeps the bytes after it.
    private mutating func finish() -> Outcome {
        let text = lines.map { String(decoding: buffer[$0], as: UTF8.self) }
        buffer.removeFirst(scanned)
        scanned = 0
        lineStart = 0
        headerStart = nil
        lines = []
        do {
            return .head(try Self.parse(text))
        } catch {
            return .refused(error)
        }
    }

    /// The request line and header lines, checked as RFC 9112 asks of a server.
    static func parse(_ lines: [String]) throws(HeadRefusal) -> RequestHead {
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenCharacter) else {
            throw .malformed("the request line must be a method, a target and a version, one space apart")
        }
        let version = String(parts[2])
        guard version.hasPrefix("HTTP/") else { throw .malformed("the request line must end in HTTP/1.1") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw HeadRefusal(status: 505, reason: "this preview speaks HTTP/1.1 and HTTP/1.0")
        }
        // Only the origin form: an absolute target would name its own host, past the Host check.
        guard parts[1].hasPrefix("/") else { throw .malformed("the request target must start with '/'") }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("a header line has no ':'") }
            let name = line[..<colon]
            // No whitespace before the colon, nor a line folded onto the one before (RFC 9112 §5.1–§5.2).
            guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else {
                throw .malformed("a header name must be a token, with nothing before its ':'")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            headers.append((String(name), value))
        }
        return RequestHead(method: String(parts[0]), target: String(parts[1]), version: version, headers: headers)
    }

    /// RFC 9110 §5.6.2's tchar.
    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else { return false }
        if character.isLetter || character.isNumber { return true }
        return "!#$%&'*+-.^_`|~".utf8.contains(ascii)
    }
}
