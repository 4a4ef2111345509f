import Foundation
import MarketData

/// The journal as JSON, shared by `journal --json` and `GET /api/v1/journal`: an array of
/// `{date, rulesetHash, recordedAt, decision}` with each decision as the run recorded it.
public enum JournalJSON {
    /// - Throws: an error naming the entry when a recorded decision is not JSON.
    public static func render(_ entries: [JournalEntry]) throws -> String {
        let objects = try entries.map { entry -> [String: Any] in
            let decision: Any
            do {
                decision = try JSONSerialization.jsonObject(with: Data(entry.decision.utf8))
            } catch {
                throw BacktestError.marketData("journal entry of \(entry.date) (ruleset \(entry.rulesetHash.prefix(12))) is not JSON")
            }
            return ["date": entry.date.description, "rulesetHash": entry.rulesetHash, "recordedAt": entry.recordedAt, "decision": decision]
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
