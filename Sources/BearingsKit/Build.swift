import Foundation

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

/// load → validate → analyze → render → write.
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
        let (renderer, diagnostics) = try prepare(options)
        guard let renderer else { return BuildResult(diagnostics: diagnostics) }
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
        let (renderer, diagnostics) = try prepare(options)
        guard let renderer else { return (nil, BuildResult(diagnostics: diagnostics)) }
        let site = LazySite(renderer: renderer)
        return (site, BuildResult(diagnostics: diagnostics, paths: site.paths))
    }

    /// Loads and checks the data; a renderer when there are no errors.
    static func prepare(_ options: BuildOptions) throws(BuildError) -> (SiteRenderer?, [Diagnostic]) {
        let loaded: LoadResult
        do {
            loaded = try DataLoader.load(options.load)
        } catch {
            throw BuildError(message: error.description, exitCode: error.exitCode)
        }
        let diagnostics = options.strict ? loaded.diagnostics.strict() : loaded.diagnostics
        guard var dataSet = loaded.dataSet, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(overrides: options.templates)
        } catch {
            throw BuildError(message: error.description, exitCode: 1)
        }
        if let baseURL = options.baseURL { dataSet.project.baseURL = baseURL }
        let renderer = SiteRenderer(
            dataSet: dataSet, templates: templates, sourceDateEpoch: options.sourceDateEpoch,
            baseURL: dataSet.project.baseURL, dataDirectory: options.load.dataDirectory)
        return (renderer, diagnostics)
    }
}
