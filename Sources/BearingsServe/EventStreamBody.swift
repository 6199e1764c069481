import FlyingSocks

/// The bytes of a server-sent events stream, for FlyingFox's chunked `HTTPBodySequence(from:)`: each
/// event becomes one chunk, sent as soon as it is yielded.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    /// The events, each already encoded.
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    /// Hands out one event at a time, in pieces no larger than asked for.
    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event[...]
            }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }
    }
}
