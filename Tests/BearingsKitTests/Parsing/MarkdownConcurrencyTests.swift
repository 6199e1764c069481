import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsParsing

/// libcmark-gfm keeps the inline parser's table of special characters in one global array, which every
/// parser changes (github/cmark-gfm#176); `Markdown` must still be safe to call from many threads.
struct MarkdownConcurrencyTests {
    @Test func keepsStrikethroughWhenDocumentsAreParsedOnManyThreadsAtOnce() {
        // Each parser adds `~` to the global table before its inlines and removes it after: one finishing
        // while another is still reading its inlines takes strikethrough away from the other.
        let document = String(repeating: "~~Hi~~ there.\n\n", count: 50)
        let expected = String(repeating: "<p><del>Hi</del> there.</p>\n", count: 50)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2000) { _ in
            results.add(Markdown.html(document))
        }
        #expect(results.distinct == [expected])
    }

    /// Outputs collected from many threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Set<String> = []

        func add(_ html: String) {
            lock.lock()
            defer { lock.unlock() }
            seen.insert(html)
        }

        var distinct: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }
}
