import Foundation
import BearingsLoading
import BearingsModel
import BearingsParsing

/// `bearings new` and `bearings init`: start a decision record, a snapshot or a whole data folder, never
/// over an existing file. The text of each file comes from a pure function (`Scaffold+Decision.swift`,
/// `Scaffold+Snapshot.swift`, `Scaffold+Init.swift`); this file does the reading and the writing.
public struct Scaffold: Sendable {
    /// The data folder.
    public var dataDirectory: String
    /// The clock: today's date is its day in UTC. Tests pin it.
    public var now: @Sendable () -> Date

    /// Creates a scaffold for a data folder, reading the time from `now`.
    public init(dataDirectory: String = "data", now: @escaping @Sendable () -> Date = { Date() }) {
        self.dataDirectory = dataDirectory
        self.now = now
    }

    /// Today, in UTC, by the clock.
    public var today: Day { Day(ordinal: Int((now().timeIntervalSince1970 / 86_400).rounded(.down))) }

    /// Writes `<data>/decisions/NNNN-<slug>.md` with the next free number, dated `date` (default: today);
    /// returns its path.
    public func newDecision(title: String, date: Day? = nil) throws(ScaffoldError) -> String {
        try requireProject()
        let folder = DataLoader.join(dataDirectory, "decisions")
        let names = DataLoader.files(in: folder, ending: ".md").map { URL(fileURLWithPath: $0).lastPathComponent }
        let number = Scaffold.nextDecisionNumber(after: names)
        let path = DataLoader.join(folder, Scaffold.decisionFileName(number: number, title: title))
        try write(Scaffold.decisionText(title: title, date: date ?? today), to: path, creating: folder)
        return path
    }

    /// Writes `<data>/snapshots/<date>.md` with an empty table of every metric × project; returns its path.
    public func newSnapshot(date: Day? = nil) throws(ScaffoldError) -> String {
        try requireProject()
        let projectPath = DataLoader.join(dataDirectory, "project.md")
        var diagnostics: [Diagnostic] = []
        guard let source = DataLoader.read(projectPath, &diagnostics),
            case (let project?, _) = ProjectParser.parse(source)
        else {
            throw ScaffoldError(
                path: projectPath,
                reason: "cannot read the project's id and competitors; run 'bearings check' to see why", exitCode: 1)
        }
        let metrics = DataLoader.files(in: DataLoader.join(dataDirectory, "metrics"), ending: ".md")
            .map(DataLoader.baseName)
        let projects = [project.id] + project.competitors.map(\.id)
        let day = date ?? today
        let folder = DataLoader.join(dataDirectory, "snapshots")
        let path = DataLoader.join(folder, "\(day).md")
        try write(Scaffold.snapshotText(date: day, metrics: metrics, projects: projects), to: path, creating: folder)
        return path
    }

    /// A data folder with a `project.md`, as `check` needs one: a missing folder is exit status 3 and a
    /// missing `project.md` exit status 1, as `check` has them; both say how to start one with `init`.
    private func requireProject() throws(ScaffoldError) {
        let start = "start one with 'bearings init --name NAME --repo OWNER/REPO', or name another with --data DIR"
        guard DataLoader.isDirectory(dataDirectory) else {
            throw ScaffoldError(path: dataDirectory, reason: "the data folder does not exist; \(start)", exitCode: 3)
        }
        let projectPath = DataLoader.join(dataDirectory, "project.md")
        guard FileManager.default.fileExists(atPath: projectPath) else {
            throw ScaffoldError(
                path: projectPath, reason: "is missing, so this is not a data folder yet; \(start)", exitCode: 1)
        }
    }

    /// Creates the file only if it does not exist yet (`O_EXCL`), so not even a race can overwrite one;
    /// a file that exists is an error with exit status `existsExitCode`.
    func write(_ text: String, to path: String, creating folder: String, existsExitCode: Int32 = 1)
        throws(ScaffoldError)
    {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ScaffoldError(
                path: folder, reason: "cannot create the folder: \(error.localizedDescription)", exitCode: 3)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw ScaffoldError(
                    path: path, reason: "already exists; Bearings never overwrites a file (rename or delete it first)",
                    exitCode: existsExitCode)
            }
            throw ScaffoldError(
                path: path, reason: "cannot create the file: \(String(cString: strerror(errno)))", exitCode: 3)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let closed = close(descriptor)
        if written != bytes.count || closed != 0 {
            throw ScaffoldError(
                path: path, reason: "cannot write the file: \(String(cString: strerror(errno)))", exitCode: 3)
        }
    }
}

/// Why `bearings new` or `bearings init` wrote nothing.
public struct ScaffoldError: Error, Equatable, CustomStringConvertible {
    /// The file or folder concerned.
    public var path: String
    /// Why.
    public var reason: String
    /// Exit status: 1 for a file that already exists or data that cannot be used, 2 for a folder `init`
    /// refuses, 3 for I/O.
    public var exitCode: Int32

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }

    /// Creates a scaffold error.
    public init(path: String, reason: String, exitCode: Int32) {
        self.path = path
        self.reason = reason
        self.exitCode = exitCode
    }
}
