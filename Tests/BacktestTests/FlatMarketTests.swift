import Foundation
import MarketData
import Strategy
import Testing
import VolModels
@testable import Backtest
import TestScratch

/// A hand-checkable scenario in a synthetic flat market (S&P 500 2,500, VIX 15, 2% rates, no
/// events, no macro data so the regime stays calm): one condor held to expiry returns exactly
/// its credit minus costs; a breach on the expiry day returns exactly −(width − credit) minus
/// costs (all to the cent).
@Suite struct FlatMarketTests {
    static func store(spxOnExpiry: Double?, expiry: MarketDate) throws -> SQLiteMarketStore {
        let directory = TestScratch.directory("flat")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
        let sessionsFile = try [UInt8](Data(contentsOf: BundledData.directory.appendingPathComponent("calendar/nyse_sessions_1990-2026.csv")))
        guard case .sessions(let sessions) = try MarketImporters.importer(for: .sessions).parse(sessionsFile, file: "sessions") else {
            throw VolModelError.missingMarketData("sessions")
        }
        let days = sessions.map(\.date).filter { $0 >= MarketDate(year: 2017, month: 1, day: 2)! && $0 <= MarketDate(year: 2017, month: 6, day: 30)! }
        let bars = days.map { day -> DailyBar in
            let close = day == expiry ? (spxOnExpiry ?? 2500) : 2500
            return DailyBar(date: day, open: close, high: close, low: close, close: close)
        }
        try store.write([
            ImportBatch(records: .sessions(sessions), kind: .sessions, symbol: "SESSIONS", file: "sessions"),
            ImportBatch(records: .bars(bars), kind: .prices, symbol: "SPX", file: "flat"),
            ImportBatch(records: .observations(days.map { Observation(date: $0, value: 15) }), kind: .fred, symbol: "VIX", file: "flat"),
            ImportBatch(
                records: .treasury(days.map { TreasuryCurve(date: $0, yields: Array(repeating: 0.02, count: 11)) }), kind: .treasury,
                symbol: "TREASURY", file: "flat"),
        ])
        return store
    }

    static func holdToExpiry(spxOnExpiry: Double?) throws -> (BacktestRun, CondorTrade) {
        // Management off: take profit only at the full credit, no DTE exit, a stop never reached.
        var ruleset = Ruleset.standard
        ruleset.condor.takeProfit = 1
        ruleset.condor.exitDTE = 0
        ruleset.condor.stopLoss = 1000
        let start = MarketDate(year: 2017, month: 3, day: 1)!
        // A first flat run finds the condor's expiry; the scenario then ends on that day (with
        // the S&P 500 moved on it for the breach case).
        let flat = try store(spxOnExpiry: nil, expiry: start)
        let dry = try Simulator.run(
            store: flat, calendar: TradingCalendar(sessions: flat.sessions().map(\.date)),
            configuration: BacktestConfiguration(from: start, to: MarketDate(year: 2017, month: 5, day: 31)!, ruleset: ruleset, hedge: .none))
        let expiry = try #require(dry.trades.first).expiry
        let store = try store(spxOnExpiry: spxOnExpiry, expiry: expiry)
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let run = try Simulator.run(
            store: store, calendar: calendar, configuration: BacktestConfiguration(from: start, to: expiry, ruleset: ruleset, hedge: .none))
        let trade = try #require(run.trades.first)
        return (run, trade)
    }

    @Test func flatMarketReturnsTheCreditMinusCosts() throws {
        let (run, trade) = try Self.holdToExpiry(spxOnExpiry: nil)
        #expect(run.trades.count == 1)
        #expect(trade.exit == "expiry")
        #expect(trade.closed == trade.expiry)
        let fees = PerContractFees().fees(contracts: 4 * trade.quantity, instrument: .spxOption)
        let expected = Cents(dollars: trade.credit * 100 * Double(trade.quantity)) - Cents(dollars: fees)
        #expect(Cents(dollars: trade.pnl) == expected)
        #expect(run.ledger.componentPnL(.condor) == expected)
    }

    @Test func breachReturnsTheWidthMinusCreditPlusCosts() throws {
        let (run, trade) = try Self.holdToExpiry(spxOnExpiry: 1500)
        #expect(trade.exit == "expiry")
        let width = trade.strikes[1] - trade.strikes[0]
        let fees = PerContractFees().fees(contracts: 4 * trade.quantity, instrument: .spxOption)
        let expected = -(Cents(dollars: width * 100 * Double(trade.quantity)) - Cents(dollars: trade.credit * 100 * Double(trade.quantity))) - Cents(dollars: fees)
        #expect(Cents(dollars: trade.pnl) == expected)
        #expect(run.ledger.componentPnL(.condor) == expected)
    }
}
