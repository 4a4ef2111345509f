import QuantCore

/// The headline performance report of a backtest: equity-curve statistics (from QuantCore's
/// ``PortfolioStatistics``) and closed-trade statistics (``TradeStatistics``).
///
/// Every statistic is a ``MetricValue``: either a number or the reason it is undefined for
/// this input (flat equity, too few points, no drawdown, no losing trade, ...). Nothing is
/// ever `NaN` or infinite.
///
/// Formulas and conventions are QuantCore's (see each `PortfolioStatistics` function):
/// - returns: simple `r[i] = E[i+1]/E[i] - 1`, one per step of the curve;
/// - annualisation: the curve is assumed to hold **one point per trading session**, and
///   `periodsPerYear` (default 252) converts periods to years: `CAGR = (E_last/E_first)^(1/years) - 1`
///   with `years = (n - 1)/periodsPerYear`; volatility `= stdev(r)·sqrt(periodsPerYear)` (ddof 1);
///   Sharpe (Sharpe 1994) `= mean(r - rf/p)/stdev(r - rf/p)·sqrt(p)`; Sortino (Sortino & Price
///   1994) with downside deviation over all periods; Calmar `= CAGR / maxDrawdown.depth` over the
///   whole curve;
/// - dates are used for the drawdown's peak/trough/recovery days and are checked to be strictly
///   increasing; they do not enter the annualisation.
public struct BacktestMetrics: Equatable, Sendable {
    /// Number of points in the equity curve.
    public let sessionCount: Int
    /// First and last day numbers of the curve (`nil` for an empty curve).
    public let firstDay: Int?
    public let lastDay: Int?
    /// `E_last / E_first - 1` (fraction).
    public let totalReturn: MetricValue<Double>
    /// Compound annual growth rate (annual fraction).
    public let cagr: MetricValue<Double>
    /// Annualised volatility of the simple returns (annual fraction; 0 for a flat curve).
    public let volatility: MetricValue<Double>
    /// Annualised Sharpe ratio at `riskFreeRate`.
    public let sharpe: MetricValue<Double>
    /// Annualised Sortino ratio at `minimumAcceptableReturn`.
    public let sortino: MetricValue<Double>
    /// Maximum drawdown with its peak, trough and recovery days.
    public let maxDrawdown: MetricValue<DrawdownPeriod>
    /// CAGR divided by the maximum drawdown depth.
    public let calmar: MetricValue<Double>
    /// Statistics of the closed trades (win rate, profit factor, average days in trade, ...).
    public let trades: TradeStatistics

    /// Win rate (fraction of trades with P&L > 0); shorthand for `trades.winRate`.
    public var winRate: MetricValue<Double> { trades.winRate }
    /// Gross profit / gross loss; unavailable (`.noLosingTrades`) when nothing lost.
    public var profitFactor: MetricValue<Double> { trades.profitFactor }
    /// Mean calendar days between entry and exit.
    public var averageDaysInTrade: MetricValue<Double> { trades.averageDaysInTrade }

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - equityCurve: account value at each session close, oldest first, day numbers strictly
    ///     increasing, values finite. Zero or negative equity (a wiped-out account) is allowed;
    ///     the return-based metrics then report `.statistics(.nonPositiveValue)`.
    ///     An empty or one-point curve is valid; its metrics report `.insufficientData`.
    ///   - trades: closed trades (any order).
    ///   - riskFreeRate: annual decimal rate for the Sharpe ratio (default 0).
    ///   - minimumAcceptableReturn: annual decimal MAR for the Sortino ratio (default 0).
    ///   - periodsPerYear: sessions per year (default 252).
    /// - Throws: `.daysNotIncreasing`, `.nonFiniteValue`, `.exitBeforeEntry`,
    ///   `.invalidParameter` (rates or `periodsPerYear` not finite, `periodsPerYear <= 0`).
    public init(
        equityCurve: [EquityPoint],
        trades: [ClosedTrade],
        riskFreeRate: Double = 0,
        minimumAcceptableReturn: Double = 0,
        periodsPerYear: Double = PortfolioStatistics.tradingDaysPerYear
    ) throws(MetricsError) {
        guard periodsPerYear.isFinite, periodsPerYear > 0 else {
            throw .invalidParameter(name: "periodsPerYear", reason: "must be finite and > 0, got \(periodsPerYear)")
        }
        guard riskFreeRate.isFinite else { throw .invalidParameter(name: "riskFreeRate", reason: "must be finite") }
        guard minimumAcceptableReturn.isFinite else {
            throw .invalidParameter(name: "minimumAcceptableReturn", reason: "must be finite")
        }
        for (i, p) in equityCurve.enumerated() {
            guard p.equity.isFinite else { throw .nonFiniteValue(field: "equity", index: i) }
            if i > 0, p.dayNumber <= equityCurve[i - 1].dayNumber { throw .daysNotIncreasing(index: i) }
        }
        self.trades = try TradeStatistics(trades: trades)

        let equity = equityCurve.map(\.equity)
        let days = equityCurve.map(\.dayNumber)
        sessionCount = equity.count
        firstDay = days.first
        lastDay = days.last

        // Returns once; every failure (too short, non-positive equity) becomes the reason of
        // each return-based metric.
        let returns: [Double]
        do {
            returns = try PortfolioStatistics.simpleReturns(equity: equity)
        } catch {
            let reason = MetricUnavailableReason.statistics(error)
            totalReturn = .unavailable(reason)
            cagr = .unavailable(reason)
            volatility = .unavailable(reason)
            sharpe = .unavailable(reason)
            sortino = .unavailable(reason)
            maxDrawdown = .unavailable(reason)
            calmar = .unavailable(reason)
            return
        }
        totalReturn = .available(equity[equity.count - 1] / equity[0] - 1)
        cagr = .catching { () throws(StatisticsError) in
            try PortfolioStatistics.cagr(equity: equity, periodsPerYear: periodsPerYear)
        }
        volatility = .catching { () throws(StatisticsError) in
            try PortfolioStatistics.annualizedVolatility(returns: returns, periodsPerYear: periodsPerYear)
        }
        sharpe = .catching { () throws(StatisticsError) in
            try PortfolioStatistics.sharpeRatio(returns: returns, riskFreeRate: riskFreeRate, periodsPerYear: periodsPerYear)
        }
        sortino = .catching { () throws(StatisticsError) in
            try PortfolioStatistics.sortinoRatio(
                returns: returns, minimumAcceptableReturn: minimumAcceptableReturn, periodsPerYear: periodsPerYear)
        }
        maxDrawdown = .catching { () throws(StatisticsError) in
            DrawdownPeriod(try PortfolioStatistics.maxDrawdown(equity: equity), dayNumbers: days)
        }
        calmar = .catching { () throws(StatisticsError) in
            try PortfolioStatistics.calmarRatio(equity: equity, periodsPerYear: periodsPerYear)
        }
    }

    /// Convenience for parallel arrays of day numbers and equity values.
    /// - Throws: `.lengthMismatch` plus everything the main initialiser throws.
    public init(
        dayNumbers: [Int],
        equity: [Double],
        trades: [ClosedTrade],
        riskFreeRate: Double = 0,
        minimumAcceptableReturn: Double = 0,
        periodsPerYear: Double = PortfolioStatistics.tradingDaysPerYear
    ) throws(MetricsError) {
        try self.init(
            equityCurve: try EquityPoint.curve(dayNumbers: dayNumbers, equity: equity), trades: trades,
            riskFreeRate: riskFreeRate, minimumAcceptableReturn: minimumAcceptableReturn,
            periodsPerYear: periodsPerYear)
    }
}
