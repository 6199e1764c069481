import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading

/// `serve` renders pages when they are asked for; each must be the page `build` writes.
struct LazySiteTests {
    @Test(arguments: ["minimal", "small", "xss"])
    func everyFileRenderedOnRequestIsTheFileOfTheBuild(fixture: String) throws {
        let options = BuildOptions(
            load: LoadOptions(dataDirectory: siteFixtures.appendingPathComponent("\(fixture)/data").path),
            sourceDateEpoch: 1_700_000_000)
        let plan = try #require(try SiteBuilder.plan(options).plan)
        let (site, result) = try SiteBuilder.lazySite(options)
        let lazy = try #require(site)
        #expect(result.paths == plan.paths)
        #expect(lazy.paths == plan.paths)
        for path in plan.paths.reversed() { #expect(lazy.file(path) == plan.files[path], "\(path)") }
        #expect(lazy.file("no/such/page.html") == nil)
        #expect(lazy.plan() == plan)
    }
}
