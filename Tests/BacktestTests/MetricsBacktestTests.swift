import QuantCore
import Testing
@testable import Backtest

// Expected numbers: numpy 2.4 on the same curve (Tools-style check, run by hand):
//   eq = [100, 102, 99, 101, 105, 103]; r = diff(eq)/eq[:-1]; years = 5/252
//   cagr = (103/100)**(1/years) - 1                      = 3.4360468598701495
//   vol = std(r, ddof=1)*sqrt(252)                        = 0.46335735833564595
//   sharpe = mean(r)/std(r, ddof=1)*sqrt(252)             = 3.4096112914674417
//   sortino = mean(r)/sqrt(mean(minimum(r,0)**2))*sqrt(252) = 6.350831459472958
//   maxDD = max((cummax(eq)-eq)/cummax(eq)) = 3/102       = 0.029411764705882353
//   calmar = cagr/maxDD                                   = 116.82559323558509
// Tolerance 1e-12 relative (same formulas in double precision; QuantCore itself is checked
// against numpy at that level).
@Suite("Backtest metrics") struct MetricsBacktestTests {
    static let days = [16_000, 16_001, 16_004, 16_005, 16_006, 16_007]
    static let equity = [100.0, 102, 99, 101, 105, 103]

    @Test func equityStatisticsMatchNumpy() throws {
        let m = try BacktestMetrics(dayNumbers: Self.days, equity: Self.equity, trades: [])
        #expect(m.sessionCount == 6 && m.firstDay == 16_000 && m.lastDay == 16_007)
        #expect(metricsClose(m.totalReturn.value, 0.03))
        #expect(metricsClose(m.cagr.value, 3.4360468598701495))
        #expect(metricsClose(m.volatility.value, 0.46335735833564595))
        #expect(metricsClose(m.sharpe.value, 3.4096112914674417))
        #expect(metricsClose(m.sortino.value, 6.350831459472958))
        #expect(metricsClose(m.calmar.value, 116.82559323558509))
        let dd = try #require(m.maxDrawdown.value)
        #expect(metricsClose(dd.depth, 0.029411764705882353))
        // Peak 102 on day 16_001, trough 99 on 16_004, back to >= 102 first on 16_006 (105).
        #expect(dd.peakDay == 16_001 && dd.troughDay == 16_004 && dd.recoveryDay == 16_006)
        #expect(dd.daysToRecovery == 5)
        #expect(dd.indices == MaxDrawdown(depth: dd.depth, peakIndex: 1, troughIndex: 2, recoveryIndex: 4))
    }

