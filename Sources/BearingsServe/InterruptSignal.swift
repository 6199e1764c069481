import Foundation

/// Waiting for Ctrl-C, so the command can stop the preview cleanly.
public enum InterruptSignal {
    /// Returns when the process receives SIGINT or SIGTERM. After that, a second Ctrl-C ends the
    /// process at once, in case stopping hangs.
    public static func wait() async {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            // The default action would end the process before the preview could close its connections.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        var iterator = signals.makeAsyncIterator()
        _ = await iterator.next()
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
