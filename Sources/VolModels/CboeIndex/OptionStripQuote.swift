/// One row of an SPX option chain for a single expiration, as the Cboe VIX calculation reads
/// it: a strike with the best bid and ask of the call and of the put at that strike.
///
/// Source: Cboe, "Cboe Volatility Index® (VIX®) White Paper" (2019 edition) and its successor,
/// Cboe Global Indices, "Volatility Index Methodology: Cboe Volatility Index" — both use the
/// mid quote (bid + ask) / 2 of each option as its price, and the bid alone to decide whether
/// an option is usable (a zero bid means "no bid").
///
/// Units: strike and prices in index points. A strip passed to ``CboeVIX`` must be sorted by
/// strictly increasing strike; each price must be finite and ≥ 0 with bid ≤ ask. The
/// initialiser does not check this so that a caller can build a strip and have all problems
/// reported at once, as typed ``CboeVIXError`` values, by ``CboeVIX/termVariance(strip:years:rate:)``.
public struct OptionStripQuote: Sendable, Equatable, Hashable {
    public let strike: Double
    public let callBid: Double
    public let callAsk: Double
    public let putBid: Double
    public let putAsk: Double

    public init(strike: Double, callBid: Double, callAsk: Double, putBid: Double, putAsk: Double) {
        self.strike = strike
        self.callBid = callBid
        self.callAsk = callAsk
        self.putBid = putBid
        self.putAsk = putAsk
    }

    /// Call mid quote, (bid + ask) / 2.
    public var callMid: Double { (callBid + callAsk) / 2 }
    /// Put mid quote, (bid + ask) / 2.
    public var putMid: Double { (putBid + putAsk) / 2 }
}
