import BearingsModel

extension Validator {
    /// SPEC §1: a project id written in the data that is neither project.md's `id` nor a declared
    /// competitor. With a `competitors:` map in project.md it is an error at every reference (each
    /// file names an id once: a snapshot in its header, a series file at its first row naming it, a
    /// metric in its `collect:` block's `projects`);
    /// without one, the id still becomes a competitor shown by its id, and a warning says so once,
    /// at its first reference by path, line and column, since the fix is one line in project.md.
    ///
    /// Any other place that names projects (expectations) adds its references here.
    static func undeclaredProjects(_ references: [ProjectReference], project: Project) -> [Diagnostic] {
        var known = Set(project.competitors.map(\.id))
        known.insert(project.id)
        let projectFile = project.location.path
        var warned = Set<String>()
        var diagnostics: [Diagnostic] = []
        for reference in references.sorted(by: { ($0.location, $0.id) < ($1.location, $1.id) })
        where !known.contains(reference.id) {
            let suggestion = Suggestion.closest(to: reference.id, among: known).map { "; did you mean '\($0)'?" } ?? ""
            if project.declaresCompetitors {
                let ids = known.sorted().map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    .error(
                        reference.location, "unknown project '\(reference.id)'\(suggestion)",
                        hint: suggestion.isEmpty
                            ? "declare it under 'competitors:' in \(projectFile), or use a declared id: \(ids)"
                            : "correct the id, or declare it under 'competitors:' in \(projectFile)"))
            } else if warned.insert(reference.id).inserted {
                diagnostics.append(
                    .warning(
                        reference.location, "project '\(reference.id)' is not declared in project.md\(suggestion)",
                        hint:
                            "declare it under 'competitors:' in \(projectFile), e.g. '\(reference.id): Its name'; until then it is a competitor named '\(reference.id)'"
                    ))
            }
        }
        return diagnostics
    }
}
