import MarketData
import VolModels

/// Everything the strategy reads for one as-of date, built once by the signal engine: the
/// store (read point-in-time only, through `asOf`), the trading calendar, the day's market
/// inputs and the SPX model. Nothing here looks past `date`.
public struct StrategyContext: Sendable {
    public var store: any MarketDataStore
    public var calendar: TradingCalendar
    public var date: MarketDate
    public var inputs: MarketInputs
    public var spxModel: SPXMarketModel

    public init(store: any MarketDataStore, calendar: TradingCalendar, date: MarketDate, inputs: MarketInputs, spxModel: SPXMarketModel) {
        self.store = store
        self.calendar = calendar
        self.date = date
        self.inputs = inputs
        self.spxModel = spxModel
    }
}
