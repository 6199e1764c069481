import Yams
import BearingsModel

/// Reads a metric's `collect:` block (SPEC §1, §3): `source:` and a `projects:` map from project id to
/// what the source needs. Kept apart from `MetricParser` so the block's rules live in one place.
enum CollectBlockParser {
    /// The keys a `collect:` block may have.
    static let keys = ["source", "projects"]

    /// The block in `frontMatter`, nil when there is none or it is unusable; problems go into `diagnostics`.
    static func parse(_ frontMatter: FrontMatter, diagnostics: inout [Diagnostic]) -> CollectSpec? {
        guard let node = frontMatter.fields["collect"] else { return nil }
        let blockLocation = frontMatter.keyLocations["collect"] ?? frontMatter.valueLocation("collect")
        let example =
            "write 'collect:' with 'source: pypi-downloads' and 'projects: {our-id: package}' indented under it"
        guard case .mapping(let mapping) = node else {
            if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) { return nil }
            diagnostics.append(
                .error(
                    frontMatter.valueLocation("collect"), "'collect' must be a map with 'source' and 'projects'",
                    hint: example))
            return nil
        }
        var sourceNode: Yams.Node?, projectsNode: Yams.Node?
        var sourceKeyLocation = blockLocation, projectsKeyLocation = blockLocation
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "source":
                sourceNode = value
                sourceKeyLocation = frontMatter.location(key.mark)
            case "projects":
                projectsNode = value
                projectsKeyLocation = frontMatter.location(key.mark)
            default:
                diagnostics.append(
                    .error(
                        frontMatter.location(key.mark), "unknown key '\(name)' in 'collect'",
                        hint: Suggestion.hintFor(name, among: Set(keys), kind: "key")))
            }
        }
        let source = readSource(
            sourceNode, at: sourceKeyLocation, blockLocation: blockLocation, frontMatter, &diagnostics)
        let targets = readTargets(
            projectsNode, at: projectsKeyLocation, blockLocation: blockLocation, source: source, frontMatter,
            &diagnostics)
        guard let source, let targets else { return nil }
        return CollectSpec(source: source, targets: targets, location: blockLocation)
    }

    private static func readSource(
        _ node: Yams.Node?, at keyLocation: SourceLocation, blockLocation: SourceLocation, _ frontMatter: FrontMatter,
        _ diagnostics: inout [Diagnostic]
    ) -> CollectSource? {
        let names = CollectSource.allCases.map(\.rawValue)
        guard let node else {
            diagnostics.append(
                .error(
                    blockLocation, "'collect' has no 'source'",
                    hint: "add 'source:' with one of \(names.joined(separator: ", "))"))
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingSpaces.isEmpty else {
            diagnostics.append(
                .error(
                    node.mark == nil ? keyLocation : frontMatter.location(node.mark),
                    "'source' in 'collect' must be one source name",
                    hint: "one of \(names.joined(separator: ", "))"))
            return nil
        }
        let text = scalar.string.trimmingSpaces
        guard let source = CollectSource(rawValue: text.lowercased()) else {
            let close = Suggestion.hintFor(text.lowercased(), among: Set(names), kind: "source")
            diagnostics.append(
                .error(
                    frontMatter.location(scalar.mark), "unknown source '\(text)'",
                    hint: close.hasPrefix("did you mean") ? close : "use one of \(names.joined(separator: ", "))"))
            return nil
        }
        return source
    }

    private static func readTargets(
        _ node: Yams.Node?, at keyLocation: SourceLocation, blockLocation: SourceLocation, source: CollectSource?,
        _ frontMatter: FrontMatter, _ diagnostics: inout [Diagnostic]
    ) -> [CollectSpec.Target]? {
        let what = source?.argumentDescription ?? "what the source needs"
        let hint = "map each project id to \(what), e.g. 'projects: {our-id: …, their-id: …}'"
        guard let node else {
            diagnostics.append(.error(blockLocation, "'collect' has no 'projects'", hint: hint))
            return nil
        }
        guard case .mapping(let mapping) = node, !mapping.isEmpty else {
            diagnostics.append(
                .error(
                    node.mark == nil ? keyLocation : frontMatter.location(node.mark),
                    "'projects' in 'collect' must map project ids to \(what)", hint: hint))
            return nil
        }
        var targets: [CollectSpec.Target] = []
        var valid = true
        for (key, value) in mapping {
            let keyLocation = frontMatter.location(key.mark)
            guard let project = key.string?.trimmingSpaces, !project.isEmpty else {
                diagnostics.append(.error(keyLocation, "a project id in 'projects' must be a plain word", hint: hint))
                valid = false
                continue
            }
            guard case .scalar(let scalar) = value, !scalar.string.trimmingSpaces.isEmpty else {
                diagnostics.append(
                    .error(
                        value.mark == nil ? keyLocation : frontMatter.location(value.mark),
                        "'\(project)' in 'projects' must name \(what)", hint: hint))
                valid = false
                continue
            }
            let argument = scalar.string.trimmingSpaces
            if let source, let problem = source.problem(with: argument) {
                diagnostics.append(
                    .error(
                        frontMatter.location(scalar.mark), problem,
                        hint: "\(source.rawValue) needs \(source.argumentDescription)"))
                valid = false
                continue
            }
            targets.append(CollectSpec.Target(project: project, argument: argument, location: keyLocation))
        }
        return valid ? targets : nil
    }
}
