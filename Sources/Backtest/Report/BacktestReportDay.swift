import MarketData
import Strategy

/// One session of a comparison, for scripts (`--json` key `days`): the market, the strategy's
/// regime, each run's equity at the close and the strategy's daily return and cumulative P&L by
/// ledger component. Dollars; returns as fractions.
public struct BacktestReportDay: Sendable, Codable, Equatable, StableJSONBulkElement {
    public struct Equity: Sendable, Codable, Equatable {
        public var strategy: Double
        public var cndr: Double
        public var vxth: Double
        public var buyAndHold: Double
    }

    public var date: MarketDate
    public var regime: Regime
    public var spx: Double
    public var vix: Double
    public var equity: Equity
    /// equity / previous equity − 1; nil on the first session and after a wiped-out account.
    public var strategyReturn: Double?
    /// The strategy's cumulative P&L by component (condor, layer1, layer2, layer3, cash).
    public var pnl: [String: Double]
    /// The strategy's orders of the session (`symbol`, `side`, `quantity`, `limit`), as
    /// `signal --book` lists them.
    public var orders: [BookOrder]

    /// The JSON its synthesized `encode(to:)` gives, written directly (keys in byte order;
    /// `strategyReturn` left out when nil, as `encodeIfPresent` leaves it): the report's
    /// thousands of days were most of its JSON's time. Tested byte for byte against
    /// Foundation's encoder.
    public func writeStableJSON(into text: inout StableJSONText) throws(StableJSONText.Declined) -> Bool {
        try text.beginObject()
        try text.key("date")
        try text.string(date.description)
        try text.key("equity")
        try text.beginObject()
        try text.key("buyAndHold")
        try text.number(equity.buyAndHold)
        try text.key("cndr")
        try text.number(equity.cndr)
        try text.key("strategy")
        try text.number(equity.strategy)
        try text.key("vxth")
        try text.number(equity.vxth)
        try text.endObject()
        try text.key("orders")
        try text.beginArray()
        for order in orders {
            try text.element()
            try order.writeStableJSON(into: &text)
        }
        try text.endArray()
        try text.key("pnl")
        try text.beginObject()
        for (key, value) in pnl.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            try text.key(key)
            try text.number(value)
        }
        try text.endObject()
        try text.key("regime")
        try text.string(regime.rawValue)
        try text.key("spx")
        try text.number(spx)
        if let strategyReturn {
            try text.key("strategyReturn")
            try text.number(strategyReturn)
        }
        try text.key("vix")
        try text.number(vix)
        try text.endObject()
        return true
    }

    /// The rows of a comparison: the runs cover the same sessions (same timeline).
    static func rows(strategy: BacktestRun, cndr: [Double], vxth: [Double], buyAndHold: [Double]) -> [BacktestReportDay] {
        strategy.days.indices.map { i in
            let day = strategy.days[i]
            let previous = i > 0 ? strategy.days[i - 1].equity : nil
            return BacktestReportDay(
                date: day.date, regime: day.regime, spx: day.spx, vix: day.vix,
                equity: Equity(strategy: day.equity, cndr: cndr[i], vxth: vxth[i], buyAndHold: buyAndHold[i]),
                strategyReturn: previous.flatMap { $0 > 0 ? day.equity / $0 - 1 : nil }, pnl: day.pnl, orders: day.orders)
        }
    }
}
