import Foundation
import BearingsLoading
import BearingsModel
import BearingsParsing

extension Scaffold {
    /// One file `bearings init` writes: its path inside the data folder and its text.
    public struct StarterFile: Sendable, Equatable {
        /// The path relative to the data folder, `/`-separated.
        public var path: String
        /// The whole text.
        public var text: String

        /// Creates a starter file.
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// `bearings init`: writes a data folder that passes `bearings check --strict` (SPEC §3 "init") into a
    /// folder that does not exist yet or is empty, creating missing parents; returns the paths written.
    /// Any other folder (a hidden file is enough) or a file in its place is refused with exit status 2.
    public func initialize(_ starter: StarterProject) throws(ScaffoldError) -> [String] {
        try initialize(files: Scaffold.starterFiles(starter, date: today, dataArgument: dataDirectory))
    }

    /// Writes `files` into a new or empty data folder, all or nothing: when one cannot be written,
    /// the files written before it and the folders created for them are removed again, so a failed
    /// `init` leaves the folder as it was (absent or empty) and can simply be run again.
    func initialize(files: [StarterFile]) throws(ScaffoldError) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dataDirectory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ScaffoldError(
                    path: dataDirectory, reason: "is a file; 'bearings init' writes a new data folder (use --data DIR)",
                    exitCode: 2)
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: dataDirectory)
            } catch {
                throw ScaffoldError(
                    path: dataDirectory, reason: "cannot read the folder: \(error.localizedDescription)", exitCode: 3)
            }
            if !entries.isEmpty {
                throw ScaffoldError(
                    path: dataDirectory,
                    reason:
                        "is not empty; 'bearings init' writes only into a new or empty folder (use --data DIR to name another)",
                    exitCode: 2)
            }
        }
        var written: [String] = []
        // Folders that did not exist before, outermost first: the data folder itself and its
        // subfolders (and any missing parents of the data folder, which `createDirectory` makes too).
        var created: [String] = []
        func createdFolders(upTo folder: String) -> [String] {
            var missing: [String] = []
            var current = folder
            while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
                missing.insert(current, at: 0)
                // The parent by hand: "a/b" → "a", "a" → "" (a relative path's end), "/a" → "/".
                guard let slash = current.lastIndex(of: "/") else { break }
                current = slash == current.startIndex ? "/" : String(current[..<slash])
            }
            return missing
        }
        for file in files {
            let parts = file.path.split(separator: "/").map(String.init)
            guard let name = parts.last else { continue }
            let folder = parts.dropLast().reduce(dataDirectory) { DataLoader.join($0, $1) }
            let path = DataLoader.join(folder, name)
            let missing = createdFolders(upTo: folder)
            do {
                try write(file.text, to: path, creating: folder, existsExitCode: 2)
            } catch {
                // Whatever `write` made before failing (its folders) goes too.
                created += missing
                for done in written.reversed() { unlink(done) }
                for folder in created.reversed() { rmdir(folder) }
                throw error
            }
            created += missing
            written.append(path)
        }
        return written
    }

    /// The files of a new data folder, in the order they are written: `README.txt` (next steps; not `.md`,
    /// which `check` would report as misplaced), `project.md`, `principles.md`, one metric file per source
    /// that applies, and one decision dated `date`. `dataArgument` is the `--data` value the README's
    /// commands repeat (left out when it is the default, `data`).
    public static func starterFiles(_ starter: StarterProject, date: Day, dataArgument: String) -> [StarterFile] {
        let metrics = starterMetrics(starter)
        let decisionTitle = "Measure adoption by use, not by stars"
        let decisionPath = "decisions/" + decisionFileName(number: 1, title: decisionTitle)
        return [
            StarterFile(
                path: "README.txt",
                text: starterReadme(starter, metrics: metrics, decisionPath: decisionPath, dataArgument: dataArgument)),
            StarterFile(path: "project.md", text: starterProject(starter)),
            StarterFile(path: "principles.md", text: starterPrinciples(starter)),
        ]
            + metrics.map { StarterFile(path: "metrics/\($0.id).md", text: starterMetricText($0, starter)) }
            + [
                StarterFile(
                    path: decisionPath,
                    text: starterDecision(starter, title: decisionTitle, metrics: metrics, date: date))
            ]
    }

    /// The one principle `init` writes, which its decision serves.
    static let starterPrinciple = "Measure use, not attention"

    /// A metric `init` writes: its file's fields and body.
    struct StarterMetric {
        var id: String
        var name: String
        var kind: String
        var unit: String
        var scale: String?
        var source: String
        var collectSource: String
        /// One argument per project (ours first), nil where it is not measured.
        var arguments: [String?]
        var body: String
    }

    /// Contributors (the headline) and stars from GH Archive for every repository, then downloads for each
    /// registry given.
    static func starterMetrics(_ starter: StarterProject) -> [StarterMetric] {
        let repositories = starter.members.map { Optional($0.repository) }
        var metrics = [
            StarterMetric(
                id: "contributors", name: "Contributors per month", kind: "usage", unit: "people", scale: nil,
                source: "https://www.gharchive.org/", collectSource: "gharchive-contributors",
                arguments: repositories,
                body: """
                    People who pushed to the project's GitHub repository or opened a pull request there, counted once
                    each per month from GH Archive's public event stream; logins ending in `[bot]` are left out.
                    `bearings collect --history` fetches every complete month.

                    This is the report's headline: people who write code for a project use it, which a star does not
                    show. It misses work done elsewhere (mirrors, private forks, other repositories of the same
                    project); add a metric for those if they matter.
                    """),
            StarterMetric(
                id: "stars", name: "New GitHub stars per month", kind: "vanity", unit: "stars", scale: nil,
                source: "https://www.gharchive.org/", collectSource: "gharchive-stars", arguments: repositories,
                body: """
                    Stars given to the project's GitHub repository each month, counted from GH Archive's public event
                    stream (WatchEvents). A star is a bookmark: it measures attention, not use, so this metric is drawn
                    apart and is never the headline.
                    """),
        ]
        let registries: [(StarterProject.Registry, String, String, String, String, String)] = [
            (
                .pypi, "pypi-downloads", "PyPI downloads per month", "https://clickpy.clickhouse.com/",
                "clickpy-downloads",
                """
                Downloads of the project's package from PyPI each month, from ClickPy's copy of PyPI's download log
                (package names normalized as PyPI does). Downloads count installs by people and by machines alike
                (CI runs, mirrors), so compare them between projects and over time rather than read them as users.
                """
            ),
            (
                .npm, "npm-downloads", "npm downloads per month",
                "https://github.com/npm/registry/blob/main/docs/download-counts.md", "npm-downloads",
                """
                Downloads of the project's package from npm each month, from npm's download counts API. They count
                installs by people and by machines alike (CI runs, mirrors), so compare them between projects and
                over time rather than read them as users.
                """
            ),
            (
                .crates, "crates-downloads", "crates.io downloads in the last 90 days", "https://crates.io/",
                "crates-downloads",
                """
                Downloads of the project's crate from crates.io in the 90 days before the day it is measured.
                crates.io keeps no monthly history to fetch, so `bearings collect --history` leaves this metric
                alone: plain `bearings collect` measures it, once a month, into a snapshot. Downloads count builds
                by machines as well as people.
                """
            ),
        ]
        for (registry, id, name, source, collectSource, body) in registries {
            guard let names = starter.packages[registry], names.contains(where: { $0 != nil }) else { continue }
            metrics.append(
                StarterMetric(
                    id: id, name: name, kind: "usage", unit: "downloads", scale: "log", source: source,
                    collectSource: collectSource, arguments: names, body: body))
        }
        return metrics
    }

    static func starterMetricText(_ metric: StarterMetric, _ starter: StarterProject) -> String {
        var lines = [
            "---",
            "name: \(metric.name)",
            "kind: \(metric.kind)",
            "unit: \(metric.unit)",
            "lag: \"0\"",
            "cadence: month",
        ]
        if let scale = metric.scale { lines.append("scale: \(scale)") }
        lines += [
            "source: \(metric.source)",
            "collect:",
            "  source: \(metric.collectSource)",
            "  projects:",
        ]
        for (member, argument) in zip(starter.members, metric.arguments) {
            guard let argument else { continue }
            lines.append("    \(yamlScalar(member.id)): \(yamlScalar(argument))")
        }
        lines += ["---", metric.body]
        return lines.joined(separator: "\n") + "\n"
    }

    static func starterProject(_ starter: StarterProject) -> String {
        var lines = [
            "---",
            "name: \(yamlScalar(starter.project.name))",
            "id: \(yamlScalar(starter.project.id))",
            "url: https://github.com/\(starter.project.repository)",
            "headline: contributors",
        ]
        if !starter.competitors.isEmpty {
            lines.append("competitors:     # id: the name shown on pages, here the repository's; write the real one")
            for competitor in starter.competitors {
                lines.append("  \(yamlScalar(competitor.id)): \(yamlScalar(competitor.name))")
            }
        }
        let ours = "\(markdownText(starter.project.name)) \(repositoryLink(starter.project.repository))"
        let against =
            starter.competitors.isEmpty
            ? "on its own; add the projects people could choose instead under `competitors:`, and to each metric's `collect:` block, to compare"
            : "against "
                + list(
                    starter.competitors.map {
                        "\(markdownText($0.name)) \(repositoryLink($0.repository))"
                    })
        lines += [
            "---",
            "This report follows \(ours) \(against).",
            "It counts use, not attention: the people who contribute code and, where there are packages,",
            "downloads; stars are kept apart.",
            "",
            "Edit this introduction: it is the first thing a reader of the dashboard sees.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func starterPrinciples(_ starter: StarterProject) -> String {
        let name = markdownText(starter.project.name)
        return """
            The principles behind \(name): what it stands for and how it chooses its course. Each decision names
            the principles it serves. Edit the one below and add your own, one `## ` heading each; a principle's
            id is the slug of its heading.

            ## \(starterPrinciple)

            Judge how \(name) is doing by what people build with it (code they contribute, packages they
            install) and against the projects they could have chosen instead. Count stars and other marks of
            attention, but apart: they are easy to raise and say little about use.

            """
    }

    static func starterDecision(_ starter: StarterProject, title: String, metrics: [StarterMetric], date: Day)
        -> String
    {
        let review = date.addingMonths(12)
        let watched = metrics.filter { $0.kind == "usage" }.map(\.id)
        let condition =
            starter.competitors.first.map { "passes: \(yamlScalar($0.id))" } ?? "change: \">= +20%\""
        let lines = [
            "---",
            "status: accepted",
            "date: \(date)",
            "kind: other",
            "principles: [\(Slug.make(starterPrinciple))]",
            "watch: [\(watched.joined(separator: ", "))]",
            "review: \(review)",
            "# expect:        # what would show that the bet worked, judged at 'by' (default: the review date)",
            "#   - metric: contributors",
            "#     \(condition)   # or share: \">= 50%\", value: \">= 10k\", rank: \"<= 2\", change: \">= +20%\"",
            "#     by: \(review)",
            "---",
            "# \(title)",
            "",
            "## Context and Problem Statement",
            "",
            "We want to know whether \(markdownText(starter.project.name)) is gaining or losing ground, and why.",
            "Stars are the number everyone quotes, but anyone can give one and they say little about use.",
            "",
            "## Decision Outcome",
            "",
            "We judge adoption by the people who contribute code each month and, where we publish packages,",
            "by downloads, always against the projects people could choose instead. We still count stars,",
            "apart, as attention.",
            "",
            "## Consequences",
            "",
            "This record is an example of a decision written as a bet: edit it or replace it. Uncomment",
            "`expect:` above to say what would show that it worked; Bearings judges it at its `by` date.",
            "Start the next decision with `bearings new decision \"Title\"`.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func starterReadme(
        _ starter: StarterProject, metrics: [StarterMetric], decisionPath: String, dataArgument: String
    ) -> String {
        let data = dataArgument == "data" ? "" : " --data \(shellWord(dataArgument))"
        var lines = [
            "This is the data folder of a Bearings report on \(starter.project.name), written by 'bearings init'.",
            "Every file in it is text to edit; 'bearings check\(data)' names any problem with its line.",
            "",
            "Next steps",
            "",
            "1. Fetch the monthly history of every metric, then build the site into site/",
            "   (open site/index.html), or preview it while you edit:",
            "",
            "     bearings collect --history\(data)",
            "     bearings build\(data)",
            "     bearings serve\(data)",
            "",
        ]
        if metrics.contains(where: { $0.id == "crates-downloads" }) {
            lines += [
                "   crates.io keeps no history: 'bearings collect\(data)' measures metrics/crates-downloads.md",
                "   into a snapshot dated today.",
                "",
            ]
        }
        if !starter.competitors.isEmpty {
            lines += [
                "2. project.md: the competitors' names are their repositories' names as written",
                "   (\(starter.competitors.map(\.name).joined(separator: ", "))): write the names to show.",
                "   Add a tagline and edit the introduction.",
            ]
        } else {
            lines += [
                "2. project.md: add a tagline, edit the introduction, and list the projects to compare",
                "   against under 'competitors:' (and in each metric's 'collect:' block).",
            ]
        }
        lines += [
            "",
            "3. principles.md: edit the example principle and add your own, one '## ' heading each.",
            "",
            "4. \(decisionPath): an example decision, written as a bet.",
            "   Edit it, and uncomment its 'expect:' to say what would show that it worked.",
            "   Start the next one with:",
            "",
            "     bearings new decision \"Title\" --date YYYY-MM-DD\(data)",
            "",
            "5. metrics/: one file per measure; its 'collect:' block says where the numbers come from.",
            "   Run 'bearings collect --history\(data)' again each month to add the month",
            "   that ended (Bearings' README has a scheduled GitHub Actions workflow that does it).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `([owner/repo](https://github.com/owner/repo))`, the name escaped for Markdown.
    private static func repositoryLink(_ repository: String) -> String {
        "([\(markdownText(repository))](https://github.com/\(repository)))"
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// `text` as a YAML scalar: plain when it is letters, digits, spaces and `._/()+-` that YAML reads as a
    /// string, otherwise double-quoted with `\` and `"` escaped.
    static func yamlScalar(_ text: String) -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ._/()+-")
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]
        if let first = text.first, first.isLetter, first.isASCII, text.last != " ",
            text.allSatisfy(plain.contains), !words.contains(text.lowercased())
        {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                quoted += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// `text` inside a line of Markdown, shown as written: the characters that could start emphasis, code,
    /// a link, raw HTML, an entity or strikethrough there are backslash-escaped.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>!&~|".contains(character) {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// `text` as one word for a POSIX shell: as it is when it needs no quoting, otherwise single-quoted.
    private static func shellWord(_ text: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-+=:,@%")
        if !text.isEmpty, text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
