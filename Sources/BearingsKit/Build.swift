import Foundation
import BearingsAnalysis
import BearingsLoading
import BearingsModel
import BearingsRendering

/// Everything a build needs to know, mapped from the command line.
public struct BuildOptions: Sendable {
    /// Where to read.
    public var load: LoadOptions
    /// The output folder.
    public var output: String
    /// A folder of templates that override the built-in ones, file by file.
    public var templates: String?
    /// Absolute URL of the site for feed and sitemap; overrides project.md's `base_url`.
    public var baseURL: String?
    /// Warnings are errors.
    public var strict: Bool
    /// SOURCE_DATE_EPOCH: the build time and reference date, when set.
    public var sourceDateEpoch: Int?

    /// Creates build options.
    public init(
        load: LoadOptions = LoadOptions(), output: String = "site", templates: String? = nil, baseURL: String? = nil,
        strict: Bool = false, sourceDateEpoch: Int? = nil
    ) {
        self.load = load
        self.output = output
        self.templates = templates
        self.baseURL = baseURL
        self.strict = strict
        self.sourceDateEpoch = sourceDateEpoch
    }
}

/// What a build did.
public struct BuildResult: Sendable {
    /// Creates a result.
    public init(diagnostics: [Diagnostic], plan: SitePlan? = nil, paths: [String]? = nil) {
        self.diagnostics = diagnostics
        self.plan = plan
        self.paths = paths
    }

    /// Every problem found (after `--strict`).
    public var diagnostics: [Diagnostic]
    /// The rendered site, from `plan`; nil when the data had errors, and from `build`, which
    /// writes pages as they are rendered rather than keeping them.
    public var plan: SitePlan?
    /// Every file of the site, in byte order; nil when the data had errors.
    public var paths: [String]?

    /// Number of HTML pages.
    public var pageCount: Int { paths?.filter { $0.hasSuffix(".html") }.count ?? 0 }
}

/// A failure that is not the data's fault: unreadable folders, refused output, failed writes.
public struct BuildError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Exit status: 2 for a refused output folder or bad template, 3 for I/O.
    public var exitCode: Int32
    /// The message.
    public var description: String { message }

    /// Creates a build error.
    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}

/// The build's stages, each a step of `prepare` or of the commands below: load (`DataLoader.read`)
/// → validate (`DataLoader.validate`) → analyze (`Analysis.report`) → render (`SiteRenderer`) →
/// write (`SiteWriter`).
public enum SiteBuilder {
    /// Loads and renders without touching the output folder.
    public static func plan(_ options: BuildOptions) throws(BuildError) -> BuildResult {
        let (renderer, diagnostics) = try prepare(options)
        guard let renderer else { return BuildResult(diagnostics: diagnostics) }
        let plan = renderer.render()
        return BuildResult(diagnostics: diagnostics, plan: plan, paths: plan.paths)
    }

    /// Builds the site and replaces the output folder with it; writes nothing when there are errors.
    /// Pages go to the staging folder as they are rendered, so memory does not grow with the site.
    public static func build(_ options: BuildOptions) throws(BuildError) -> BuildResult {
        if let refusal = SiteWriter.refusal(
            output: options.output, data: options.load.dataDirectory, decisions: options.load.decisionsDirectory)
        {
            throw BuildError(message: refusal.description, exitCode: 2)
        }
        Allocator.giveBackFreedMemory()
        let (renderer, diagnostics) = try prepare(options)
        guard let renderer else { return BuildResult(diagnostics: diagnostics) }
        Allocator.trim()
        var paths: [String] = []
        do {
            try SiteWriter.write(to: options.output) { staging in
                paths = renderer.render(into: staging)
                for (path, bytes) in renderer.attachmentFiles { staging.write(path, bytes: bytes) }
            }
        } catch {
            throw BuildError(message: error.description, exitCode: error.refused ? 2 : 3)
        }
        return BuildResult(diagnostics: diagnostics, paths: paths)
    }

    /// Loads and checks the data; when there are no errors, what changed between the newest period
    /// and the one before it, or the newest on or before `since` (`bearings digest`).
    public static func digest(_ options: BuildOptions, since: Day? = nil) throws(BuildError) -> (
        digest: Digest?, diagnostics: [Diagnostic]
    ) {
        let (renderer, diagnostics) = try prepare(options)
        return (renderer?.digest(since: since), diagnostics)
    }

    /// Loads and checks the data; when there are no errors, the site, rendered file by file as
    /// files are asked for (`serve`).
    public static func lazySite(_ options: BuildOptions) throws(BuildError) -> (site: LazySite?, result: BuildResult) {
        try lazySite(options, reloader: nil)
    }

