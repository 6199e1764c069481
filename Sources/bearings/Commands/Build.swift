import ArgumentParser
import BearingsKit
import Foundation

/// `bearings build`: the site, from the data folder.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site from the data folder.",
        discussion: """
            Renders every page into a temporary folder beside the output and swaps it in, so a failed \
            build leaves the previous site as it was. Set SOURCE_DATE_EPOCH to pin the reference date \
            and show a build time; without it the output depends on the input alone.
            """)

    @OptionGroup var options: DataOptions

    @OptionGroup var site: SiteOptions

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The site's absolute URL, for the feed and sitemap.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Print nothing but problems.")
    var quiet = false

    func run() async throws {
        let buildOptions = BuildOptions(
            load: options.loadOptions, output: site.output, templates: site.templatesFolder, baseURL: baseURL,
            strict: options.strict, sourceDateEpoch: site.sourceDateEpoch)
        let start = DispatchTime.now()
        let progress = Progress.start(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let result: BuildResult
        do {
            result = try SiteBuilder.build(buildOptions)
        } catch {
            progress.stop()
            if options.format == .json { Report.print([], format: .json) }
            throw Report.fail(error.message, code: error.exitCode)
        }
        progress.stop()
        Report.print(result.diagnostics, format: options.format)
        guard result.paths != nil else { throw ExitCode(1) }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let line = String(format: "Built %d pages in %.2f s → %@/\n", result.pageCount, seconds, site.output)
            // JSON owns standard output; the summary then goes to standard error.
            (options.format == .json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(line.utf8))
        }
    }
}

/// A "Building…" line on a terminal when a build runs longer than a second.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private var shown = false

    static func start(enabled: Bool) -> Progress {
        let progress = Progress()
        guard enabled else { return progress }
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            progress.lock.lock()
            defer { progress.lock.unlock() }
            guard !progress.finished else { return }
            progress.shown = true
            FileHandle.standardError.write(Data("Building site…".utf8))
        }
        return progress
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
