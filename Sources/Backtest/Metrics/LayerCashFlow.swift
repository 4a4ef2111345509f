/// One dated cash flow of a strategy layer (the condor, or one VIX hedge layer).
///
/// Sign convention (same as QuantCore's `CashFlow`): `premium < 0` is premium **paid**
/// (buying options, paying to close a short), `premium > 0` is premium **received**
/// (selling, closing a long, settlement value). `fees` are commissions and exchange fees,
/// always paid, given as a non-negative number.
public struct LayerCashFlow: Equatable, Hashable, Sendable {
    /// Days since 1970-01-01.
    public var dayNumber: Int
    /// Signed option premium in dollars: negative = paid, positive = received.
    public var premium: Double
    /// Fees paid in dollars, `>= 0`.
    public var fees: Double

    public init(dayNumber: Int, premium: Double, fees: Double = 0) {
        self.dayNumber = dayNumber
        self.premium = premium
        self.fees = fees
    }

    /// The net cash flow, `premium - fees`.
    public var net: Double { premium - fees }
}
