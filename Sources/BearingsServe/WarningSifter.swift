import BearingsKit
import Foundation

/// What `serve` prints after a reload: every error, and only the warnings the last printed build
/// did not have. A data folder with hundreds of warnings would otherwise repeat all of them on every
/// save; `bearings check` still lists them all, and so does the preview's overlay when the data has
/// errors.
///
/// A warning is the same when its path, line, column, message and hint are: an edit that moves it to
/// another line prints it again. Safe to use from any thread (builds are reported from any thread).
public final class WarningSifter: @unchecked Sendable {
    private let lock = NSLock()
    private var printed: Set<Diagnostic> = []

    public init() {}

    /// The diagnostics to print for this build, and how many warnings were left out as printed before.
    /// Remembers this build's warnings for the next call.
    public func sift(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], repeated: Int) {
        lock.lock()
        defer { lock.unlock() }
        var shown: [Diagnostic] = []
        var repeated = 0
        var now: Set<Diagnostic> = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .warning else {
                shown.append(diagnostic)
                continue
            }
            now.insert(diagnostic)
            if printed.contains(diagnostic) {
                repeated += 1
            } else {
                shown.append(diagnostic)
            }
        }
        printed = now
        return (shown, repeated)
    }

    /// The line printed after the new diagnostics when some warnings were left out, or nil.
    public static func repeatedLine(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let warnings = count == 1 ? "1 warning" : "\(ValueFormat.grouped(String(count))) warnings"
        return "\(warnings) as in the last build, not repeated (bearings check lists them all)"
    }
}