    /// `lazySite`, for `serve`: with a `reloader` (and the parse cache it was used with in
    /// `options`), a reload after an edit of snapshot notes only reuses the last validation and
    /// analysis (see `SiteReloader`); the site is the same.
    package static func lazySite(_ options: BuildOptions, reloader: SiteReloader?) throws(BuildError) -> (
        site: LazySite?, result: BuildResult
    ) {
        let (renderer, diagnostics) =
            if let reloader { try reloader.prepare(options) } else { try prepare(options) }
        guard let renderer else { return (nil, BuildResult(diagnostics: diagnostics)) }
        let site = LazySite(renderer: renderer)
        return (site, BuildResult(diagnostics: diagnostics, paths: site.paths))
    }

    /// The stages before rendering, in order: load (read and parse every file), validate (check
    /// them against one another; `--strict` makes warnings errors), analyze (series, shares, bet
    /// verdicts: `Analysis.Report`, computed once) and the renderer made ready; nil when the data
    /// has errors. Rendering and writing follow in `plan`, `build` and `lazySite`.
    static func prepare(_ options: BuildOptions) throws(BuildError) -> (SiteRenderer?, [Diagnostic]) {
        let read = try load(options)
        // What was read is handed on, not kept: validation lets each part go once it is used.
        let (validated, diagnostics) = validate(consume read, strict: options.strict)
        guard var dataSet = validated else { return (nil, diagnostics) }
        if let baseURL = options.baseURL { dataSet.project.baseURL = baseURL }
        let report = Analysis.report(dataSet, sourceDateEpoch: options.sourceDateEpoch)
        let renderer = try renderer(dataSet, report, options)
        return (renderer, diagnostics)
    }

    /// Load: reads and parses the data folder (and an imported decisions folder).
    static func load(_ options: BuildOptions) throws(BuildError) -> DataLoader.Read {
        do {
            return try DataLoader.read(options.load)
        } catch {
            throw BuildError(message: error.description, exitCode: error.exitCode)
        }
    }

    /// Validate: the data set when no diagnostic is an error (after `strict`), and every diagnostic.
    static func validate(_ read: consuming DataLoader.Read, strict: Bool) -> (DataSet?, [Diagnostic]) {
        let loaded = DataLoader.validate(consume read)
        let diagnostics = strict ? loaded.diagnostics.strict() : loaded.diagnostics
        guard let dataSet = loaded.dataSet, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        return (dataSet, diagnostics)
    }

    /// The renderer of the analysed data set, with the built-in templates or `--templates`' overrides.
    static func renderer(_ dataSet: DataSet, _ report: Analysis.Report, _ options: BuildOptions) throws(BuildError)
        -> SiteRenderer
    {
        let templates: TemplateSet
        do {
            templates = try TemplateSet(overrides: options.templates)
        } catch {
            throw BuildError(message: error.description, exitCode: 1)
        }
        return SiteRenderer(
            dataSet: dataSet, report: report, templates: templates, sourceDateEpoch: options.sourceDateEpoch,
            baseURL: dataSet.project.baseURL, dataDirectory: options.load.dataDirectory)
    }
}

/// glibc's allocator, told to hand freed memory back rather than keep it for later: by default it
/// keeps a heap per thread (the load parses on every core, the render writes pages on every core)
/// and, once a large block has been freed, serves blocks up to that size from those heaps too, so
/// what one stage frees stays in the process while the next stage takes new pages. One heap, large
/// blocks (128 KiB and up) always mapped and unmapped on their own, and free memory at a heap's top
/// given back from 128 KiB: 15 MiB less peak on the benchmark's 10,012 files, CPU time the same.
/// Looked up at run time (`mallopt` is not in Swift's Glibc module); elsewhere nothing is done.
enum Allocator {
    /// glibc's `M_TRIM_THRESHOLD`, `M_MMAP_THRESHOLD` and `M_ARENA_MAX` (malloc.h).
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3
    private static let arenaMax: Int32 = -8

    /// Sets the three options, once, before the build allocates much.
    static func giveBackFreedMemory() { _ = configured }

    /// Gives the pages freed so far back to the system (`malloc_trim(0)`): between the stages,
    /// what loading and validation let go (each snapshot's own values, the parsers' work) is not
    /// kept beside what rendering takes.
    static func trim() {
        #if os(Linux)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    private static let configured: Void = {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(arenaMax, 1)
        _ = mallopt(mmapThreshold, 128 * 1024)
        _ = mallopt(trimThreshold, 128 * 1024)
        #endif
    }()
}
