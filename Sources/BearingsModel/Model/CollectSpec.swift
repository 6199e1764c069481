/// How `bearings collect` measures one metric: a metric file's `collect:` block.
public struct CollectSpec: Sendable, Equatable {
    /// One project the metric is measured for, and what the source needs to measure it.
    public struct Target: Sendable, Equatable {
        /// The project's column id.
        public var project: String
        /// What the source needs: `owner/repo`, a package name, a search query.
        public var argument: String
        /// Where the project id is written.
        public var location: SourceLocation

        /// Creates a target.
        public init(project: String, argument: String, location: SourceLocation) {
            self.project = project
            self.argument = argument
            self.location = location
        }
    }

    /// Where the numbers come from.
    public var source: CollectSource
    /// The projects to measure, in the order written.
    public var targets: [Target]
    /// Where the `collect:` key is.
    public var location: SourceLocation

    /// Creates a collect block.
    public init(source: CollectSource, targets: [Target], location: SourceLocation) {
        self.source = source
        self.targets = targets
        self.location = location
    }
}
