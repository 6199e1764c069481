@testable import BearingsKit
@testable import BearingsAnalysis
@testable import BearingsModel
@testable import BearingsParsing
import Testing

/// The pieces of a bet's verdict: conditions as written, and a bet's verdict from its expectations.
struct BetVerdictTests {
    @Test(arguments: [
        ("share", ">= 50%", BearingsKit.Expectation.Condition.share(.atLeast, 0.5)),
        ("share", "> 49.5%", .share(.moreThan, 0.495)),
        ("value", "<= 10k", .value(.atMost, 10_000)),
        ("value", "< 1,200", .value(.lessThan, 1200)),
        ("rank", "<= 2", .rank(.atMost, 2)),
        ("change", ">= +20%", .change(.atLeast, 0.2)),
        ("change", ">= -10%", .change(.atLeast, -0.1)),
        ("passes", "tensorflow", .passes("tensorflow")),
    ])
    func readsConditionsAsWritten(key: String, text: String, expected: BearingsKit.Expectation.Condition) throws {
        guard case .success(let condition) = ExpectationParser.condition(key, text) else {
            Issue.record("'\(key): \(text)' was not read")
            return
        }
        #expect(condition == expected)
    }

    @Test(arguments: [
        ("share", "50%", "the condition '50%' has no operator"),
        ("share", ">= 120%", "a share of '120%' is not between 0% and 100%"),
        ("change", ">= 20", "the change '20' must be a percentage"),
        ("rank", "<= 1.5", "the rank '1.5' is not a whole number from 1"),
        ("rank", "<= 0", "the rank '0' is not a whole number from 1"),
        ("value", ">= lots", "'lots' in the condition '>= lots' is not a number"),
        ("passes", "Tensor Flow", "'Tensor Flow' is not a project id"),
    ])
    func rejectsMalformedConditions(key: String, text: String, message: String) {
        guard case .failure(let problem) = ExpectationParser.condition(key, text) else {
            Issue.record("'\(key): \(text)' was read")
            return
        }
        #expect(problem.message == message)
    }

    static func verdicts(_ list: [ExpectationVerdict.Verdict]) -> [ExpectationVerdict] {
        list.map {
            ExpectationVerdict(
                decision: "d",
                expectation: BearingsKit.Expectation(
                    metric: "m", condition: .value(.atLeast, 1), conditionText: ">= 1",
                    location: SourceLocation(path: "d.md")), by: nil, verdict: $0)
        }
    }

    @Test(arguments: [
        ([ExpectationVerdict.Verdict.met, .met], ExpectationVerdict.Verdict?.some(.met)),
        ([.met, .missed, .tooEarly], .missed),
        ([.met, .tooEarly, .noData], .tooEarly),
        ([.met, .noData], .noData),
        ([.withdrawn, .withdrawn], .withdrawn),
        ([.met, .withdrawn], .withdrawn),
        ([], nil),
    ])
    func aBetIsMetWhenAllAreMetAndMissedWhenAnyIsMissed(
        list: [ExpectationVerdict.Verdict], expected: ExpectationVerdict.Verdict?
    ) {
        #expect(Analysis.betVerdict(Self.verdicts(list)) == expected)
    }
}
