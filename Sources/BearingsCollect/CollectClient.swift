import BearingsKit
import Foundation

/// Asks for one value: sends the request, retries by the policy, reads the number.
struct CollectClient: Sendable {
    var transport: any HTTPTransport
    var policy: RetryPolicy
    var headers: [CollectService: [String: String]]
    var now: @Sendable () -> Date
    var sleep: @Sendable (Double) async -> Void

    /// The value `source` reads from the answer to `request`, or why there is none.
    func value(_ request: CollectRequest, source: CollectSource) async -> Result<Int64, CollectFailure> {
        var attempt = 1
        while true {
            let answer: CollectAnswer
            switch await transport.get(request.url, headers: headers[request.service] ?? [:]) {
            case .failure(let failure): return .failure(failure)
            case .success(let received): answer = received
            }
            switch policy.step(after: answer, service: request.service, attempt: attempt, now: now()) {
            case .accept:
                guard let measure = source.measure else {
                    return .failure(CollectFailure("\(source.rawValue) has only history: use --history"))
                }
                return measure.value(from: answer)
            case .fail(let failure): return .failure(failure)
            case .retry(let seconds):
                await sleep(seconds)
                attempt += 1
            }
        }
    }
}
