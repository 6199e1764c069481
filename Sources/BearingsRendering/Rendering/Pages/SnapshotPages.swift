/// A snapshot's page (templates/snapshot.mustache). Its title is the layout's `title`.
struct SnapshotPage: Sendable {
    static let template = "snapshot"
    let date: String
    let sourceHref: String
    let source: String
    let notesHTML: HTML
    /// The measurements, metrics down and projects across.
    let tableHTML: HTML
    let previous: SnapshotLink?
    let next: SnapshotLink?
}

/// A link to a neighbouring snapshot.
struct SnapshotLink: Sendable {
    let title: String
    let date: String
    /// Whether the title does not already say the date.
    let showDate: Bool
    let href: String
}

/// The snapshots page (templates/snapshots.mustache), newest first.
struct SnapshotsPage: Sendable {
    static let template = "snapshots"
    let snapshots: [SnapshotItem]
}

/// A snapshot in the list.
struct SnapshotItem: Sendable {
    let title: String
    let date: String
    let href: String
    /// "12 values", "3 metrics".
    let count: String
    let metrics: String
    let showDate: Bool
    /// The projects measured, by name.
    let projects: String
}

/// The page a host sends for a missing path (templates/404.mustache): the layout's values only.
struct NotFoundPage: Sendable {
    static let template = "404"
}
