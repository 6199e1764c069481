import Testing

@testable import BearingsKit
@testable import BearingsModel

/// "Did you mean …?": which known name a mistyped one is taken for, and when none is offered.
struct SuggestionTests {
    static let distances: [Example<(String, String), Int>] = [
        Example("the same word", ("watch", "watch"), 0),
        Example("a letter left out", ("watc", "watch"), 1),
        Example("a letter added", ("watchh", "watch"), 1),
        Example("a letter changed", ("whtch", "watch"), 1),
        Example("two neighbours swapped", ("ebmer", "ember"), 1),
        Example("a swap and a missing letter", ("twiter-sevrer", "twitter-server"), 2),
        Example("an empty word", ("", "id"), 2),
        Example("nothing in common", ("abc", "xyz"), 3),
        Example("non-ASCII letters count once each", ("café", "cafe"), 1),
    ]

    @Test(arguments: distances)
    func countsEditsWithSwapsOfNeighboursAsOne(_ example: Example<(String, String), Int>) {
        #expect(Suggestion.distance(example.input.0, example.input.1) == example.expected)
        #expect(Suggestion.distance(example.input.1, example.input.0) == example.expected)
    }

    static let known = ["ember", "id", "mxnet", "tensorflow", "twitter-server", "watch", "superseded_by"]

    static let suggestions: [Example<String, String?>] = [
        Example("a swapped pair", "ebmer", "ember"),
        Example("a missing letter", "twiter-server", "twitter-server"),
        Example("a key cut short", "watc", "watch"),
        Example("a hyphen for an underscore", "superseded-by", "superseded_by"),
        Example("a third of a long name", "tensrflw", "tensorflow"),
        Example("too far from anything", "pytorch", nil),
        Example("two letters cannot become another two", "xy", nil),
        Example("a name already known", "mxnet", "mxnet"),
    ]

    @Test(arguments: suggestions)
    func suggestsTheClosestKnownNameOnlyWhenItIsClose(_ example: Example<String, String?>) {
        #expect(Suggestion.closest(to: example.input, among: Self.known) == example.expected)
    }

    @Test func breaksTiesByTheNameFirstInSortedOrder() {
        #expect(Suggestion.closest(to: "cat", among: ["cut", "bat", "car"]) == "bat")
        #expect(Suggestion.didYouMean("cat", among: ["cut", "bat", "car"]) == "did you mean 'bat'?")
        #expect(Suggestion.didYouMean("pytorch", among: ["tensorflow"]) == nil)
    }
}
