import Foundation
import BearingsModel
import BearingsParsing

/// Where to read from.
public struct LoadOptions: Sendable {
    /// The data folder, as given on the command line (paths in diagnostics start with it).
    public var dataDirectory: String
    /// A folder of existing decision records to read instead of `<data>/decisions`.
    public var decisionsDirectory: String?
    /// Parsed files from earlier loads to reuse (`serve`); nil parses everything.
    public var cache: ParseCache?

    /// Creates load options.
    public init(dataDirectory: String = "data", decisionsDirectory: String? = nil, cache: ParseCache? = nil) {
        self.dataDirectory = dataDirectory
        self.decisionsDirectory = decisionsDirectory
        self.cache = cache
    }
}

/// A failure to read the data folder at all (as opposed to problems in its files).
public struct LoadError: Error, Equatable, CustomStringConvertible {
    /// The folder or file that could not be read.
    public var path: String
    /// Why.
    public var reason: String
    /// Exit status: 3 when the folder cannot be read, 2 when the command line names the wrong thing.
    public var exitCode: Int32 = 3

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// What a load produced: the data set when there were no errors, and every diagnostic, sorted.
public struct LoadResult: Sendable {
    /// The validated data set; nil when any error was found.
    public var dataSet: DataSet?
    /// Every problem found, sorted by path, line and column.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The only code that reads the data folder from disk.
public enum DataLoader {
    /// File names in decision folders that are documentation or templates, not decisions.
    static let nonDecisionNames: Set<String> = ["readme.md", "index.md", "template.md", "adr-template.md"]

    /// Reads, parses and validates a data folder.
    public static func load(_ options: LoadOptions) throws(LoadError) -> LoadResult {
        validate(try read(options))
    }

    /// What the load stage read of a data folder, before validation: every file parsed, and the
    /// series files' rows apart from the snapshots' until they are checked against them.
    package struct Read: Sendable {
        /// The data set as parsed, without its observations; nil when project.md is missing or broken.
        package var dataSet: DataSet?
        /// The series files' rows and the projects their columns name.
        package var seriesObservations: [Observation] = []
        package var seriesProjects: [ProjectReference] = []
        /// The folder of imported decision records, when one was given.
        package var importedRoot: String?
        /// Every problem found while reading and parsing.
        package var diagnostics: [Diagnostic]
    }

    /// The validate stage: checks what was read against itself (`Validator`), fills the data set's
    /// observations and sorts the diagnostics; the data set is kept only when there is no error.
    /// Takes what was read (`consuming`): its data set is then the only copy, so each snapshot's
    /// own values are let go as soon as they are gathered into the data set's store, rather than
    /// kept to the end with the caller's copy (47 MB on the benchmark's 10,012 files).
    package static func validate(_ read: consuming Read) -> LoadResult {
        var diagnostics = read.diagnostics
        guard var dataSet = read.dataSet.take() else {
            return LoadResult(dataSet: nil, diagnostics: diagnostics.sorted())
        }
        diagnostics += Validator.validate(
            &dataSet, seriesObservations: read.seriesObservations, seriesProjects: read.seriesProjects,
            importedRoot: read.importedRoot)
        let sorted = diagnostics.sorted()
        let hasErrors = sorted.contains { $0.severity == .error }
        return LoadResult(dataSet: hasErrors ? nil : dataSet, diagnostics: sorted)
    }

