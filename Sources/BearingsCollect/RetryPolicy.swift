import BearingsKit
import Foundation

/// What to do after an answer: a pure rule, so retries and waits are tested without a network or a clock.
public struct RetryPolicy: Sendable {
    /// What to do next.
    public enum Step: Sendable, Equatable {
        /// The answer is good: read the value out of it.
        case accept
        /// Ask again after this many seconds.
        case retry(after: Double)
        /// Give up on this value.
        case fail(CollectFailure)
    }

    /// Tries in all, the first one included.
    public var tries = 3
    /// The longest wait for a rate limit or a `Retry-After` (`--max-wait`), in seconds.
    public var maxWait: Double
    /// The waits before the second and third tries when the answer does not say how long to wait.
    public var backoff: [Double] = [1, 2]

    /// Creates a policy that waits at most `maxWait` seconds at a time.
    public init(maxWait: Double) { self.maxWait = maxWait }

    /// The step after `answer`, which came back on try `attempt` (1 for the first) from `service` at `now`.
    public func step(after answer: CollectAnswer, service: CollectService, attempt: Int, now: Date) -> Step {
        if (200..<300).contains(answer.status) { return .accept }
        let status = Self.statusText(answer.status)
        // GitHub's primary rate limit: 403 (or 429) with no requests left until X-RateLimit-Reset.
        if service == .github, answer.status == 403 || answer.status == 429,
            answer.header("X-RateLimit-Remaining") == "0",
            let reset = answer.header("X-RateLimit-Reset").flatMap(Self.rateLimitReset)
        {
            let wait = max(0, reset - now.timeIntervalSince1970)
            let until = Self.isoTime(reset)
            guard wait <= maxWait else {
                return .fail(
                    CollectFailure(
                        "GitHub's rate limit is used up until \(until), later than --max-wait \(Self.seconds(maxWait)) from now"
                    ))
            }
            guard attempt < tries else {
                return .fail(CollectFailure("GitHub's rate limit was still used up after \(tries) tries"))
            }
            return .retry(after: wait)
        }
        guard answer.status == 429 || (500..<600).contains(answer.status) else {
            return .fail(CollectFailure(status))
        }
        guard attempt < tries else { return .fail(CollectFailure("\(status) after \(tries) tries")) }
        if let text = answer.header("Retry-After") {
            guard let wait = Self.retryAfter(text, now: now) else {
                return .retry(after: backoff[min(attempt - 1, backoff.count - 1)])
            }
            guard wait <= maxWait else {
                return .fail(
                    CollectFailure(
                        "\(status), and asked to wait \(Self.seconds(wait)) (Retry-After), longer than --max-wait \(Self.seconds(maxWait))"
                    ))
            }
            return .retry(after: wait)
        }
        return .retry(after: backoff[min(attempt - 1, backoff.count - 1)])
    }

    /// The longest wait a `Retry-After` or a rate-limit reset is taken to ask for: a day and a second,
    /// one more than `--max-wait` allows, so a longer one fails with "more than 86400 s".
    public static let longestWait: Double = 86_401

    /// Seconds to wait from a `Retry-After` value: whole seconds (ASCII digits only, as RFC 9110 has
    /// them) or an HTTP date; at most `longestWait`, a date past is 0; nil for anything else (a sign,
    /// an exponent, `nan`, `inf`, garbage), which the backoff then stands for.
    static func retryAfter(_ text: String, now: Date) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = digits(trimmed) { return min(seconds, longestWait) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        let wait = date.timeIntervalSince(now)
        guard wait.isFinite else { return nil }
        return min(max(0, wait), longestWait)
    }

    /// GitHub's `X-RateLimit-Reset`: whole seconds since 1970 (ASCII digits only), no later than the
    /// end of 9999; nil for anything else, which is then no rate limit Bearings waits for.
    static func rateLimitReset(_ text: String) -> Double? {
        guard let seconds = digits(text.trimmingCharacters(in: .whitespaces)), seconds <= 253_402_300_799 else {
            return nil
        }
        return seconds
    }

    /// A run of 1 to 15 ASCII digits as a number (exact in a Double); a longer run is 10^15, which is
    /// past every clamp here; nil for anything that is not digits alone.
    static func digits(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        guard text.utf8.count <= 15 else { return 1e15 }
        return Double(text)
    }

    /// "HTTP 404 Not Found".
    static func statusText(_ status: Int) -> String {
        let phrases = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone",
            422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return "HTTP \(status)" + (phrases[status].map { " " + $0 } ?? "")
    }

    /// "90 s"; "more than 86400 s" for anything longer than a day (or not a number), so no value traps.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value <= 86_400 else { return "more than 86400 s" }
        return "\(Int(max(0, value).rounded(.up))) s"
    }

    /// Seconds since 1970 as "2025-06-30T12:00:00Z".
    static func isoTime(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
