import BearingsCollect
import BearingsKit
import Foundation
import Testing

/// When `bearings collect` asks again, waits, or gives up.
struct RetryPolicyTests {
    let policy = RetryPolicy(maxWait: 60)
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func acceptsA2xxAnswer() {
        #expect(policy.step(after: CollectAnswer(status: 200), service: .npm, attempt: 1, now: now) == .accept)
    }

    @Test func retriesA5xxTwiceWithBackoffThenGivesUp() {
        let answer = CollectAnswer(status: 500)
        #expect(policy.step(after: answer, service: .npm, attempt: 1, now: now) == .retry(after: 1))
        #expect(policy.step(after: answer, service: .npm, attempt: 2, now: now) == .retry(after: 2))
        #expect(
            policy.step(after: answer, service: .npm, attempt: 3, now: now)
                == .fail(CollectFailure("HTTP 500 Internal Server Error after 3 tries")))
    }

    @Test func honoursRetryAfterInSecondsAndAsAnHTTPDate() {
        #expect(
            policy.step(
                after: CollectAnswer(status: 429, headers: ["Retry-After": "7"]), service: .crates, attempt: 1, now: now
            )
                == .retry(after: 7))
        let date = CollectAnswer(status: 503, headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:40 GMT"])
        #expect(policy.step(after: date, service: .crates, attempt: 1, now: now) == .retry(after: 20))
    }

    @Test func failsWhenRetryAfterIsLongerThanMaxWait() {
        #expect(
            policy.step(
                after: CollectAnswer(status: 429, headers: ["Retry-After": "120"]), service: .npm, attempt: 1, now: now)
                == .fail(
                    CollectFailure(
                        "HTTP 429 Too Many Requests, and asked to wait 120 s (Retry-After), longer than --max-wait 60 s"
                    )))
    }

    @Test func waitsForGitHubsRateLimitResetWithinMaxWait() {
        let answer = CollectAnswer(
            status: 403, headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000030"],
            body: Recorded.bytes("github-rate-limit-exceeded.json"))
        #expect(policy.step(after: answer, service: .github, attempt: 1, now: now) == .retry(after: 30))
    }

    @Test func failsWhenGitHubsRateLimitResetIsBeyondMaxWait() {
        let answer = CollectAnswer(
            status: 403, headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700003600"],
            body: Recorded.bytes("github-rate-limit-exceeded.json"))
        #expect(
            policy.step(after: answer, service: .github, attempt: 1, now: now)
                == .fail(
                    CollectFailure(
                        "GitHub's rate limit is used up until 2023-11-14T23:13:20Z, later than --max-wait 60 s from now"
                    )))
    }

    @Test func failsAt403WithoutARateLimitAndAt404AtOnce() {
        #expect(
            policy.step(after: CollectAnswer(status: 403), service: .github, attempt: 1, now: now)
                == .fail(CollectFailure("HTTP 403 Forbidden")))
        #expect(
            policy.step(after: CollectAnswer(status: 404), service: .pypistats, attempt: 1, now: now)
                == .fail(CollectFailure("HTTP 404 Not Found")))
    }
}
