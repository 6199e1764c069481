// Page structs: read by the template compiler too (Sources/TemplateCompiler, `PageType`), so each
// is a plain `struct` with stored `let` fields of String, HTML, Bool, Int, [T], T? or another
// struct of this folder. An empty String counts as absent; a list `items` has `hasItems` beside it.

/// What every page's layout shows (templates/layout.mustache): the innermost context of every page,
/// so a page struct repeats none of these names.
struct PageLayout: Sendable {
    static let template = "layout"
    /// The page's title, and the same with the project's name, for `<title>`.
    let title: String
    let pageTitle: String
    /// The link preview's description, the page's absolute URL and the badge's (empty without a base URL).
    let previewDescription: String
    let pageURL: String
    let badgeURL: String
    /// "Edit this page", or empty.
    let editURL: String
    /// The way back to the site's root from the page: "" or "../".
    let root: String
    let projectName: String
    let tagline: String
    let projectURL: String
    let dataAsOf: String
    let builtAt: String
    let nav: [NavigationItem]
}

/// A link of the site's navigation.
struct NavigationItem: Sendable {
    let label: String
    let href: String
    /// Whether it is the page shown.
    let current: Bool
}
