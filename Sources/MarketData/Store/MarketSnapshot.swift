/// The market as known at one date's close: the latest value of each series with the date it
/// describes and the date it became known, plus the latest Treasury curve.
public struct MarketSnapshot: Sendable, Equatable, Codable {
    public struct Latest: Sendable, Equatable, Codable {
        public var symbol: String
        /// The date the value describes (period start for monthly/quarterly series).
        public var date: MarketDate
        /// The date it was published (equal to `date` for market data).
        public var knownDate: MarketDate
        public var value: Double
    }

    public var asOf: MarketDate
    public var latest: [Latest]
    public var treasury: TreasuryCurve?

    public func value(_ symbol: String) -> Double? { latest.first { $0.symbol == symbol }?.value }
}
