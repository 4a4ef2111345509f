/// One end-of-day option quote from a chain file (OptionsDX or Cboe DataShop layouts).
/// Prices per unit of underlying; `impliedVolatility` per √year and `delta` as the vendor
/// reports them, when present.
public struct OptionQuote: Hashable, Sendable, Codable {
    public enum Right: String, Sendable, Codable { case call = "C", put = "P" }

    public var underlying: String
    public var quoteDate: MarketDate
    public var expiry: MarketDate
    public var strike: Double
    public var right: Right
    public var bid: Double
    public var ask: Double
    public var underlyingPrice: Double?
    public var impliedVolatility: Double?
    public var delta: Double?
    public var volume: Double?
    public var openInterest: Double?

    public init(
        underlying: String, quoteDate: MarketDate, expiry: MarketDate, strike: Double, right: Right,
        bid: Double, ask: Double, underlyingPrice: Double? = nil, impliedVolatility: Double? = nil,
        delta: Double? = nil, volume: Double? = nil, openInterest: Double? = nil
    ) {
        self.underlying = underlying
        self.quoteDate = quoteDate
        self.expiry = expiry
        self.strike = strike
        self.right = right
        self.bid = bid
        self.ask = ask
        self.underlyingPrice = underlyingPrice
        self.impliedVolatility = impliedVolatility
        self.delta = delta
        self.volume = volume
        self.openInterest = openInterest
    }
}
