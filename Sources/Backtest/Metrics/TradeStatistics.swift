/// Statistics of a list of closed trades: win rate, profit factor, average holding time.
///
/// Conventions:
/// - a **winner** has `pnl > 0`, a **loser** `pnl < 0`; a scratch trade (`pnl == 0`) is
///   neither, but counts in the win-rate denominator;
/// - `winRate = winners / tradeCount` (fraction in [0, 1]);
/// - `profitFactor = grossProfit / grossLoss` with `grossProfit = Σ pnl over winners` and
///   `grossLoss = -Σ pnl over losers` (both >= 0) — the usual definition (e.g. Pardo,
///   *The Evaluation and Optimization of Trading Strategies*, 2008). With no losing trade the
///   ratio would be x/0 or 0/0, so it is reported **unavailable** (`.noLosingTrades`), never
///   `infinity`: a strategy that has not lost yet has not shown its loss size;
/// - `averageDaysInTrade = mean(exitDay - entryDay)` in calendar days.
public struct TradeStatistics: Equatable, Sendable {
    public let tradeCount: Int
    public let winningTrades: Int
    public let losingTrades: Int
    /// Sum of the winners' P&L, dollars (>= 0).
    public let grossProfit: Double
    /// Minus the sum of the losers' P&L, dollars (>= 0).
    public let grossLoss: Double
    /// Sum of all P&L, dollars.
    public let netProfit: Double
    public let winRate: MetricValue<Double>
    public let profitFactor: MetricValue<Double>
    public let averageDaysInTrade: MetricValue<Double>

    /// - Throws: `.nonFiniteValue(field: "pnl", ...)`, `.exitBeforeEntry`.
    public init(trades: [ClosedTrade]) throws(MetricsError) {
        for (i, t) in trades.enumerated() {
            guard t.pnl.isFinite else { throw .nonFiniteValue(field: "pnl", index: i) }
            guard t.exitDay >= t.entryDay else { throw .exitBeforeEntry(index: i) }
        }
        tradeCount = trades.count
        winningTrades = trades.count { $0.pnl > 0 }
        losingTrades = trades.count { $0.pnl < 0 }
        grossProfit = compensatedSum(trades.lazy.filter { $0.pnl > 0 }.map(\.pnl))
        grossLoss = -compensatedSum(trades.lazy.filter { $0.pnl < 0 }.map(\.pnl))
        netProfit = compensatedSum(trades.lazy.map(\.pnl))
        guard !trades.isEmpty else {
            winRate = .unavailable(.noTrades)
            profitFactor = .unavailable(.noTrades)
            averageDaysInTrade = .unavailable(.noTrades)
            return
        }
        let n = Double(trades.count)
        winRate = .available(Double(winningTrades) / n)
        // grossLoss > 0 whenever a loser exists; the finiteness check only guards against a
        // subnormal gross loss overflowing the ratio.
        let ratio = grossProfit / grossLoss
        profitFactor = losingTrades > 0 && ratio.isFinite ? .available(ratio) : .unavailable(.noLosingTrades)
        averageDaysInTrade = .available(compensatedSum(trades.lazy.map { Double($0.daysInTrade) }) / n)
    }
}
