import BearingsKit
import Testing

/// Every source reads the right number out of a real answer of its service, and asks the right URL.
struct SourceReadingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: CollectSource
        var argument: String
        var url: String
        var answer: CollectAnswer
        var value: Int64
        var testDescription: String { "\(source.rawValue) \(argument)" }
    }

    static let cases: [Case] = [
        Case(
            source: .githubStars, argument: "sigmavirus24/github3.py",
            url: "https://api.github.com/repos/sigmavirus24/github3.py",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-repository-github3py.json")), value: 1137),
        Case(
            source: .githubForks, argument: "sigmavirus24/github3.py",
            url: "https://api.github.com/repos/sigmavirus24/github3.py",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-repository-github3py.json")), value: 401),
        Case(
            source: .githubWatchers, argument: "sigmavirus24/github3.py",
            url: "https://api.github.com/repos/sigmavirus24/github3.py",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-repository-github3py.json")), value: 29),
        Case(
            source: .githubOpenIssues, argument: "sigmavirus24/github3.py",
            url: "https://api.github.com/repos/sigmavirus24/github3.py",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-repository-github3py.json")), value: 58),
        Case(
            source: .githubContributors, argument: "sigmavirus24/github3.py",
            url: "https://api.github.com/repos/sigmavirus24/github3.py/contributors?per_page=1&anon=true",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-contributors-github3py.json")), value: 2),
        Case(
            source: .githubContributors, argument: "octokit/hello-world",
            url: "https://api.github.com/repos/octokit/hello-world/contributors?per_page=1&anon=true",
            answer: CollectAnswer(
                status: 200, headers: ["Link": Recorded.text("github-link-header-octokit.txt")],
                body: Recorded.bytes("github-contributors-github3py.json")), value: 5),
        Case(
            source: .githubCodeSearch, argument: "import torch language:python",
            url: "https://api.github.com/search/code?q=import%20torch%20language%3Apython",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("github-search-code-github3py.json")), value: 3),
        Case(
            source: .pypiDownloads, argument: "PIP", url: "https://pypistats.org/api/packages/pip/recent?period=month",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("pypistats-recent-pip.json")), value: 67_759_913),
        Case(
            source: .npmDownloads, argument: "vue", url: "https://api.npmjs.org/downloads/point/last-month/vue",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("npm-downloads-point-vue.json")), value: 8_525_448),
        Case(
            source: .cratesDownloads, argument: "bitflags", url: "https://crates.io/api/v1/crates/bitflags",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("crates-bitflags.json")), value: 1_033_166),
        Case(
            source: .openalexWorks, argument: "pytorch & tensorflow",
            url: "https://api.openalex.org/works?search=pytorch%20%26%20tensorflow&per-page=1",
            answer: CollectAnswer(status: 200, body: Recorded.bytes("openalex-works-peneira.json")), value: 49),
    ]

    @Test(arguments: cases)
    func readsTheRecordedValueAndAsksTheDocumentedURL(_ example: Case) throws {
        let measure = try #require(example.source.measure)
        #expect(measure.problem(with: example.argument) == nil)
        #expect(measure.request(for: example.argument, bases: CollectBases()).url == example.url)
        #expect(measure.value(from: example.answer) == .success(example.value))
    }

    @Test func aBaseURLMayCarryAPathAndATrailingSlash() throws {
        let bases = try CollectBases(environment: ["BEARINGS_GITHUB_API": "https://ghe.example.com/api/v3/"])
        #expect(
            CollectSource.githubStars.measure?.request(for: "o/r", bases: bases).url
                == "https://ghe.example.com/api/v3/repos/o/r")
        #expect(
            CollectSource.npmDownloads.measure?.request(for: "@babel/core", bases: bases).url
                == "https://api.npmjs.org/downloads/point/last-month/@babel/core")
    }

    @Test func refusesABaseURLThatIsNotHTTP() {
        #expect(throws: CollectFailure("BEARINGS_NPM_API is 'ftp://x', which is not an http or https URL")) {
            try CollectBases(environment: ["BEARINGS_NPM_API": "ftp://x"])
        }
    }

    @Test func showsURLsWithoutUserInformation() {
        #expect(
            CollectBases.shown("https://me:secret@ghe.example.com/repos/o/r") == "https://ghe.example.com/repos/o/r")
    }

    static let malformed: [Example] = [
        Example("not JSON", .pypiDownloads, "{\"data\": ", "the answer is not JSON"),
        Example("a missing field", .npmDownloads, "{\"package\": \"vue\"}", "the answer has no 'downloads'"),
        Example(
            "a string for a number", .cratesDownloads, "{\"crate\": {\"recent_downloads\": \"12\"}}",
            "'crate.recent_downloads' in the answer is not a whole number"),
        Example(
            "true for a number", .githubStars, "{\"stargazers_count\": true}",
            "'stargazers_count' in the answer is not a whole number"),
        Example(
            "a negative number", .openalexWorks, "{\"meta\": {\"count\": -1}}",
            "'meta.count' in the answer is not a whole number"),
        Example(
            "an object for the list", .githubContributors, "{\"message\": \"x\"}", "the answer is not a JSON array"),
        Example(
            "a list where an object is", .pypiDownloads, "{\"data\": [1]}",
            "the answer has no 'data.last_month': it is not a JSON object there"),
    ]

    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var source: CollectSource
        var body: String
        var reason: String
        init(_ name: String, _ source: CollectSource, _ body: String, _ reason: String) {
            self.name = name
            self.source = source
            self.body = body
            self.reason = reason
        }
        var testDescription: String { name }
    }

    @Test(arguments: malformed)
    func failsOnAMalformedAnswerWithAReason(_ example: Example) {
        let answer = CollectAnswer(status: 200, body: Array(example.body.utf8))
        #expect(example.source.measure?.value(from: answer) == .failure(CollectFailure(example.reason)))
    }

    @Test func readsTheLastPageFromALinkHeaderWhateverItsOrder() {
        #expect(
            GitHubLink.lastPage(
                "<https://api.github.com/repositories/1/contributors?per_page=1&anon=true&page=795>; rel=\"last\", <https://api.github.com/repositories/1/contributors?per_page=1&anon=true&page=2>; rel=\"next\""
            )
                == 795)
        #expect(GitHubLink.lastPage("<https://x/y?page=2>; rel=\"next\"") == nil)
    }
}
