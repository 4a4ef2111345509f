import MarketData

/// A planned iron condor with everything needed to judge it, in dollars unless stated
/// (SPX multiplier 100, `condor.quantity` contracts of each leg).
public struct CondorPlan: Sendable, Codable, Equatable {
    /// Valuation date (the chain's date) and SPX close.
    public var date: MarketDate
    public var spot: Double
    public var regime: Regime
    /// Rules as adjusted for the regime (short |Δ| target, size multiplier).
    public var adjustment: CondorRegimeAdjustment
    /// The condor, sized, with the natural credit as its opening credit.
    public var condor: IronCondor
    /// Calendar days from `date` to the expiry.
    public var daysToExpiry: Int
    /// Long put, short put, short call, long call, as quoted on the chain.
    public var legs: [CondorLeg]
    /// Natural credit per condor (index points): shorts sold at the bid, longs bought at the ask.
    public var naturalCredit: Double
    /// Mid credit per condor (index points): every leg at its model mid.
    public var midCredit: Double
    /// Risk budget: capital · max_loss_fraction · size multiplier.
    public var riskBudget: Double
    /// max(putWidth, callWidth) · 100 − naturalCredit · 100: max loss of one contract.
    public var maxLossPerContract: Double
    /// Max profit (= total natural credit) and max loss of the whole position.
    public var maxProfit: Double
    public var maxLoss: Double
    /// Break-evens at expiry: shortPut − naturalCredit and shortCall + naturalCredit.
    public var lowerBreakEven: Double
    public var upperBreakEven: Double
    /// Risk-neutral P(lower < S_T < upper) from the surface's digital prices
    /// (`CondorModelPricer.probabilityAbove`: the smile's slope included).
    public var probabilityOfProfit: Double
    /// The same with lognormal N(d₂) at each break-even's own surface vol (smile slope ignored).
    public var probabilityOfProfitLognormal: Double
    public var greeks: CondorGreeks
    /// P&L vs S&P 500 today, half-way and at expiry (nil when the caller asked for none: a
    /// backtest opening hundreds of condors does not draw them).
    public var riskGraph: CondorRiskGraph?

    public func leg(_ role: CondorLegRole) -> CondorLeg { legs.first { $0.role == role }! }
}
