import Foundation
@testable import MarketData
import Strategy
import Testing
@testable import Backtest

/// The strategy and its baselines over the same sessions, data and costs.
@Suite struct ComparisonTests {
    @Test func strategyAndBaselinesShareTheSessions() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let (report, strategy) = try BacktestComparison.run(
            store: store, calendar: calendar, from: MarketDate(parsing: "2017-09-01")!, to: MarketDate(parsing: "2017-12-29")!)
        #expect(report.summaries.map(\.name) == ["strategy", "cndr", "vxth", "buyAndHold"])
        #expect(report.summaries.map(\.label) == ["ALVH strategy", "Cboe CNDR replica", "Cboe VXTH replica", "buy and hold S&P 500 (price)"])
        #expect(report.regimeSessions.values.reduce(0, +) == strategy.days.count)
        // 2017 has no VVIX or VX settlements in the bundled data: every session says it fell back.
        #expect(report.vixInputs == VIXInputSessions(futuresSettled: 0, futuresFallback: strategy.days.count, vvixReal: 0, vvixFallback: strategy.days.count, unavailable: 0, skewReal: 0, skewFixed: strategy.days.count))
        // Components of the strategy sum to its total P&L (dollars from exact cents).
        let strategySummary = report.summaries[0]
        let componentTotal = strategySummary.components.map(\.pnl).reduce(0, +)
        #expect(abs(componentTotal - (strategySummary.finalEquity - Ruleset.standard.capital)) <= 0.005)
        // Buy and hold follows the index exactly.
        let hold = report.summaries[3]
        let first = strategy.days.first!.spx, last = strategy.days.last!.spx
        #expect(abs(hold.finalEquity - Ruleset.standard.capital * last / first) <= 1e-6 * hold.finalEquity)
        #expect(report.disclaimer.contains("not investment advice") && report.prices.contains("Modelled"))
        // Every run's components sum to its own total to the cent.
        for summary in report.summaries.dropLast() {
            let total = summary.components.map(\.pnl).reduce(0, +)
            #expect(abs(total - (summary.finalEquity - Ruleset.standard.capital)) <= 0.005, "\(summary.name)")
        }
        // Annual returns: 2017-09-01 .. 12-29 is one partial year, equal to each run's total return.
        #expect(report.annualReturns.count == 1 && report.annualReturns[0].fullYear == false)
        for summary in report.summaries {
            #expect(abs(report.annualReturns[0].returns[summary.name]! - summary.totalReturn!) <= 1e-12)
        }
        // The report's JSON (what `backtest --json` prints) is Foundation's, byte for byte, and
        // written by StableJSON's own writer, not its Foundation fallback.
        #expect(try StableJSON.encode(report) == StableJSON.foundationEncode(report))
        #expect(try StableJSONWriter.encode(report).count > 10_000)
    }

    /// A component's XIRR comes with how to read it: the reason when there is none, the
    /// borrowing-rate reading for short premium (received first).
    @Test func xirrNotes() {
        #expect(BacktestComparison.xirrNote(nil, firstFlow: nil) == "fewer than 2 cash flows")
        #expect(BacktestComparison.xirrNote(.available(-0.15), firstFlow: 915)?.contains("borrowing rate") == true)
        #expect(BacktestComparison.xirrNote(.available(0.12), firstFlow: -915) == nil)
        #expect(BacktestComparison.xirrNote(.unavailable(.statistics(.noSignChange)), firstFlow: -1)?.isEmpty == false)
    }

    /// Across the end of the bundled VVIX, SKEW and settlements (2016-12-30) the report counts both.
    @Test func reportCountsRealAndFallbackVIXInputs() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: MarketDate(parsing: "2016-12-20")!, to: MarketDate(parsing: "2017-01-10")!)
        let counts = VIXInputSessions(timeline.days)
        // 2016-12-20 .. 12-30: 8 sessions (12-26 a holiday) with real inputs; 2017-01-03 .. 01-10: 6 without.
        #expect(counts == VIXInputSessions(futuresSettled: 8, futuresFallback: 6, vvixReal: 8, vvixFallback: 6, unavailable: 0, skewReal: 8, skewFixed: 6))
        #expect(counts.description.contains("real settlements on 8 sessions, fallback curve on 6"))
        #expect(counts.description.contains("real SKEW (or a real chain) on 8 sessions, nearest shape to a SKEW beyond reach on 0, fixed shape on 6"))
    }
}
