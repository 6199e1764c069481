import BearingsKit
import Foundation

extension CollectClient {
    /// The successful answer to a history request (a GET, or a POST to ClickHouse), retried by the
    /// policy, or why there is none; a ClickHouse error's own text is kept in the reason.
    func answer(_ request: HistoryRequest) async -> Result<CollectAnswer, CollectFailure> {
        var attempt = 1
        let fields = headers[request.service] ?? [:]
        while true {
            let sent =
                if let body = request.body {
                    await transport.post(request.url, headers: fields, body: body)
                } else {
                    await transport.get(request.url, headers: fields)
                }
            let answer: CollectAnswer
            switch sent {
            case .failure(let failure): return .failure(failure)
            case .success(let received): answer = received
            }
            switch policy.step(after: answer, service: request.service, attempt: attempt, now: now()) {
            case .accept: return .success(answer)
            case .fail(let failure):
                guard request.service.isClickHouse, let text = ClickHouseQuery.errorText(answer) else {
                    return .failure(failure)
                }
                return .failure(CollectFailure("\(failure.reason): \(text)"))
            case .retry(let seconds):
                await sleep(seconds)
                attempt += 1
            }
        }
    }
}
