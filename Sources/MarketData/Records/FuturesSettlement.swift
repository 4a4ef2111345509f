/// One daily settlement price of one futures contract: `root` (`VX` for Cboe VIX futures), the
/// trading date, the contract's expiry (final settlement date) and the settlement price in index
/// points. VX settlements before 2007-03-26 were quoted on Cboe's old ×10 scale; importers
/// divide those by 10 and say so, so every stored settlement is on the VIX scale.
public struct FuturesSettlement: Hashable, Sendable, Codable {
    public var root: String
    public var date: MarketDate
    public var expiry: MarketDate
    public var settle: Double

    public init(root: String, date: MarketDate, expiry: MarketDate, settle: Double) {
        self.root = root
        self.date = date
        self.expiry = expiry
        self.settle = settle
    }
}
