/// A dated cash flow for ``PortfolioStatistics/xirr(_:)``.
///
/// Dates are plain day numbers (days since 1970-01-01, the Unix epoch), so QuantCore
/// stays free of Foundation; only differences between day numbers matter.
/// Sign convention: money paid out by the investor (premium paid, deposit) is
/// negative, money received (credit, withdrawal, final value) is positive.
public struct CashFlow: Equatable, Hashable, Sendable {
    /// Days since 1970-01-01 (any fixed epoch works; only differences are used).
    public var dayNumber: Int
    /// Amount in any single currency unit; negative = outflow, positive = inflow.
    public var amount: Double

    public init(dayNumber: Int, amount: Double) {
        self.dayNumber = dayNumber
        self.amount = amount
    }
}
