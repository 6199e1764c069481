import Foundation

/// One result slot per parallel job.
package final class Slots<Value>: @unchecked Sendable {
    private var values: [Value]
    private let lock = NSLock()

    package init(count: Int, empty: Value) { values = Array(repeating: empty, count: count) }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// The value of slot `index`, leaving `empty` in its place, so that the caller holds the only
    /// reference to it and it is let go as soon as the caller is done with it.
    package func take(_ index: Int, leaving empty: Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let value = values[index]
        values[index] = empty
        return value
    }

    package var all: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
