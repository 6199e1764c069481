import Testing

@testable import BearingsServe

/// The request-head reader alone, fed the bytes of a connection as they might arrive.
struct RequestHeadTests {
    private func feed(_ text: String, _ reader: inout RequestHeadReader) -> RequestHeadReader.Outcome {
        reader.feed(Array(text.utf8))
    }

    @Test func readsAHeadSentAByteAtATimeAndKeepsTheNextRequestsBytes() {
        var reader = RequestHeadReader()
        let text = "\r\nGET /a?b=1 HTTP/1.1\r\nHost: x:80\r\nAccept:  text/html \r\n\r\nGET /next"
        var outcomes: [RequestHeadReader.Outcome] = []
        for byte in text.utf8 { outcomes.append(reader.feed([byte])) }
        let expected = RequestHead(
            method: "GET", target: "/a?b=1", version: "HTTP/1.1", headers: [("Host", "x:80"), ("Accept", "text/html")])
        #expect(outcomes.filter { $0 != .needMore } == [.head(expected)])
        // The head ends with the 58th byte (2 + 21 + 12 + 21 + 2); what follows waits for its own end.
        #expect(outcomes.firstIndex(of: .head(expected)) == 57)
        #expect(reader.hasPendingBytes)
        #expect(reader.feed([]) == .needMore)
        #expect(
            feed(" HTTP/1.0\n\n", &reader)
                == .head(RequestHead(method: "GET", target: "/next", version: "HTTP/1.0", headers: [])))
        #expect(!reader.hasPendingBytes)
    }

    @Test func refusesALineOverTheLimitBeforeItsEnd() {
        var reader = RequestHeadReader()
        // 5 + 8,188 bytes: as long as a line and its CR may be.
        #expect(feed("GET /" + String(repeating: "a", count: 8188), &reader) == .needMore)
        #expect(feed("a", &reader) == .refused(.lineTooLong))
        // 3 + 8,191 bytes: more than a line and the CR that may end it.
        var headers = RequestHeadReader()
        #expect(
            feed("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 8191), &headers) == .refused(.headerTooLong))
    }

    @Test(arguments: [
        ("GET  / HTTP/1.1", 400, "the request line must be a method, a target and a version, one space apart"),
        ("GET /", 400, "the request line must be a method, a target and a version, one space apart"),
        ("G(T / HTTP/1.1", 400, "the request line must be a method, a target and a version, one space apart"),
        ("GET / FTP/1.1", 400, "the request line must end in HTTP/1.1"),
        ("GET / HTTP/2.0", 505, "this preview speaks HTTP/1.1 and HTTP/1.0"),
        ("GET http://evil.example/ HTTP/1.1", 400, "the request target must start with '/'"),
        ("GET / HTTP/1.1\r\nHost : x", 400, "a header name must be a token, with nothing before its ':'"),
        ("GET / HTTP/1.1\r\nHost: x\r\n folded: y", 400, "a header name must be a token, with nothing before its ':'"),
        ("GET / HTTP/1.1\r\nno colon", 400, "a header line has no ':'"),
        ("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1", 400, "the request starts with empty lines"),
    ])
    func refusesWhatIsNotAnHTTP11Head(head: String, status: Int, reason: String) {
        var reader = RequestHeadReader()
        #expect(feed(head + "\r\n\r\n", &reader) == .refused(HeadRefusal(status: status, reason: reason)))
    }

    @Test func keepsAliveOverHTTP11UnlessAskedToClose() {
        let head = RequestHead(method: "GET", target: "/", version: "HTTP/1.1", headers: [])
        #expect(head.keepsAlive)
        var closing = head
        closing.headers = [("connection", "keep-alive, Close")]
        #expect(!closing.keepsAlive)
        var old = head
        old.version = "HTTP/1.0"
        #expect(!old.keepsAlive)
    }
}