    /// The load stage: reads and parses every file of a data folder, without validating them.
    package static func read(_ options: LoadOptions) throws(LoadError) -> Read {
        let data = options.dataDirectory
        guard isDirectory(data) else {
            throw LoadError(path: data, reason: "the data folder does not exist (use --data DIR to name another)")
        }
        var diagnostics: [Diagnostic] = []
        let root = InputFolder(data, name: "data folder")
        let cache = options.cache
        cache?.beginLoad()
        defer { cache?.endLoad() }

        // project.md first: it decides whether raw HTML is allowed everywhere else.
        let projectPath = join(data, "project.md")
        var project: Project?
        if let refused = root.refusal(
            root.verdict(of: projectPath), of: projectPath, what: "project.md",
            at: SourceLocation(path: projectPath))
        {
            diagnostics.append(Diagnostic(.error, refused.location, refused.message, hint: refused.hint))
        } else if !FileManager.default.fileExists(atPath: projectPath) {
            diagnostics.append(
                .error(
                    SourceLocation(path: projectPath), "project.md is missing",
                    hint: "create it with front matter '---', 'name: Your project', '---'"))
        } else if let source = read(projectPath, &diagnostics) {
            let (parsed, found) = ProjectParser.parse(source)
            project = parsed
            diagnostics += found
        }
        let markdown = MarkdownOptions(unsafeHTML: project?.unsafeHTML ?? false)

        var principles = PrinciplesFile()
        let principlesPath = join(data, "principles.md")
        if let refused = root.refusal(
            root.verdict(of: principlesPath), of: principlesPath, what: "principles.md",
            at: SourceLocation(path: principlesPath))
        {
            diagnostics.append(refused)
        } else if FileManager.default.fileExists(atPath: principlesPath),
            let source = read(principlesPath, &diagnostics)
        {
            let (parsed, found) = PrinciplesParser.parse(source, options: markdown)
            principles = parsed
            diagnostics += found
        }

        var (metrics, metricProblems) = parseAll(
            files(in: join(data, "metrics"), ending: ".md", within: root, &diagnostics), cache: cache,
            settings: "metric \(markdown)"
        ) { source, path in
            let (metric, found) = MetricParser.parse(source, id: baseName(path), options: markdown)
            return (metric.map { [$0] } ?? [], found)
        }
        diagnostics += metricProblems

        let decisionsFolder = options.decisionsDirectory ?? join(data, "decisions")
        var decisions: [Decision]
        var attachments: [DecisionAttachment] = []
        if let imported = options.decisionsDirectory {
            let found = try loadImported(imported, markdown: markdown, cache: cache)
            decisions = found.decisions
            attachments = found.attachments
            diagnostics += found.diagnostics
        } else {
            // The name is what follows the last '/' (`files` joins folder and name): no `URL` per file.
            let decisionPaths = files(in: decisionsFolder, ending: ".md", within: root, &diagnostics).filter {
                !nonDecisionNames.contains(
                    String($0[($0.lastIndex(of: "/").map($0.index(after:)) ?? $0.startIndex)...]).lowercased())
            }
            let (parsed, decisionProblems) = parseAll(
                decisionPaths, cache: cache, settings: "decision own \(markdown)"
            ) { source, path in
                var (decision, found) = DecisionParser.parse(source, id: baseName(path), options: markdown)
                // Of a body, what is kept once read is its HTML and its links (`compacted`).
                decision?.body.compact()
                return (decision.map { [$0] } ?? [], found)
            }
            decisions = parsed
            diagnostics += decisionProblems
        }

        let (snapshots, snapshotProblems) = parseAll(
            files(in: join(data, "snapshots"), ending: ".md", within: root, &diagnostics), cache: cache,
            settings: "snapshot \(markdown)"
        ) { source, path in
            var (snapshot, found) = SnapshotParser.parse(source, id: baseName(path), options: markdown)
            snapshot?.notes.compact()
            return (snapshot.map { [$0] } ?? [], found)
        }
        diagnostics += snapshotProblems

        let metricIDs = Set(metrics.map(\.id))
        let (seriesFiles, seriesProblems) = parseAll(
            files(in: join(data, "series"), ending: ".csv", within: root, &diagnostics), cache: cache,
            settings: "series \(metricIDs.sorted().joined(separator: ","))"
        ) { source, _ in
            let (file, found) = SeriesParser.parseFile(source, knownMetrics: metricIDs)
            return ([file], found)
        }
        diagnostics += seriesProblems
        let seriesObservations =
            seriesFiles.count == 1 ? seriesFiles[0].observations : seriesFiles.flatMap(\.observations)
        // A series file's notes become events of their metrics, after the metric file's own.
        let notes = Dictionary(grouping: seriesFiles.flatMap(\.notes), by: { $0.metric })
        for index in metrics.indices {
            guard let found = notes[metrics[index].id] else { continue }
            metrics[index].events = (metrics[index].events + found.map(\.event)).enumerated().sorted {
                ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
            }.map(\.element)
        }

        diagnostics += misplacedFiles(in: data, decisionsDirectory: options.decisionsDirectory)

        guard let project else { return Read(dataSet: nil, diagnostics: diagnostics) }
        var dataSet = DataSet(
            project: project, principles: principles, metrics: metrics.sorted { $0.id < $1.id },
            decisions: decisions, snapshots: snapshots, observations: [])
        dataSet.decisionAttachments = attachments
        return Read(
            dataSet: dataSet, seriesObservations: seriesObservations, seriesProjects: seriesFiles.flatMap(\.projects),
            importedRoot: options.decisionsDirectory, diagnostics: diagnostics)
    }

