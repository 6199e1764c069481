import ArgumentParser
import BearingsKit

/// `bearings build`: the site, from the data folder.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site from the data folder.")

    @OptionGroup var options: DataOptions

    func run() async throws {
        throw Report.fail("bearings build is not implemented yet; run 'bearings check'", code: 3)
    }
}
