import BearingsModel
import Mustache

/// A page struct whose template is compiled (its conformance is generated from templates/ and
/// Pages/ by the EmbedTemplates plugin): `render` writes the built-in page, reading the struct's
/// fields directly; the generated `MustacheParent` conformance lets swift-mustache read the same
/// struct by the same names when a `--templates` folder replaces the template.
protocol CompiledPage: MustacheParent {
    associatedtype Layout: MustacheParent
    /// The template's name (`decision`).
    static var template: String { get }
    /// Appends the built-in page, inside the layout, to `out` as UTF-8.
    func render(layout: Layout, into out: inout ByteBuffer)
}

/// A page struct with its layout, written when the file is: `write` appends the page's bytes to a
/// buffer the caller owns (one per rendering thread, reused), so no `String` is made per page.
struct PageOutput {
    /// Appends the page, inside its layout, to the buffer.
    let write: (inout ByteBuffer) -> Void
}

/// A page and its layout as swift-mustache's one root context: a name is the layout's, else the
/// page's, as the compiled page looks it up (the layout innermost).
struct PageContext<Page: MustacheParent, Layout: MustacheParent>: MustacheParent {
    let page: Page
    let layout: Layout

    func child(named name: String) -> Any? { layout.child(named: name) ?? page.child(named: name) }
}