    /// Reads and parses files in parallel (they are independent); results and diagnostics keep the
    /// order of `paths`, so the outcome does not depend on scheduling. `settings` is what the parse
    /// depends on besides the bytes, and `settingsOf` what it depends on for one path (an imported
    /// record's id and folder, which other files can change): a cached parse is reused only with both.
    static func parseAll<T: Sendable>(
        _ paths: [String], cache: ParseCache? = nil, settings allSettings: String = "",
        settingsOf: (@Sendable (String) -> String)? = nil,
        _ parse: @escaping @Sendable (SourceText, String) -> ([T], [Diagnostic])
    ) -> ([T], [Diagnostic]) {
        let slots = Slots<([T], [Diagnostic])>(count: paths.count, empty: ([], []))
        // With a cache, a file whose metadata prove it unchanged is not read (`ParseCache`); the
        // stamp of the others is taken before their bytes are read, so it never vouches for older ones.
        let readAt = cache?.now() ?? 0
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let settings = settingsOf.map { allSettings + " " + $0(path) } ?? allSettings
            if let cached = cache?.unchanged(path, settings: settings, as: ([T], [Diagnostic]).self) {
                slots.set(index, cached)
                return
            }
            let stamp = cache == nil ? nil : ParseCache.Stamp(path: path)
            var problems: [Diagnostic] = []
            guard let data = readData(path, &problems) else {
                slots.set(index, ([], problems))
                return
            }
            if let cached = cache?.lookup(path, bytes: data, settings: settings, as: ([T], [Diagnostic]).self) {
                cache?.confirm(path, stamp: stamp, readAt: readAt)
                slots.set(index, cached)
                return
            }
            guard let source = decode(data, path: path, &problems) else {
                slots.set(index, ([], problems))
                return
            }
            let (values, found) = parse(source, path)
            cache?.store(path, bytes: data, settings: settings, value: (values, found), stamp: stamp, readAt: readAt)
            slots.set(index, (values, found))
        }
        let all = slots.all
        // Sized once: grown by appends, the lists of 5,000 decisions and snapshots kept up to
        // twice their size to the end of the build.
        var values: [T] = []
        values.reserveCapacity(all.reduce(0) { $0 + $1.0.count })
        var diagnostics: [Diagnostic] = []
        for (parsed, found) in all {
            values += parsed
            diagnostics += found
        }
        return (values, diagnostics)
    }

    /// Reads and decodes one file; an unreadable, empty or non-UTF-8 file becomes a diagnostic.
    package static func read(_ path: String, _ diagnostics: inout [Diagnostic]) -> SourceText? {
        readData(path, &diagnostics).flatMap { decode($0, path: path, &diagnostics) }
    }

