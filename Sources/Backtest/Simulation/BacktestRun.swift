import MarketData
import Strategy

/// One session of a backtest, after the close: the regime, the account's equity and each
/// component's cumulative P&L (dollars; components sum to the total to the cent).
public struct BacktestDay: Sendable, Equatable, Codable {
    public var date: MarketDate
    public var regime: Regime
    public var spx: Double
    public var vix: Double
    public var equity: Double
    /// Cumulative P&L by ledger component (condor, layer1, layer2, layer3, cash).
    public var pnl: [String: Double]
    /// The orders the session placed and filled, in the order they traded.
    public var orders: [BookOrder] = []
}

/// A closed condor: dates, strikes, size, entry credit (index points per condor, after the fill
/// model), how it ended, and its P&L in dollars including fees.
public struct CondorTrade: Sendable, Equatable, Codable {
    public var opened: MarketDate
    public var closed: MarketDate
    public var expiry: MarketDate
    public var strikes: [Double]
    public var quantity: Int
    public var credit: Double
    public var exit: String
    public var pnl: Double
}

/// Everything a run produced. Prices are modelled (see VolModels).
public struct BacktestRun: Sendable {
    public var label: String
    public var days: [BacktestDay]
    public var trades: [CondorTrade]
    public var ledger: Ledger
    /// Orders the rules refused, typed, with the reason.
    public var rejections: [Refusal]
    /// The condor's P&L explained by greeks, event theta and costs.
    public var attribution: GreeksAttribution
    /// P&L vs S&P 500 (today, half-way, expiry) of the condor open at the end, if any.
    public var finalRiskGraph: CondorRiskGraph?
    /// The book at each close asked for (`Simulator.run(booksAt:)`), as `book import` CSV.
    public var books: [MarketDate: String] = [:]
    /// Sessions on which the drawdown brake was engaged (the hedge plan could only shrink).
    public var brakeSessions = 0
}
