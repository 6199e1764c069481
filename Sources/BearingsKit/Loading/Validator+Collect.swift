extension Validator {
    /// Project ids in `collect:` blocks must be this project or a declared competitor (SPEC §1): an error
    /// when project.md declares competitors, a warning naming where to declare it when it does not.
    static func collectDiagnostics(_ dataSet: DataSet) -> [Diagnostic] {
        let project = dataSet.project
        let known = Set([project.id] + project.competitors.map(\.id))
        var diagnostics: [Diagnostic] = []
        for metric in dataSet.metrics {
            for target in metric.collect?.targets ?? [] where !known.contains(target.project) {
                if project.competitors.isEmpty {
                    diagnostics.append(
                        .warning(
                            target.location, "project '\(target.project)' is not declared in project.md",
                            hint: "declare it under 'competitors:' in project.md, e.g. '\(target.project): Its name'"))
                } else {
                    let close = hintFor(target.project, among: known, kind: "project")
                    diagnostics.append(
                        .error(
                            target.location, "unknown project '\(target.project)'",
                            hint: close.hasPrefix("did you mean")
                                ? close
                                : "declare it under 'competitors:' in project.md, or use one of "
                                    + known.sorted().map { "'\($0)'" }.joined(separator: ", ")))
                }
            }
        }
        return diagnostics
    }
}
