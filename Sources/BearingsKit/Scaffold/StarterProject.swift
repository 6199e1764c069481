import BearingsModel
import BearingsParsing

/// What `bearings init` writes a data folder for: the project, its competitors and their packages, read
/// from the command line and checked before anything is written (SPEC §3 "init").
public struct StarterProject: Sendable, Equatable {
    /// One project of the report, ours or a competitor.
    public struct Member: Sendable, Equatable {
        /// The column id in snapshots, series and `collect:` blocks.
        public var id: String
        /// The name shown on pages: `--name` for ours, the repository's name for a competitor.
        public var name: String
        /// `owner/repo` on GitHub.
        public var repository: String
    }

    /// A package registry whose downloads `init` can measure.
    public enum Registry: String, Sendable, CaseIterable {
        /// PyPI, `--pypi`.
        case pypi
        /// npm, `--npm`.
        case npm
        /// crates.io, `--crates`.
        case crates
    }

    /// This project, first column of every table.
    public var project: Member
    /// The `--vs` projects, in the order given.
    public var competitors: [Member]
    /// Each registry given: one package name per project (ours first, then the competitors in order),
    /// nil where `-` skipped one or the list stopped early.
    public var packages: [Registry: [String?]]

    /// Every project, ours first.
    public var members: [Member] { [project] + competitors }

    /// Why the command line cannot make a starter project: a usage error (exit status 2).
    public struct Problem: Error, Equatable, CustomStringConvertible {
        /// What is wrong and how to write it.
        public var description: String

        /// Creates a problem.
        public init(_ description: String) { self.description = description }
    }

    /// Checks the command-line values and works out the ids.
    ///
    /// The project's id is the slug of `name` (diacritics folded), or of its repository's name when the
    /// name has no Latin letters or digits. A competitor's id is the slug of its repository's name; when
    /// that is taken (by the project or an earlier competitor), the slug of `owner-repo`; when that is
    /// taken too, the first free of `<slug>-2`, `<slug>-3`, …. Package lists name ours first, then the
    /// competitors in order; `-` skips one, and a shorter list skips the rest.
    public static func make(
        name: String, repository: String, competitors: [String] = [], pypi: [String] = [], npm: [String] = [],
        crates: [String] = []
    ) throws(Problem) -> StarterProject {
        let name = name.trimmingSpaces
        guard !name.isEmpty else {
            throw Problem("--name is empty; give the project's display name, e.g. --name PyTorch")
        }
        guard !name.contains(where: \.isNewline) else { throw Problem("--name must be one line") }
        let repository = try repositoryName(repository, option: "--repo")
        let others = try competitors.map { text throws(Problem) in try repositoryName(text, option: "--vs") }
        var seen: Set<String> = [repository.lowercased()]
        for other in others where !seen.insert(other.lowercased()).inserted {
            throw Problem("--vs names '\(other)' twice, or names --repo itself; list each repository once")
        }

        let repositoryBase = Slug.make(String(repository.split(separator: "/")[1]))
        var projectID = Scaffold.foldedSlug(name)
        if projectID.isEmpty { projectID = repositoryBase.isEmpty ? "project" : repositoryBase }
        var taken: Set<String> = [projectID]
        var members: [Member] = []
        for other in others {
            let parts = other.split(separator: "/").map(String.init)
            let id = freeID(candidates: [Slug.make(parts[1]), Slug.make(parts[0] + "-" + parts[1])], taken: taken)
            taken.insert(id)
            members.append(Member(id: id, name: parts[1], repository: other))
        }

        var packages: [Registry: [String?]] = [:]
        for (registry, list) in [(Registry.pypi, pypi), (.npm, npm), (.crates, crates)] where !list.isEmpty {
            packages[registry] = try packageNames(list, registry: registry, projects: 1 + others.count)
        }
        return StarterProject(
            project: Member(id: projectID, name: name, repository: repository), competitors: members,
            packages: packages)
    }

    /// `text` when it is `owner/repo`.
    private static func repositoryName(_ text: String, option: String) throws(Problem) -> String {
        let trimmed = text.trimmingSpaces
        if GitHubRepositoryName.problem(with: trimmed) != nil {
            throw Problem("\(option) takes a GitHub repository as OWNER/REPO (e.g. pytorch/pytorch), not '\(text)'")
        }
        return trimmed
    }

    /// The first of `candidates` that is a slug not taken, else the first candidate with the smallest free
    /// number after it.
    private static func freeID(candidates: [String], taken: Set<String>) -> String {
        let usable = candidates.filter { !$0.isEmpty }
        if let free = usable.first(where: { !taken.contains($0) }) { return free }
        let base = usable.first ?? "project"
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    /// One name (or nil for `-`) per project, checked as the registry's collect source checks it.
    private static func packageNames(_ list: [String], registry: Registry, projects: Int) throws(Problem)
        -> [String?]
    {
        let option = "--\(registry.rawValue)"
        guard list.count <= projects else {
            throw Problem(
                "\(option) names \(list.count) packages for \(projects) project\(projects == 1 ? "" : "s"); "
                    + "list ours first, then one per --vs repository in order (- skips one)")
        }
        var names: [String?] = []
        for entry in list {
            let name = entry.trimmingSpaces
            if name == "-" {
                names.append(nil)
                continue
            }
            guard !name.isEmpty else {
                throw Problem("\(option) has an empty name; write - to skip a project")
            }
            if let problem = registry.collectSource.problem(with: name) {
                throw Problem("\(option): \(problem)")
            }
            names.append(name)
        }
        return names + Array(repeating: nil, count: projects - names.count)
    }
}

extension StarterProject.Registry {
    /// The plain collect source that measures this registry's downloads (and checks its package names).
    var collectSource: CollectSource {
        switch self {
        case .pypi: .pypiDownloads
        case .npm: .npmDownloads
        case .crates: .cratesDownloads
        }
    }
}
