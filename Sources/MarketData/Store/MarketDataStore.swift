/// What the rest of VixShield reads from market history, always as of a date: nothing returned
/// was unknown at that date's close. One implementation (`SQLiteMarketStore`); tests and later
/// services may provide others.
public protocol MarketDataStore: Sendable {
    /// Daily bars of `symbol` dated on or before `asOf`, oldest first.
    func bars(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [DailyBar]
    /// Observations of `symbol` already published at `asOf`'s close, oldest first.
    func observations(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [Observation]
    /// The latest Treasury curve dated on or before `asOf`.
    func treasuryCurve(asOf: MarketDate) throws -> TreasuryCurve?
    /// Calendar events in a date range that were known at `asOf` (scheduled events are known in
    /// advance; unscheduled ones only from their own date).
    func events(from: MarketDate, through: MarketDate, asOf: MarketDate) throws -> [CalendarEvent]
    /// Everything known at `asOf`'s close: the latest value of every series.
    func snapshot(asOf: MarketDate) throws -> MarketSnapshot
    /// The option quotes of `underlying` imported for `quoteDate` (empty when none: then the
    /// models price everything).
    func optionQuotes(underlying: String, quoteDate: MarketDate) throws -> [OptionQuote]
    /// The futures settlements of `root` (`VX`) dated `date`, by expiry (empty when none: then
    /// the models use their fallback curve and say so).
    func futuresSettlements(root: String, date: MarketDate) throws -> [FuturesSettlement]
    /// The values of the last `count` (at most) `observations(symbol, from:, asOf:)`, oldest
    /// first: a trailing window, which a store may answer without building the observations.
    func trailingValues(_ symbol: String, from: MarketDate?, asOf: MarketDate, count: Int) throws -> [Double]
}

extension MarketDataStore {
    public func trailingValues(_ symbol: String, from: MarketDate?, asOf: MarketDate, count: Int) throws -> [Double] {
        try observations(symbol, from: from, asOf: asOf).suffix(max(0, count)).map(\.value)
    }
}
