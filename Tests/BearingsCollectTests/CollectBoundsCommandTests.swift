import Foundation
import Testing

/// `bearings collect`, the built command, where a server or the data folder works against it: a
/// redirect away from GitHub, waits no clock can hold, and a day already measured by another file.
@Suite(.serialized)
struct CollectBoundsCommandTests {
    static let stars = ["stars": "  source: github-stars\n  projects: {pytorch: pytorch/pytorch, tensorflow: t/t}"]

    /// The recorded answer of `GET /repos/…` (its `stargazers_count` is 1137).
    static func repository(_ write: RawServer.Writer) {
        let body = Recorded.bytes("github-repository-github3py.json")
        _ = write(RawServer.head("200 OK", ["Content-Length": "\(body.count)"]) + body)
    }

    @Test func gitHubsTokenDoesNotFollowARedirectToAnotherHost() async throws {
        let elsewhere = try RawServer { _, write in Self.repository(write) }
        let github = try RawServer { request, write in
            if request.line.hasPrefix("GET /api/v3/repos/t/t ") {
                let body = Array("moved".utf8)
                _ = write(
                    RawServer.head(
                        "302 Found",
                        ["Location": elsewhere.base + "/repositories/99", "Content-Length": "\(body.count)"]) + body)
            } else {
                Self.repository(write)
            }
        }
        defer {
            github.stop()
            elsewhere.stop()
        }
        let root = try CollectCommandTests.dataFolder(Self.stars)
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30", "--dry-run"], in: root,
            environment: CollectCommandTests.environment(port: github.port))
        #expect(run.status == 0)
        #expect(run.standardError == "")
        let bearer = "Bearer \(CollectCommandTests.token)"
        #expect(github.seen.map { $0.headers["authorization"] } == [bearer, bearer])
        #expect(elsewhere.seen.map(\.line) == ["GET /repositories/99 HTTP/1.1"])
        #expect(elsewhere.seen.map { $0.headers["authorization"] } == [nil])
    }

    @Test func retryAfterAndRateLimitResetsNoNumberCanHoldAreClampedOrIgnored() async throws {
        let github = try RawServer { request, write in
            let empty = ["Content-Length": "0"]
            switch request.line.split(separator: " ")[1] {
            // Not a number of seconds: ignored, so the backoff (1 s, then 2 s) is used.
            case "/api/v3/repos/e/e":
                _ = write(RawServer.head("429 Too Many", empty.merging(["Retry-After": "1e300"]) { a, _ in a }))
            // More seconds than any wait: clamped, and longer than --max-wait.
            case "/api/v3/repos/h/h":
                _ = write(
                    RawServer.head(
                        "503 Unavailable", empty.merging(["Retry-After": "99999999999999999999999"]) { a, _ in a }))
            // A reset no date can hold: not a rate limit Bearings can wait for.
            case "/api/v3/repos/r/r":
                _ = write(
                    RawServer.head(
                        "403 Forbidden",
                        empty.merging(["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1e300"]) { a, _ in a }))
            default: Self.repository(write)
            }
        }
        defer { github.stop() }
        let root = try CollectCommandTests.dataFolder([
            "stars": "  source: github-stars\n  projects: {pytorch: e/e, tensorflow: h/h}",
            "forks": "  source: github-forks\n  projects: {pytorch: r/r}",
        ])
        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30", "--dry-run", "--max-wait", "5"], in: root,
            environment: CollectCommandTests.environment(port: github.port))
        let base = github.base
        #expect(run.status == 4)
        #expect(
            run.standardError.split(separator: "\n").sorted() == [
                "warning: forks for pytorch: HTTP 403 Forbidden (\(base)/api/v3/repos/r/r)",
                "warning: stars for pytorch: HTTP 429 Too Many Requests after 3 tries (\(base)/api/v3/repos/e/e)",
                "warning: stars for tensorflow: HTTP 503 Service Unavailable, and asked to wait more than 86400 s (Retry-After), longer than --max-wait 5 s (\(base)/api/v3/repos/h/h)",
            ])
        #expect(github.seen.filter { $0.line.hasPrefix("GET /api/v3/repos/e/e ") }.count == 3)
    }

    @Test func refusesADayWhoseValuesAnotherFileMeasuresAlreadyBeforeAskingAnything() async throws {
        let github = try RawServer { _, write in Self.repository(write) }
        defer { github.stop() }
        let root = try CollectCommandTests.dataFolder(Self.stars)
        try FileManager.default.createDirectory(atPath: root + "/data/snapshots", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/data/series", withIntermediateDirectories: true)
        // The same number collect would write: still two snapshots measuring one value on one day.
        let handWritten = "---\ndate: 2025-06-30\n---\n| metric | pytorch |\n| --- | --: |\n| stars | 1137 |\n"
        try handWritten.write(toFile: root + "/data/snapshots/2025-06-30.md", atomically: true, encoding: .utf8)
        let series = "date,metric,project,value\n2025-06-29,stars,tensorflow,1000\n2025-06-30,stars,tensorflow,1100\n"
        try series.write(toFile: root + "/data/series/stars.csv", atomically: true, encoding: .utf8)
        let check = try await CommandRunner.run(["check"], in: root, environment: [:])
        #expect(check.status == 0)

        let run = try await CommandRunner.run(
            ["collect", "--date", "2025-06-30"], in: root,
            environment: CollectCommandTests.environment(port: github.port))
        #expect(run.status == 2)
        #expect(
            run.standardError == """
                data/series/stars.csv:3:29: error: stars for tensorflow on 2025-06-30 is measured here already, and collect would measure it again in data/snapshots/2025-06-30-collected.md
                    hint: one day's value is measured in one place; collect on another --date, or take this value out first
                data/snapshots/2025-06-30.md:6:11: error: stars for pytorch on 2025-06-30 is measured here already, and collect would measure it again in data/snapshots/2025-06-30-collected.md
                    hint: one day's value is measured in one place; collect on another --date, or take this value out first
                error: data/snapshots/2025-06-30-collected.md: not written; 2 of its values are measured on 2025-06-30 already (above), and the data would no longer pass 'check'

                """)
        #expect(run.standardOutput == "")
        #expect(github.seen.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root + "/data/snapshots/2025-06-30-collected.md"))

        // Another day is collected as before, and the folder still checks.
        let next = try await CommandRunner.run(
            ["collect", "--date", "2025-07-01"], in: root,
            environment: CollectCommandTests.environment(port: github.port))
        #expect(next.status == 0)
        #expect(next.standardOutput == "data/snapshots/2025-07-01-collected.md: 2 values\n")
        let after = try await CommandRunner.run(["check"], in: root, environment: [:])
        #expect(after.status == 0)
    }
}
