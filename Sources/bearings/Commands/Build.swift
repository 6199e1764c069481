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

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String = "site"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Templates that override the built-in ones, file by file (default: ./templates when it exists).",
            valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's absolute URL, for the feed and sitemap.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Print nothing but problems.")
    var quiet = false

    func run() async throws {
        var templatesFolder = templates
        var isDirectory: ObjCBool = false
        if templatesFolder == nil, FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            templatesFolder = "templates"
        }
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        let buildOptions = BuildOptions(
            load: options.loadOptions, output: output, templates: templatesFolder, baseURL: baseURL,
            strict: options.strict, sourceDateEpoch: epoch)
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
        guard let plan = result.plan else { throw ExitCode(1) }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let line = String(format: "Built %d pages in %.2f s → %@/\n", plan.pageCount, seconds, output)
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
