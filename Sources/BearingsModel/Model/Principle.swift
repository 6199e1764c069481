/// One `## ` section of principles.md.
public struct Principle: Sendable, Equatable {
    /// Slug of the heading.
    public var id: String
    /// The heading text.
    public var title: String
    /// The text under the heading.
    public var statement: MarkdownDocument
    /// Where the heading is.
    public var location: SourceLocation

    /// Creates a principle.
    public init(id: String, title: String, statement: MarkdownDocument, location: SourceLocation) {
        self.id = id
        self.title = title
        self.statement = statement
        self.location = location
    }
}

/// principles.md as a whole.
public struct PrinciplesFile: Sendable, Equatable {
    /// Text before the first principle.
    public var introduction: MarkdownDocument
    /// The principles in file order.
    public var principles: [Principle]
    /// Where the file is (line 1); nil when there is no principles.md.
    public var location: SourceLocation?

    /// Creates the file's model.
    public init(
        introduction: MarkdownDocument = MarkdownDocument(), principles: [Principle] = [],
        location: SourceLocation? = nil
    ) {
        self.introduction = introduction
        self.principles = principles
        self.location = location
    }
}
