/// One decision record (decisions/<id>.md, or a record of another dialect read through --decisions).
public struct Decision: Sendable, Equatable {
    /// The statuses of SPEC §1.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case proposed, accepted, rejected, deprecated, superseded
    }

    /// What sort of bet a decision is.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case scope, risk, integration, community, other
    }

    /// Which way of writing decision records a file used.
    public enum Dialect: String, Sendable, Codable {
        /// YAML front matter (Bearings, MADR 3 and 4).
        case frontMatter = "front-matter"
        /// adr-tools / Nygard: `Date:` line and `## Status` section.
        case nygard
        /// MADR 2 / log4brains: `* Status:` bullets under the title.
        case madr2
    }

    /// A link to another decision found in the status text, e.g. "Amended by [9](0009-x.md)".
    public struct StatusLink: Sendable, Equatable {
        /// The words before the link, lower-cased, e.g. "amended by".
        public var relation: String
        /// The target decision id.
        public var target: String
        /// Creates a status link.
        public init(relation: String, target: String) {
            self.relation = relation
            self.target = target
        }
    }

    /// File name without `.md`.
    public var id: String
    /// The leading number of the id, if any.
    public var number: Int?
    /// The first `# ` heading.
    public var title: String
    /// The status mapped onto SPEC's statuses; nil when the record has none.
    public var status: Status?
    /// The status as written, for display ("Superseded by 0012", "Pending").
    public var statusText: String?
    /// The decision's date.
    public var date: Day?
    /// Scope, risk, integration, community or other.
    public var kind: Kind?
    /// Principle ids it serves.
    public var principles: [String]
    /// Metric ids that will show whether it worked.
    public var watch: [String]
    /// When to look at this bet again.
    public var review: Day?
    /// When the bet was last looked at again (`reviewed:`): it is not due again until a review
    /// date or a final verdict comes after it.
    public var reviewed: Day?
    /// The decision that replaced this one.
    public var supersededBy: String?
    /// Other links found in the status, such as "Amended by".
    public var statusLinks: [StatusLink]
    /// Free list of people.
    public var deciders: [String]
    /// Free list of tags.
    public var tags: [String]
    /// The body without the title (and without MADR 2 metadata bullets).
    public var body: MarkdownDocument
    /// How the record was written.
    public var dialect: Dialect
    /// Where the file starts.
    public var location: SourceLocation
    /// Where each metadata field was given, for cross-reference diagnostics.
    public var fieldLocations: [String: SourceLocation]
    /// What would show that the bet worked (`expect:`).
    public var expectations: [Expectation] = []
    /// Whether the record was read from a `--decisions` folder (written for another tool).
    public var isImported: Bool
    /// The subfolder of the decisions folder the record is in, `/`-separated; empty at its top.
    public var folder: String = ""

    /// Creates a decision.
    public init(
        id: String, number: Int? = nil, title: String, status: Status? = nil, statusText: String? = nil,
        date: Day? = nil, kind: Kind? = nil, principles: [String] = [], watch: [String] = [], review: Day? = nil,
        supersededBy: String? = nil, statusLinks: [StatusLink] = [], deciders: [String] = [], tags: [String] = [],
        body: MarkdownDocument = MarkdownDocument(), dialect: Dialect = .frontMatter, location: SourceLocation,
        fieldLocations: [String: SourceLocation] = [:], isImported: Bool = false
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
        self.statusText = statusText
        self.date = date
        self.kind = kind
        self.principles = principles
        self.watch = watch
        self.review = review
        self.supersededBy = supersededBy
        self.statusLinks = statusLinks
        self.deciders = deciders
        self.tags = tags
        self.body = body
        self.dialect = dialect
        self.location = location
        self.fieldLocations = fieldLocations
        self.isImported = isImported
    }
}
