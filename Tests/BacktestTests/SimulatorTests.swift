import Foundation
import MarketData
import Strategy
import Testing
import VolModels
@testable import Backtest
import TestScratch

/// The day-by-day replay on real data: ledger invariant, determinism, no look-ahead.
@Suite(.serialized) struct SimulatorTests {
    static let store = Result { () throws -> SQLiteMarketStore in
        let directory = TestScratch.directory("bt")
        return try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
    }

    static func run(_ from: String, _ to: String, store: SQLiteMarketStore? = nil, hedge: HedgeMode = .alvh) throws -> BacktestRun {
        let s = try store ?? Self.store.get()
        let calendar = try TradingCalendar(sessions: s.sessions().map(\.date))
        return try Simulator.run(
            store: s, calendar: calendar,
            configuration: BacktestConfiguration(from: MarketDate(parsing: from)!, to: MarketDate(parsing: to)!, hedge: hedge))
    }

    @Test func componentsSumToTheTotalEveryDayAndRunsAreDeterministic() throws {
        let run = try Self.run("2018-01-02", "2018-04-30")
        #expect(run.days.count > 70)
        #expect(!run.trades.isEmpty)
        for day in run.days {
            let total = day.pnl.values.reduce(0, +)
            #expect(abs(day.equity - Ruleset.standard.capital - total) <= 0.005, "\(day.date)")
        }
        // Per-component P&L sums to total P&L to the cent, in the ledger's own integer cents.
        let ledger = run.ledger
        #expect(LedgerComponent.allCases.map { ledger.componentPnL($0) }.sum() == ledger.equity - ledger.initialCapital)
        // Hedge layers traded around the February 2018 spike.
        #expect(run.ledger.entries.contains { $0.component == .layer3 && $0.kind == .premium })
        let again = try Self.run("2018-01-02", "2018-04-30")
        #expect(again.days == run.days)
        #expect(again.trades == run.trades)
    }

    /// Truncating the market data after day d leaves every trade and mark up to d unchanged,
    /// for seeded random d in the window (plus the day after the February 2018 spike).
    @Test func truncatingTheDataAfterADayChangesNothingBeforeIt() throws {
        let full = try Self.run("2017-11-01", "2018-03-29")
        var state: UInt64 = 20_261_125
        var cutoffs = [MarketDate(parsing: "2018-02-06")!]
        for _ in 0..<2 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            cutoffs.append(full.days[Int(state >> 33) % (full.days.count - 1)].date)
        }
        for d in cutoffs {
            let truncated = try marketDataTruncatedStore(through: d)
            let cut = try Self.run("2017-11-01", "2018-03-29", store: truncated)
            #expect(cut.days == full.days.filter { $0.date <= d }, "marks differ before \(d)")
            #expect(cut.trades == full.trades.filter { $0.closed <= d }, "trades differ before \(d)")
        }
    }

    @Test func unhedgedBaselineHasNoHedgeFlows() throws {
        let run = try Self.run("2018-01-02", "2018-03-01", hedge: .none)
        #expect(!run.ledger.entries.contains { [.layer1, .layer2, .layer3].contains($0.component) && $0.kind != .mark })
        #expect(run.label == "none")
    }
}

/// A store with the bundled market data dated on or before `cutoff`, the full calendar and the
/// scheduled events (published in advance).
func marketDataTruncatedStore(through cutoff: MarketDate) throws -> SQLiteMarketStore {
    let directory = TestScratch.directory("bt-cut")
    let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
    try store.write(BundledData.batches(through: cutoff))
    return store
}

/// The condor's greeks attribution explains its P&L: the parts sum to the condor component's
/// P&L (up to the cent rounding of the ledger), and the residual stays small against the theta
/// and vega it explains.
@Suite struct AttributionTests {
    @Test func partsSumToTheCondorPnL() throws {
        let run = try SimulatorTests.run("2018-01-02", "2018-06-29")
        let a = run.attribution
        let condor = run.ledger.componentPnL(.condor).dollars
        #expect(abs(a.total - condor) <= 0.01 * Double(run.days.count), "attribution \(a.total) vs condor \(condor)")
        #expect(a.theta > 0)  // a short condor earns time decay
        #expect(a.eventTheta > 0)  // and the decay of event variance (FOMC 2018-01-31, 03-21, 05-02, 06-13)
        #expect(a.costs < 0)
        #expect(abs(a.residual) < abs(a.theta))
        print("attribution 2018H1: \(a)")
    }

    /// Condors held to expiry (management off) end on intrinsic value: still finite, still
    /// summing to the condor's P&L.
    @Test func heldToExpiryStaysFinite() throws {
        let store = try SimulatorTests.store.get()
        let run = try Simulator.run(
            store: store, calendar: TradingCalendar(sessions: store.sessions().map(\.date)),
            configuration: BacktestConfiguration(
                from: MarketDate(parsing: "2017-10-02")!, to: MarketDate(parsing: "2017-12-29")!,
                ruleset: .standard, hedge: .none, manageCondor: false))
        #expect(run.trades.contains { $0.exit == "expiry" })
        let a = run.attribution
        let parts = [a.delta, a.gamma, a.vega, a.theta, a.eventTheta, a.residual, a.costs]
        #expect(parts.allSatisfy { $0.isFinite })
        #expect(abs(a.total - run.ledger.componentPnL(.condor).dollars) <= 0.01 * Double(run.days.count))
    }
}
