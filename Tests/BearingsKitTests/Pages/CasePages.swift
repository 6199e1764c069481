// Page structs of the template cases (TemplateCases/typed.mustache, which renders every case
// inside layout.mustache): the EmbedTemplates plugin reads this folder as it reads
// Sources/BearingsRendering/Rendering/Pages/, and compiles `typed` against `CasePage`.
@testable import BearingsKit
@testable import BearingsRendering

/// The layout's values.
struct CaseLayout: Sendable {
    static let template = "layout"
    let title: String
    let root: String
    let tagline: String
    let nav: [CaseNavigation]
}

/// A link of the layout.
struct CaseNavigation: Sendable {
    let label: String
    let href: String
    let current: Bool
}

/// The page of typed.mustache.
struct CasePage: Sendable {
    static let template = "typed"
    let name: String
    let label: String
    let count: Int
    let flag: Bool
    let off: Bool
    let empty: String
    let html: HTML
    let blank: HTML
    let items: [CaseItem]
    let noItems: [CaseItem]
    let words: [String]
    let object: CaseItem?
    /// Never set: an absent optional.
    let none: CaseItem?
    let text: String
    /// Never set: an absent text.
    let missing: String
    let tags: [String]
}

/// An item of a list.
struct CaseItem: Sendable {
    let name: String
    let label: String
    let title: String
    let flag: Bool
    let tags: [String]
}
