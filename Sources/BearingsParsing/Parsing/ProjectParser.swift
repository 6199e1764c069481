import Yams
import BearingsModel

/// Reads project.md.
public enum ProjectParser {
    /// The front matter keys of project.md, in the order the reference lists them.
    static let keys = [
        "name", "id", "tagline", "url", "repository", "edit_url", "base_url", "headline", "competitors", "unsafe_html",
    ]

    /// Parses project.md; nil when it is too broken to use.
    public static func parse(_ source: SourceText) -> (Project?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let frontMatter = FrontMatter(source, diagnostics: &diagnostics)
        return parse(source, frontMatter: frontMatter, diagnostics: diagnostics)
    }

    /// The rest of `parse(_:)`, once the front matter is read (the fuzz target reads it once for
    /// several parsers); `diagnostics` are those reading it gave.
    static func parse(_ source: SourceText, frontMatter: FrontMatter, diagnostics: [Diagnostic])
        -> (Project?, [Diagnostic])
    {
        var diagnostics = diagnostics
        var fields = FieldReader(frontMatter)
        let location = SourceLocation(path: source.path, line: 1, column: 1)
        if !frontMatter.isPresent {
            diagnostics.append(
                .error(
                    location, "project.md has no front matter",
                    hint: "start the file with '---', a line 'name: Your project', and '---'"))
            return (nil, diagnostics)
        }
        let name = fields.string("name", required: true, hint: "add 'name: Your project' to the front matter")
        var id = fields.string("id")
        if let given = id, !Slug.isSlug(given) {
            fields.diagnostics.append(
                .error(
                    frontMatter.valueLocation("id"), "project id '\(given)' is not a slug",
                    hint: "use lower-case letters, digits and '-', e.g. '\(Slug.make(given))'"))
            id = nil
        }
        var competitors: [Project.Competitor] = []
        var competitorLocations: [String: SourceLocation] = [:]
        var declaresCompetitors = false
        if let node = frontMatter.fields["competitors"] {
            switch node {
            case .mapping(let mapping):
                declaresCompetitors = true
                for (key, value) in mapping {
                    guard let competitorID = key.string?.trimmingSpaces, let display = value.string?.trimmingSpaces
                    else {
                        fields.diagnostics.append(
                            .error(frontMatter.location(key.mark), "each competitor must be 'id: Display name'"))
                        continue
                    }
                    guard Slug.isSlug(competitorID) else {
                        fields.diagnostics.append(
                            .error(
                                frontMatter.location(key.mark), "competitor id '\(competitorID)' is not a slug",
                                hint: "use lower-case letters, digits and '-', e.g. '\(Slug.make(competitorID))'"))
                        continue
                    }
                    competitorLocations[competitorID] = frontMatter.location(key.mark)
                    competitors.append(.init(id: competitorID, name: display.isEmpty ? competitorID : display))
                }
            case .scalar(let scalar) where ["", "~", "null"].contains(scalar.string):
                declaresCompetitors = true  // "competitors:" with none under it: there are none
            default:
                fields.diagnostics.append(
                    .error(
                        frontMatter.valueLocation("competitors"), "'competitors' must map ids to display names",
                        hint: "write one 'id: Display name' per line, indented under 'competitors:'"))
            }
        }
        let unsafeHTML = fields.bool("unsafe_html") ?? false
        let tagline = fields.string("tagline")
        let url = fields.string("url")
        let repository = fields.string("repository")
        let editURL = fields.string("edit_url")
        // Edit links are made from `edit_url`, else from `repository`; anything but http(s) makes none.
        let key = editURL != nil ? "edit_url" : "repository"
        if let value = editURL ?? repository, !URLText.isWebURL(value) {
            fields.diagnostics.append(
                .warning(
                    frontMatter.valueLocation(key), "'\(key)' is not an http(s) URL, so pages get no edit links",
                    hint: key == "repository"
                        ? "give the repository's web address, e.g. 'https://github.com/owner/name'"
                        : "give the address a file's path is added to, e.g. 'https://github.com/owner/name/edit/main/'")
            )
        }
        let baseURL = fields.string("base_url")
        let headline = fields.string("headline")
        diagnostics += fields.diagnostics
        diagnostics += frontMatter.unknownKeys(known: keys, file: "project.md")
        guard let name else { return (nil, diagnostics) }
        let projectID = id ?? Slug.make(name)
        if let duplicate = competitors.first(where: { $0.id == projectID }) {
            diagnostics.append(
                .error(
                    competitorLocations[duplicate.id] ?? frontMatter.valueLocation("competitors"),
                    "competitor '\(duplicate.id)' has the same id as the project itself"))
        }
        var keyLocations: [String: SourceLocation] = [:]
        for key in frontMatter.fields.keys { keyLocations[key] = frontMatter.valueLocation(key) }
        let project = Project(
            name: name, id: projectID, tagline: tagline, url: url, repository: repository, editURL: editURL,
            baseURL: baseURL,
            headline: headline, competitors: competitors, declaresCompetitors: declaresCompetitors,
            unsafeHTML: unsafeHTML,
            introduction: Markdown.parse(frontMatter.body, options: MarkdownOptions(unsafeHTML: unsafeHTML)),
            location: location, keyLocations: keyLocations)
        return (project, diagnostics)
    }
}
