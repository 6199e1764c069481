@testable import BearingsCollect
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

    @Test func readsRetryAfterAsWholeSecondsOnlyClampedToADayAndASecond() {
        // Digits alone, as RFC 9110 has delay-seconds; anything else is not a number of seconds.
        #expect(RetryPolicy.retryAfter("0", now: now) == 0)
        #expect(RetryPolicy.retryAfter(" 42 ", now: now) == 42)
        #expect(RetryPolicy.retryAfter("86400", now: now) == 86_400)
        #expect(RetryPolicy.retryAfter("86402", now: now) == 86_401)
        #expect(RetryPolicy.retryAfter("99999999999999999999999", now: now) == 86_401)
        for garbage in ["1e300", "-5", "+5", "nan", "NaN", "inf", "infinity", "1.5", "0x10", "", "soon", "٣"] {
            #expect(RetryPolicy.retryAfter(garbage, now: now) == nil, "\(garbage)")
        }
        // An HTTP date: past is 0, far future clamped.
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:00 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT", now: now) == 86_401)
    }

    @Test func aRetryAfterNoClockCanHoldFailsInWordsOrFallsBackToTheBackoff() {
        #expect(
            policy.step(
                after: CollectAnswer(status: 503, headers: ["Retry-After": "99999999999999999999"]), service: .npm,
                attempt: 1, now: now)
                == .fail(
                    CollectFailure(
                        "HTTP 503 Service Unavailable, and asked to wait more than 86400 s (Retry-After), longer than --max-wait 60 s"
                    )))
        for garbage in ["1e300", "-5", "nan", "inf", "garbage"] {
            #expect(
                policy.step(
                    after: CollectAnswer(status: 429, headers: ["Retry-After": garbage]), service: .npm, attempt: 2,
                    now: now) == .retry(after: 2), "\(garbage)")
        }
    }

    @Test func aRateLimitResetThatIsNotWholeSecondsUpToTheYear9999IsNoRateLimit() {
        #expect(RetryPolicy.rateLimitReset("1700000030") == 1_700_000_030)
        #expect(RetryPolicy.rateLimitReset("253402300799") == 253_402_300_799)
        for garbage in ["253402300800", "99999999999999999999", "1e300", "-5", "nan", "inf", "1.7e9", ""] {
            #expect(RetryPolicy.rateLimitReset(garbage) == nil, "\(garbage)")
            let answer = CollectAnswer(
                status: 403, headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": garbage])
            #expect(
                policy.step(after: answer, service: .github, attempt: 1, now: now)
                    == .fail(CollectFailure("HTTP 403 Forbidden")), "\(garbage)")
        }
        // The latest reset read: later than --max-wait, said as a date.
        let latest = CollectAnswer(
            status: 429, headers: ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "253402300799"])
        #expect(
            policy.step(after: latest, service: .github, attempt: 1, now: now)
                == .fail(
                    CollectFailure(
                        "GitHub's rate limit is used up until 9999-12-31T23:59:59Z, later than --max-wait 60 s from now"
                    )))
    }

    @Test func secondsAreWrittenWithoutTrappingOnAnyDouble() {
        #expect(RetryPolicy.seconds(0.2) == "1 s")
        #expect(RetryPolicy.seconds(86_400) == "86400 s")
        for value in [86_400.5, 1e300, Double.infinity, Double.nan] {
            #expect(RetryPolicy.seconds(value) == "more than 86400 s", "\(value)")
        }
    }
}
