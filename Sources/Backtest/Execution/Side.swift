/// Which side of the market an order takes: a buy pays toward the ask, a sell receives toward
/// the bid. (Same cases as `Strategy.OrderSide`; kept here so execution models stand alone.)
public enum Side: String, CaseIterable, Codable, Sendable {
    case buy
    case sell
}
