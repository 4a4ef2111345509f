import QuantCore

/// One of the four legs of an iron condor.
public enum CondorLegRole: String, Sendable, Codable, CaseIterable {
    case longPut = "long_put"
    case shortPut = "short_put"
    case shortCall = "short_call"
    case longCall = "long_call"

    public var optionType: OptionType { self == .longPut || self == .shortPut ? .put : .call }
    /// +1 for a long leg, −1 for a short leg.
    public var sign: Double { self == .longPut || self == .longCall ? 1 : -1 }
}

/// A leg as quoted on the chain when the condor was planned: prices in index points per unit,
/// greeks per unit of underlying in QuantCore conventions (delta ∂V/∂S, gamma ∂²V/∂S², vega per
/// 1.00 vol, theta = −∂V/∂T per year), all for a long position in one option.
public struct CondorLeg: Sendable, Codable, Equatable {
    public var role: CondorLegRole
    public var strike: Double
    public var bid: Double
    public var ask: Double
    public var mid: Double
    /// Model implied volatility at this strike (per √year).
    public var impliedVolatility: Double
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double

    public init(role: CondorLegRole, strike: Double, bid: Double, ask: Double, mid: Double, impliedVolatility: Double, valuation: OptionValuation) {
        self.role = role
        self.strike = strike
        self.bid = bid
        self.ask = ask
        self.mid = mid
        self.impliedVolatility = impliedVolatility
        delta = valuation.delta
        gamma = valuation.gamma
        vega = valuation.vega
        theta = valuation.theta
    }

    /// Conservative fill price: a short leg sells at the bid, a long leg buys at the ask.
    public var openingFill: Double { role.sign < 0 ? bid : ask }
    /// Conservative closing price: a short leg buys back at the ask, a long leg sells at the bid.
    public var closingFill: Double { role.sign < 0 ? ask : bid }
}