    @Test func reusesQuantCoreExactly() throws {
        let m = try BacktestMetrics(dayNumbers: Self.days, equity: Self.equity, trades: [],
                                    riskFreeRate: 0.03, minimumAcceptableReturn: 0.01, periodsPerYear: 250)
        let r = try PortfolioStatistics.simpleReturns(equity: Self.equity)
        #expect(m.sharpe.value == (try PortfolioStatistics.sharpeRatio(returns: r, riskFreeRate: 0.03, periodsPerYear: 250)))
        #expect(m.sortino.value
            == (try PortfolioStatistics.sortinoRatio(returns: r, minimumAcceptableReturn: 0.01, periodsPerYear: 250)))
        #expect(m.cagr.value == (try PortfolioStatistics.cagr(equity: Self.equity, periodsPerYear: 250)))
        #expect(m.calmar.value == (try PortfolioStatistics.calmarRatio(equity: Self.equity, periodsPerYear: 250)))
    }

    @Test func unrecoveredDrawdownHasNoRecoveryDay() throws {
        let m = try BacktestMetrics(dayNumbers: [1, 2, 3, 4], equity: [100, 110, 90, 95], trades: [])
        let dd = try #require(m.maxDrawdown.value)
        #expect(dd.peakDay == 2 && dd.troughDay == 3 && dd.recoveryDay == nil && dd.daysToRecovery == nil)
        #expect(metricsClose(dd.depth, 20.0 / 110.0))
    }

    @Test func flatEquityReportsReasonsNotNaN() throws {
        let m = try BacktestMetrics(dayNumbers: [1, 2, 3, 4], equity: [100, 100, 100, 100], trades: [])
        #expect(m.totalReturn.value == 0)
        #expect(m.cagr.value == 0)
        #expect(m.volatility.value == 0)
        #expect(m.sharpe.value == nil)
        #expect(m.sharpe.unavailableReason == .statistics(.zeroVolatility))
        #expect(m.sortino.unavailableReason == .statistics(.zeroDownsideDeviation))
        #expect(m.calmar.unavailableReason == .statistics(.zeroDrawdown))
        let dd = try #require(m.maxDrawdown.value)
        #expect(dd.depth == 0 && dd.peakDay == 1 && dd.troughDay == 1 && dd.recoveryDay == 1)
        #expect(m.sharpe.unavailableReason?.description.contains("zero standard deviation") == true)
    }

    @Test func onlyRisingEquityHasNoSortinoOrCalmar() throws {
        let m = try BacktestMetrics(dayNumbers: [1, 2, 3, 4], equity: [100, 101, 103, 104], trades: [])
        #expect(m.sharpe.value != nil)
        #expect(m.sortino.unavailableReason == .statistics(.zeroDownsideDeviation))
        #expect(m.calmar.unavailableReason == .statistics(.zeroDrawdown))
        #expect(m.maxDrawdown.value?.depth == 0)
    }

    @Test(arguments: [0, 1])
    func emptyAndOnePointCurvesAreUnavailable(points: Int) throws {
        let m = try BacktestMetrics(dayNumbers: Array(1...3).prefix(points).map { $0 },
                                    equity: Array(repeating: 100.0, count: points), trades: [])
        let reason = MetricUnavailableReason.statistics(.insufficientData(needed: 2, got: points))
        for metric in [m.totalReturn, m.cagr, m.volatility, m.sharpe, m.sortino, m.calmar] {
            #expect(metric.value == nil && metric.unavailableReason == reason)
        }
        #expect(m.maxDrawdown.unavailableReason == reason)
        #expect(m.sessionCount == points)
        #expect((m.firstDay == nil) == (points == 0))
    }

    @Test func wipedOutEquityIsUnavailableNotNaN() throws {
        let m = try BacktestMetrics(dayNumbers: [1, 2, 3], equity: [100, 40, -5], trades: [])
        #expect(m.sharpe.unavailableReason == .statistics(.nonPositiveValue(index: 2)))
        #expect(m.maxDrawdown.value == nil && m.cagr.value == nil)
    }

    @Test func malformedInputThrows() {
        #expect(throws: MetricsError.lengthMismatch(dayNumbers: 2, values: 3)) {
            try BacktestMetrics(dayNumbers: [1, 2], equity: [1, 2, 3], trades: [])
        }
        #expect(throws: MetricsError.daysNotIncreasing(index: 2)) {
            try BacktestMetrics(dayNumbers: [1, 2, 2], equity: [1, 2, 3], trades: [])
        }
        #expect(throws: MetricsError.nonFiniteValue(field: "equity", index: 1)) {
            try BacktestMetrics(dayNumbers: [1, 2, 3], equity: [1, .nan, 3], trades: [])
        }
        #expect(throws: MetricsError.exitBeforeEntry(index: 0)) {
            try BacktestMetrics(dayNumbers: [1, 2], equity: [1, 2], trades: [ClosedTrade(entryDay: 5, exitDay: 4, pnl: 1)])
        }
        #expect(throws: MetricsError.nonFiniteValue(field: "pnl", index: 1)) {
            try TradeStatistics(trades: [ClosedTrade(entryDay: 1, exitDay: 2, pnl: 1),
                                         ClosedTrade(entryDay: 1, exitDay: 2, pnl: .infinity)])
        }
        #expect(throws: MetricsError.self) {
            try BacktestMetrics(dayNumbers: [1, 2], equity: [1, 2], trades: [], periodsPerYear: 0)
        }
        #expect(throws: MetricsError.self) {
            try BacktestMetrics(dayNumbers: [1, 2], equity: [1, 2], trades: [], riskFreeRate: .nan)
        }
    }

    // Hand computation: winners 300 + 150 + 50 = 500, losers -200 - 100 = -300, scratch 0.
    // winRate = 3/6, profitFactor = 500/300, holding days (3+7+0+14+1+5)/6 = 30/6 = 5.
    @Test func tradeStatistics() throws {
        let trades = [
            ClosedTrade(entryDay: 10, exitDay: 13, pnl: 300),
            ClosedTrade(entryDay: 11, exitDay: 18, pnl: -200),
            ClosedTrade(entryDay: 20, exitDay: 20, pnl: 0),
            ClosedTrade(entryDay: 21, exitDay: 35, pnl: 150),
            ClosedTrade(entryDay: 40, exitDay: 41, pnl: -100),
            ClosedTrade(entryDay: 50, exitDay: 55, pnl: 50),
        ]
        let m = try BacktestMetrics(dayNumbers: Self.days, equity: Self.equity, trades: trades)
        #expect(m.trades.tradeCount == 6 && m.trades.winningTrades == 3 && m.trades.losingTrades == 2)
        #expect(m.trades.grossProfit == 500 && m.trades.grossLoss == 300 && m.trades.netProfit == 200)
        #expect(m.winRate.value == 0.5)
        #expect(metricsClose(m.profitFactor.value, 5.0 / 3.0))
        #expect(m.averageDaysInTrade.value == 5)
    }

    @Test func allWinningTradesHaveNoProfitFactor() throws {
        let s = try TradeStatistics(trades: [ClosedTrade(entryDay: 1, exitDay: 2, pnl: 10),
                                             ClosedTrade(entryDay: 3, exitDay: 9, pnl: 20)])
        #expect(s.winRate.value == 1)
        #expect(s.profitFactor.value == nil)
        #expect(s.profitFactor.unavailableReason == .noLosingTrades)
        #expect(s.averageDaysInTrade.value == 3.5)
        // Only scratch trades: 0/0 is unavailable too, not NaN.
        let scratch = try TradeStatistics(trades: [ClosedTrade(entryDay: 1, exitDay: 1, pnl: 0)])
        #expect(scratch.profitFactor.unavailableReason == .noLosingTrades && scratch.winRate.value == 0)
    }

    @Test func allLosingTradesHaveZeroProfitFactor() throws {
        let s = try TradeStatistics(trades: [ClosedTrade(entryDay: 1, exitDay: 2, pnl: -10)])
        #expect(s.profitFactor.value == 0 && s.winRate.value == 0)
    }

    @Test func noTradesAreUnavailable() throws {
        let s = try TradeStatistics(trades: [])
        #expect(s.tradeCount == 0 && s.grossProfit == 0 && s.netProfit == 0)
        #expect(s.winRate.unavailableReason == .noTrades)
        #expect(s.profitFactor.unavailableReason == .noTrades)
        #expect(s.averageDaysInTrade.unavailableReason == .noTrades)
    }
}