    /// Reads one file; an unreadable or empty file becomes a diagnostic.
    static func readData(_ path: String, _ diagnostics: inout [Diagnostic]) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(
                .error(
                    SourceLocation(path: path), "the file cannot be read",
                    hint: isDirectory(path) ? "it is a folder; Bearings expects a file here" : "check its permissions"))
            return nil
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            diagnostics.append(
                .error(SourceLocation(path: path), "the file is empty", hint: "fill it in or delete it"))
            return nil
        }
        return data
    }

    /// Decodes a file's bytes; text that is not UTF-8 becomes a diagnostic.
    static func decode(_ data: Data, path: String, _ diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceText.decode([UInt8](data), path: path) {
        case .success(let source): return source
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Visible files directly inside `folder` whose names end with `suffix`, sorted by name, as
    /// `root` allows them (`InputFolder`): a link that leads outside it or to a hidden file is left
    /// out with a warning in `diagnostics`, and so is the folder itself when it does.
    static func files(
        in folder: String, ending suffix: String, within root: InputFolder, _ diagnostics: inout [Diagnostic]
    ) -> [String] {
        var visited = Set<String>()
        let found = root.entries(of: folder, visited: &visited, report: { $0.name.hasSuffix(suffix) }, &diagnostics)
        return (found ?? []).filter { !$0.isFolder && $0.name.hasSuffix(suffix) }.map(\.path)
    }

    /// Visible files directly inside `folder` whose names end with `suffix`, sorted by name; links
    /// that leave the folder are left out.
    package static func files(in folder: String, ending suffix: String) -> [String] {
        var ignored: [Diagnostic] = []
        return files(in: folder, ending: suffix, within: InputFolder(folder, name: "folder"), &ignored)
    }

    /// The names in `folder`, whether each is a folder (a link to one counts) and whether it is a
    /// symbolic link, in no particular order; nil when it cannot be read. The kind comes with the
    /// name from the directory listing, so a folder of 10,000 files costs no `stat` a file (`serve`
    /// lists the folders after each edit).
    static func entries(in folder: String) -> [(name: String, isDirectory: Bool, isLink: Bool)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [(name: String, isDirectory: Bool, isLink: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): result.append((name, true, false))
            case Int32(DT_REG): result.append((name, false, false))
            case Int32(DT_LNK): result.append((name, isDirectory(join(folder, name)), true))
            default:  // file systems that do not say
                let path = join(folder, name)
                var info = stat()
                let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                result.append((name, isDirectory(path), isLink))
            }
        }
        return result
    }

    /// Markdown and CSV files where Bearings never looks: probably misplaced. With `--decisions`,
    /// that folder is not looked into, and `data/decisions` (not read then) is one warning at most.
    static func misplacedFiles(in data: String, decisionsDirectory: String?) -> [Diagnostic] {
        var expected: [String: String] = ["metrics": ".md", "snapshots": ".md", "series": ".csv"]
        let ownDecisions = join(data, "decisions")
        let readsOwn = decisionsDirectory.map { samePath($0, ownDecisions) } ?? true
        if readsOwn { expected["decisions"] = ".md" }
        var result: [Diagnostic] = []
        var unreadDecisions = 0
        // Links are checked by the readers, which warn; here a link is only never followed out or round.
        let root = InputFolder(data, name: "data folder")
        var visited = Set<String>()
        var ignored: [Diagnostic] = []
        func walk(_ folder: String, relative: [String]) {
            guard let entries = root.entries(of: folder, visited: &visited, report: { _ in false }, &ignored) else {
                return
            }
            for (path, name, isFolder) in entries.map({ ($0.path, $0.name, $0.isFolder) }) {
                let inside = relative + [name]
                if isFolder {
                    if inside == ["sources"] { continue }
                    if let decisionsDirectory, samePath(path, decisionsDirectory) { continue }
                    walk(path, relative: inside)
                    continue
                }
                guard name.hasSuffix(".md") || name.hasSuffix(".csv") else { continue }
                if inside == ["project.md"] || inside == ["principles.md"] { continue }
                if inside.count == 2, let suffix = expected[inside[0]], name.hasSuffix(suffix) { continue }
                if !readsOwn, inside.first == "decisions" {
                    unreadDecisions += 1
                    continue
                }
                result.append(
                    .warning(
                        SourceLocation(path: path), "Bearings does not read this file here",
                        hint:
                            "metrics, decisions and snapshots go directly in their folders as .md, series as .csv; raw files belong in sources/"
                    ))
            }
        }
        walk(data, relative: [])
        if unreadDecisions > 0, let decisionsDirectory {
            result.append(
                .warning(
                    SourceLocation(path: ownDecisions),
                    "\(unreadDecisions) file\(unreadDecisions == 1 ? "" : "s") in this folder \(unreadDecisions == 1 ? "is" : "are") not read: --decisions names \(decisionsDirectory)",
                    hint: "move them into \(decisionsDirectory), or build without --decisions"))
        }
        return result
    }

    /// Whether two paths name the same folder (symbolic links and `..` resolved).
    static func samePath(_ left: String, _ right: String) -> Bool {
        URL(fileURLWithPath: left).resolvingSymlinksInPath().standardizedFileURL.path
            == URL(fileURLWithPath: right).resolvingSymlinksInPath().standardizedFileURL.path
    }

    package static func join(_ folder: String, _ name: String) -> String { joinPath(folder, name) }

    package static func baseName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
