/// Which side of the market an order takes: a buy pays toward the ask, a sell receives toward
/// the bid. Shared by the planners (which price budgets with the fill model) and the execution.
public enum Side: String, CaseIterable, Codable, Sendable {
    case buy
    case sell
}
