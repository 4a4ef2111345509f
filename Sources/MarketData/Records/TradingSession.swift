/// One NYSE trading session: its date and open/close instants as UTC seconds since 1970
/// (early closes show as an earlier close).
public struct TradingSession: Hashable, Sendable, Codable {
    public var date: MarketDate
    public var openUTC: Int
    public var closeUTC: Int

    public init(date: MarketDate, openUTC: Int, closeUTC: Int) {
        self.date = date
        self.openUTC = openUTC
        self.closeUTC = closeUTC
    }
}
