/// One day of a price series (index points or price units). Open, high and low are optional:
/// some sources publish only the close (the S&P 500 closes after 2018 in the bundled history),
/// and nothing may invent them. `adjustedClose` and `volume` are optional because Cboe's VIX
/// history has neither.
public struct DailyBar: Hashable, Sendable, Codable {
    public var date: MarketDate
    public var open: Double?
    public var high: Double?
    public var low: Double?
    public var close: Double
    public var adjustedClose: Double?
    public var volume: Double?

    public init(date: MarketDate, open: Double?, high: Double?, low: Double?, close: Double, adjustedClose: Double? = nil, volume: Double? = nil) {
        self.date = date
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.adjustedClose = adjustedClose
        self.volume = volume
    }

    /// A close-only bar (no open, high or low published).
    public init(date: MarketDate, close: Double) {
        self.init(date: date, open: nil, high: nil, low: nil, close: close)
    }
}
