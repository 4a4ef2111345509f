/// One entry of the daily-run journal: what the decision engine decided on a date for the
/// stored book under one ruleset (its hash), and from which inputs. The payload is the
/// decision's JSON (orders, refusals, regime), stored whole in one row so an entry is written
/// completely or not at all.
public struct JournalEntry: Sendable, Codable, Equatable {
    public var date: MarketDate
    public var rulesetHash: String
    /// When it was recorded, ISO-8601 UTC (the only wall-clock value: it decides nothing).
    public var recordedAt: String
    /// The decision as JSON (`DecisionEngine.Day` with the inputs' dates).
    public var decision: String

    public init(date: MarketDate, rulesetHash: String, recordedAt: String, decision: String) {
        self.date = date
        self.rulesetHash = rulesetHash
        self.recordedAt = recordedAt
        self.decision = decision
    }
}
