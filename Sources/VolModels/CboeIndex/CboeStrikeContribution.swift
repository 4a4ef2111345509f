/// One strike that made it into a Cboe VIX variance strip, with its share of the sum.
///
/// Source: Cboe VIX White Paper (2019), Step 2 ("contribution of a single option"), and the
/// Volatility Index Methodology's per-strike tables. The contribution is the summand
/// ΔK_i / K_i² × e^{RT} × Q(K_i), before the 2/T factor.
public struct CboeStrikeContribution: Sendable, Equatable {
    /// Which option's mid quote is Q(K).
    public enum Kind: String, Sendable, Equatable {
        /// Out-of-the-money put (K < K0).
        case put
        /// Out-of-the-money call (K > K0).
        case call
        /// K0 itself: the average of the put and call mid quotes.
        case putCallAverage
    }

    public let strike: Double
    public let kind: Kind
    /// Q(K): mid quote of the selected option (the put/call average at K0).
    public let price: Double
    /// ΔK: half the distance between the neighbouring *included* strikes; one-sided at the ends.
    public let deltaK: Double
    /// ΔK / K² × e^{RT} × Q(K).
    public let contribution: Double

    public init(strike: Double, kind: Kind, price: Double, deltaK: Double, contribution: Double) {
        self.strike = strike
        self.kind = kind
        self.price = price
        self.deltaK = deltaK
        self.contribution = contribution
    }
}
