/// A project id as written in the data (a snapshot's column header, a series row's `project`
/// field), and where: what the undeclared-project check of SPEC §1 looks at.
public struct ProjectReference: Sendable, Hashable {
    /// The id as written.
    public var id: String
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
