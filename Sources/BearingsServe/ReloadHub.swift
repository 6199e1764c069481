/// The open live-reload streams: each build, good or bad, sends every one of them `event: reload`.
actor ReloadHub {
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var generation = 0
    private var closed = false

    /// The number of open streams.
    var count: Int { streams.count }

    /// A new stream of server-sent events. It starts with `event: reload` when the page was made by a
    /// build older than the newest (`since`), so a build that finished in between is not missed.
    func subscribe(since: Int?) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        guard !closed else {
            continuation.finish()
            return stream
        }
        // `retry` makes a browser reconnect quickly after the server restarts.
        continuation.yield(Array("retry: 1000\n: bearings live reload\n\n".utf8))
        if let since, since < generation { continuation.yield(Self.reload(generation)) }
        let id = nextID
        nextID += 1
        streams[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// Tells every stream that build `generation` is ready.
    func publish(_ generation: Int) {
        self.generation = generation
        send(Self.reload(generation))
    }

    /// A comment line that keeps idle connections open and finds the ones whose browser went away.
    func ping() { send(Array(": ping\n\n".utf8)) }

    /// Ends every stream, so their responses finish and the server can stop.
    func close() {
        closed = true
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }

    private func send(_ bytes: [UInt8]) {
        for (id, continuation) in streams {
            if case .terminated = continuation.yield(bytes) { streams[id] = nil }
        }
    }

    private func remove(_ id: Int) { streams[id] = nil }

    private static func reload(_ generation: Int) -> [UInt8] {
        Array("event: reload\ndata: \(generation)\n\n".utf8)
    }
}
