import MarketData
import QuantCore

/// One modelled option quote: model mid, the quoted bid/ask around it, the model implied
/// volatility and the model greeks (QuantCore conventions: vega per 1.00 vol, theta = -∂V/∂T
/// per year). Every price here comes from a model, never from market quotes.
public struct SyntheticQuote: Sendable, Equatable {
    public var bid: Double
    public var ask: Double
    public var mid: Double
    public var impliedVolatility: Double
    public var valuation: OptionValuation
}

/// All strikes of one expiry: calls and puts aligned with `strikes`.
public struct SyntheticExpiry: Sendable, Equatable {
    public var expiry: MarketDate
    /// ACT/365 years from the valuation close to the expiry close.
    public var years: Double
    /// Continuously compounded rate used for this expiry.
    public var rate: Double
    /// Forward (SPX) or futures price (VIX) the options are priced on.
    public var forward: Double
    public var strikes: [Double]
    public var calls: [SyntheticQuote]
    public var puts: [SyntheticQuote]
}

/// A modelled end-of-day chain for one underlying and date.
public struct SyntheticChain: Sendable, Equatable {
    public var underlying: String
    public var date: MarketDate
    /// SPX close, or the VIX index level for VIX chains (options are priced on each expiry's future).
    public var underlyingLevel: Double
    public var expiries: [SyntheticExpiry]
    /// Which model inputs were real on this date and which fell back (VIX chains: futures
    /// settlements, VVIX).
    public var notes: [String] = []

    public var optionCount: Int { expiries.reduce(0) { $0 + 2 * $1.strikes.count } }

    /// States what these numbers are, for every report that shows them.
    public static let provenance =
        "Modelled prices: no real SPX/VIX option quotes are used; see README 'Volatility models'."
}
