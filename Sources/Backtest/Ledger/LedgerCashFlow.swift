import MarketData
/// A dated net cash flow of a component (or of the whole book), for XIRR.
///
/// Sign convention as QuantCore's `CashFlow`: money paid out (premium paid, fees, the opening
/// capital) negative, money received (credit, settlement received, terminal value) positive.
/// Convert with `CashFlow(dayNumber: flow.dayNumber, amount: flow.amount.dollars)`.
public struct LedgerCashFlow: Hashable, Codable, Sendable {
    /// Days since 1970-01-01 (`MarketDate.dayNumber`).
    public var dayNumber: Int
    /// Net cents on that day.
    public var amount: Cents

    public init(dayNumber: Int, amount: Cents) {
        self.dayNumber = dayNumber
        self.amount = amount
    }
}
