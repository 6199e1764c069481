import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsModel
@testable import BearingsRendering

/// A decision's page address and its number as shown, each made without Foundation in the common
/// case, agree with what Foundation makes.
struct DecisionLinkTests {
    @Test(arguments: [
        "0001-use-markdown", "ADR_12.v2~draft", "00001-answer-onboarding-evidence-quarter", "été", "a b", "50%",
        "x?y#z", "[a]", "a/b", "",
    ])
    func anIDIsEncodedAsFoundationEncodesIt(_ id: String) {
        let encoded = id.addingPercentEncoding(withAllowedCharacters: URLText.pathPartCharacters) ?? id
        #expect(SiteRenderer.decisionHref(id) == "decisions/\(encoded).html")
        #expect(URLText.encodedPathPart(id) == encoded)
    }

    // Decision numbers have at most five digits (`DecisionParser.idNumber`); `%04d` would cut a
    // number past 32 bits, this does not.
    @Test(arguments: [0, 7, 42, 123, 1234, 12345, 99999, -5, -1234])
    func aNumberIsPaddedAsPrintfPadsIt(_ number: Int) {
        #expect(SiteRenderer.paddedNumber(number) == String(format: "%04d", number))
    }
}
