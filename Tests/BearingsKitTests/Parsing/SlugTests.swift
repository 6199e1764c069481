import Testing

@testable import BearingsKit
@testable import BearingsParsing

/// Ids from text: lower-case ASCII letters and digits, runs of anything else one `-`, trimmed.
struct SlugTests {
    static let slugs: [Example<String, String>] = [
        Example("two words", "Immediate mode", "immediate-mode"),
        Example(
            "punctuation and surrounding spaces", "  Debuggability first!  ", "debuggability-first"),
        Example("a run of symbols becomes one dash", "C++ & Python", "c-python"),
        Example("digits are kept", "100% use", "100-use"),
        Example("non-ASCII letters are separators", "Café au lait", "caf-au-lait"),
        Example("non-ASCII at the start is trimmed", "Über alles", "ber-alles"),
        Example("an existing slug is unchanged", "papers-share", "papers-share"),
        Example("underscores become dashes", "mongo_replacement", "mongo-replacement"),
        Example("nothing usable", "—!?", ""),
        Example("empty", "", ""),
    ]

    @Test(arguments: slugs)
    func makesASlug(_ example: Example<String, String>) {
        #expect(Slug.make(example.input) == example.expected)
    }

    static let checks: [Example<String, Bool>] = [
        Example("a slug", "papers-share", true),
        Example("digits only", "2019", true),
        Example("upper case", "Papers", false),
        Example("a double dash", "a--b", false),
        Example("a leading dash", "-a", false),
        Example("a trailing dash", "a-", false),
        Example("an underscore", "a_b", false),
        Example("a space", "a b", false),
        Example("empty", "", false),
    ]

    @Test(arguments: checks)
    func tellsWhetherTextIsAlreadyASlug(_ example: Example<String, Bool>) {
        #expect(Slug.isSlug(example.input) == example.expected)
    }
}
