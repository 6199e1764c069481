/// Who the report is about and who it compares against (project.md).
public struct Project: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// Column id in snapshot tables.
    public var id: String
    /// One line under the name.
    public var tagline: String?
    /// The project's home page.
    public var url: String?
    /// Source repository; enables "edit this page" links.
    public var repository: String?
    /// Where edit links point: this URL followed by a file's path (`data/decisions/0001-x.md`).
    /// Nil: `repository` + `/edit/main/`.
    public var editURL: String?
    /// Absolute URL of the published site, used only in the feed and sitemap.
    public var baseURL: String?
    /// Metric id of the dashboard's headline chart.
    public var headline: String?
    /// Competitors in display order: column id and display name.
    public var competitors: [Competitor]
    /// Whether project.md has a `competitors:` map (an empty one included): then an id that is
    /// neither `id` nor a competitor's is an error; without one, a warning.
    public var declaresCompetitors: Bool
    /// Whether raw HTML in Markdown is passed through.
    public var unsafeHTML: Bool
    /// The introduction shown on the dashboard.
    public var introduction: MarkdownDocument
    /// Where project.md is.
    public var location: SourceLocation
    /// Where each front matter key was given, for cross-reference diagnostics.
    public var keyLocations: [String: SourceLocation]

    /// A project that Bearings compares against.
    public struct Competitor: Sendable, Equatable {
        /// Column id.
        public var id: String
        /// Display name.
        public var name: String
        /// Creates a competitor.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Creates a project.
    public init(
        name: String, id: String, tagline: String? = nil, url: String? = nil, repository: String? = nil,
        editURL: String? = nil, baseURL: String? = nil, headline: String? = nil, competitors: [Competitor] = [],
        declaresCompetitors: Bool = false, unsafeHTML: Bool = false,
        introduction: MarkdownDocument = MarkdownDocument(), location: SourceLocation,
        keyLocations: [String: SourceLocation] = [:]
    ) {
        self.name = name
        self.id = id
        self.tagline = tagline
        self.url = url
        self.repository = repository
        self.editURL = editURL
        self.baseURL = baseURL
        self.headline = headline
        self.competitors = competitors
        self.declaresCompetitors = declaresCompetitors
        self.unsafeHTML = unsafeHTML
        self.introduction = introduction
        self.location = location
        self.keyLocations = keyLocations
    }
}
