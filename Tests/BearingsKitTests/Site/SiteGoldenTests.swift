import BearingsKit
import Foundation
import Testing

/// Tests/BearingsKitTests/Fixtures/sites, found from this file's path.
let siteFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/sites")

/// Builds a fixture's data folder in memory, failing the test on any error.
func planSite(_ name: String, sourceDateEpoch: Int? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> SitePlan?
{
    let data = siteFixtures.appendingPathComponent("\(name)/data").path
    let options = BuildOptions(load: LoadOptions(dataDirectory: data), sourceDateEpoch: sourceDateEpoch)
    do {
        let result = try SiteBuilder.plan(options)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
        return result.plan
    } catch {
        Issue.record("build failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Every file of a folder, by relative path.
func filesUnder(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        let full = folder.appendingPathComponent(path).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = FileManager.default.contents(atPath: full)
        }
    }
    return result
}

struct SiteGoldenTests {
    @Test(arguments: ["minimal", "small", "truth", "xss"])
    func buildMatchesTheExpectedSiteFileByFile(fixture: String) throws {
        let plan = try #require(planSite(fixture))
        let expectedFolder = siteFixtures.appendingPathComponent("\(fixture)/expected")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for path in plan.paths {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(plan.files[path] ?? []).write(to: url)
            }
            Issue.record("recorded \(fixture)/expected, rerun without RECORD_SNAPSHOTS")
            return
        }
        let expected = filesUnder(expectedFolder)
        let missing = expected.keys.filter { plan.files[$0] == nil }.sorted()
        let unexpected = plan.paths.filter { expected[$0] == nil }
        #expect(missing == [], "files the build no longer writes")
        #expect(unexpected == [], "files the build writes that expected/ does not have")
        for path in plan.paths {
            guard let want = expected[path] else { continue }
            let got = Data(plan.files[path] ?? [])
            if got != want {
                Issue.record(
                    Comment(
                        rawValue: lineDiff(
                            expected: String(decoding: want, as: UTF8.self),
                            actual: String(decoding: got, as: UTF8.self),
                            name: "\(fixture)/expected/\(path)")))
            }
        }
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let first = try #require(planSite("small"))
        let second = try #require(planSite("small"))
        #expect(first == second)
    }

    @Test func sourceDateEpochPinsTheReferenceDateAndShowsTheBuildTime() throws {
        // 1609459200 is 2021-01-01T00:00:00Z: decision 0002's review (2021-07-01) is not due yet then.
        let plan = try #require(planSite("small", sourceDateEpoch: 1_609_459_200))
        let index = try #require(plan.text("index.html"))
        #expect(index.contains("Built <time datetime=\"2021-01-01T00:00:00Z\">2021-01-01T00:00:00Z</time>"))
        #expect(index.contains("No bet is due for review on 2021-01-01."))
        let unpinned = try #require(planSite("small")?.text("index.html"))
        #expect(!unpinned.contains("Built <time"))
    }

    @Test func sitemapIsWrittenOnlyWhenABaseURLIsKnown() throws {
        #expect(try #require(planSite("small")).files["sitemap.xml"] != nil)
        #expect(try #require(planSite("minimal")).files["sitemap.xml"] == nil)
    }

    @Test func seriesCSVNamesTheSourceOfEveryPoint() throws {
        let csv = try #require(planSite("small")?.text("data/series.csv"))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "date,metric,project,value,source_file,source_line")
        #expect(lines.contains("2020-01-01,downloads,gadget,3400,data/snapshots/2020-01.md,9"))
        #expect(lines.contains("2021-01-01,downloads,widget,3000,data/series/downloads.csv,4"))
        // 12 downloads points (5 for gadget, 2 for gizmo, 5 for widget) and 8 star counts.
        #expect(lines.count == 1 + 20)
    }
}

struct SiteSafetyTests {
    /// Markup that would run script: a script element, an event-handler attribute, a javascript: URL
    /// in an attribute.
    static let executable = [
        #"<script"#, #"<[a-z][^>]*\son[a-z]+\s*="#,
        #"(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:"#,
    ]

    @Test func fixtureWithScriptEverywhereProducesNoExecutableMarkup() throws {
        let plan = try #require(planSite("xss"))
        var found: [String] = []
        for path in plan.paths where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".svg") {
            let text = plan.text(path) ?? ""
            for pattern in Self.executable {
                if text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil {
                    found.append("\(path): \(pattern)")
                }
            }
        }
        #expect(found == [])
        // The hostile text is still there, as text.
        let index = try #require(plan.text("index.html"))
        #expect(index.contains("X&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
    }

    @Test func theSafetyCheckFindsExecutableMarkupWhenThereIsSome() {
        let samples: [String] = [
            "<SCRIPT>x</SCRIPT>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">",
        ]
        for sample in samples {
            #expect(
                Self.executable.contains { (pattern: String) in
                    sample.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
                })
        }
    }

    @Test func everyTripleMustacheInTheTemplatesNamesTrustedHTML() throws {
        // Values put in unescaped must be HTML made on purpose: by convention their keys end in HTML.
        let templates = siteFixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
        var offenders: [String] = []
        for (path, data) in filesUnder(templates) where path.hasSuffix(".mustache") {
            let text = String(decoding: data, as: UTF8.self)
            let regex = try NSRegularExpression(pattern: #"\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+)\s*\}\}"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                let name = (text as NSString).substring(with: range)
                if !name.hasSuffix("HTML") { offenders.append("\(path): \(name)") }
            }
        }
        #expect(offenders == [])
    }
}
