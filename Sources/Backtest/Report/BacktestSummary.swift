import MarketData
import Strategy
import QuantCore

/// One line of the comparison table: a run's headline statistics (nil where a statistic is
/// undefined for the run, e.g. no losing trade for the profit factor) and, for option runs,
/// each ledger component's P&L, cost and XIRR. Dollars; rates as fractions.
public struct BacktestSummary: Sendable, Codable, Equatable {
    public struct Component: Sendable, Codable, Equatable {
        public var component: String
        public var pnl: Double
        /// Premium paid plus fees.
        public var cost: Double
        public var xirr: Double?
        /// How to read `xirr`: why it is nil (e.g. no rate in [−99.99%, 1e8%] zeroes the NPV: a
        /// layer that loses most of each premium within days has an annualised return below
        /// −99.99%), or, for a component whose first flow is a receipt (short premium), that the
        /// rate is a borrowing rate, so negative means a gain.
        public var xirrNote: String?
    }

    /// The run's key (`strategy`, `cndr`, `vxth`, `buyAndHold`), as in `days[].equity`.
    public var name: String
    /// The run's name for people.
    public var label: String
    public var finalEquity: Double
    public var totalReturn: Double?
    public var cagr: Double?
    public var volatility: Double?
    public var sharpe: Double?
    public var sortino: Double?
    public var maxDrawdown: Double?
    public var maxDrawdownPeak: MarketDate?
    public var maxDrawdownTrough: MarketDate?
    public var calmar: Double?
    public var trades: Int
    public var winRate: Double?
    public var profitFactor: Double?
    public var averageDaysInTrade: Double?
    public var components: [Component]
    /// The condor's P&L by greeks, event theta and costs (option runs only).
    public var condorAttribution: GreeksAttribution?
    /// Orders not placed, each `date: reason` (a condor the planner could not build or the
    /// capital check refused, a hedge plan that failed), in date order.
    public var rejections: [Refusal]

    init(name: String, label: String, dates: [MarketDate], equity: [Double], trades: [ClosedTrade], components: [Component], attribution: GreeksAttribution? = nil,
        rejections: [Refusal] = []
    ) throws {
        let metrics = try BacktestMetrics(dayNumbers: dates.map(\.dayNumber), equity: equity, trades: trades)
        self.name = name
        self.label = label
        finalEquity = equity.last ?? 0
        totalReturn = metrics.totalReturn.value
        cagr = metrics.cagr.value
        volatility = metrics.volatility.value
        sharpe = metrics.sharpe.value
        sortino = metrics.sortino.value
        let drawdown = metrics.maxDrawdown.value
        maxDrawdown = drawdown?.depth
        maxDrawdownPeak = drawdown.map { MarketDate(dayNumber: $0.peakDay) }
        maxDrawdownTrough = drawdown.map { MarketDate(dayNumber: $0.troughDay) }
        calmar = metrics.calmar.value
        self.trades = trades.count
        winRate = metrics.winRate.value
        profitFactor = metrics.profitFactor.value
        averageDaysInTrade = metrics.averageDaysInTrade.value
        self.components = components
        condorAttribution = attribution
        self.rejections = rejections
    }
}
