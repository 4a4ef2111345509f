import Foundation
import MarketData
import Strategy
import Testing
import VolModels
@testable import Backtest
import TestScratch

/// The CNDR and VXTH replicas on synthetic flat markets (S&P 500 2,500, VIX constant, zero
/// rates, no events), against hand computations to the cent: a CNDR condor that expires out
/// of the money earns exactly its credit minus fees; VXTH calls that expire out of the money
/// lose exactly their premium plus fees; the S&P 500 leg compounds exactly the dividend yield.
@Suite struct ReplicaTests {
    static func timeline(vix: Double, from: MarketDate, to: MarketDate, drop: (on: MarketDate, to: Double)? = nil) throws -> MarketTimeline {
        let directory = TestScratch.directory("replica")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
        let sessionsFile = try [UInt8](Data(contentsOf: BundledData.directory.appendingPathComponent("calendar/nyse_sessions_1990-2026.csv")))
        guard case .sessions(let sessions) = try MarketImporters.importer(for: .sessions).parse(sessionsFile, file: "sessions") else {
            throw VolModelError.missingMarketData("sessions")
        }
        let days = sessions.map(\.date).filter { $0 >= MarketDate(year: 2016, month: 1, day: 4)! && $0 <= to }
        try store.write([
            ImportBatch(records: .sessions(sessions), kind: .sessions, symbol: "SESSIONS", file: "sessions"),
            ImportBatch(
                records: .bars(days.map { day in
                    let close = drop.map { day >= $0.on ? $0.to : 2500 } ?? 2500
                    return DailyBar(date: day, open: close, high: close, low: close, close: close)
                }), kind: .prices, symbol: "SPX", file: "flat"),
            ImportBatch(records: .observations(days.map { Observation(date: $0, value: vix) }), kind: .fred, symbol: "VIX", file: "flat"),
            ImportBatch(
                records: .treasury(days.map { TreasuryCurve(date: $0, yields: Array(repeating: 0, count: 11)) }), kind: .treasury,
                symbol: "TREASURY", file: "flat"),
        ])
        return try MarketTimeline(store: store, calendar: TradingCalendar(sessions: store.sessions().map(\.date)), from: from, to: to)
    }

    static let capital = 1_000_000.0

    @Test func cndrInAFlatMarketEarnsTheCreditMinusFees() throws {
        // Rolls on the third Fridays 2017-03-17 and 2017-04-21; the first condor expires 04-21.
        let timeline = try Self.timeline(vix: 15, from: MarketDate(year: 2017, month: 3, day: 1)!, to: MarketDate(year: 2017, month: 4, day: 28)!)
        let run = try CNDRReplica.run(timeline: timeline, rules: BaselineRules(), capital: Self.capital, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        #expect(run.rolls.map(\.opened) == [MarketDate(year: 2017, month: 3, day: 17)!, MarketDate(year: 2017, month: 4, day: 21)!])
        let roll = run.rolls[0]
        #expect(roll.expiry == MarketDate(year: 2017, month: 4, day: 21)!)
        let k = roll.strikes
        #expect(k[0] < k[1] && k[1] < 2500 && 2500 < k[2] && k[2] < k[3])
        // Sized so that the condors' combined maximum loss is 10% of the index value at the roll
        // (rates are zero, so the value is still the initial capital).
        let maxLoss = (max(k[1] - k[0], k[3] - k[2]) - roll.price) * 100 * roll.units
        #expect(abs(maxLoss - 0.10 * Self.capital) <= 1e-9 * Self.capital)
        // Flat market: all four legs expire worthless; P&L = credit − 4 legs × $1.31 per unit.
        #expect(roll.settlement == .zero)
        let expected = Cents(dollars: roll.price * 100 * roll.units) - Cents(dollars: 4 * 1.31 * roll.units)
        #expect(roll.pnl == expected)
        #expect(Cents(dollars: run.trades[0].pnl) == expected)
        // Before the first roll the index is cash at a zero rate.
        #expect(run.equity.first == Self.capital)
        // The ledger adds up: condor + cash P&L is the equity change, every session.
        for (equity, pnl) in zip(run.equity, run.pnl) {
            #expect(Cents(dollars: equity - Self.capital) == Cents(dollars: pnl.values.reduce(0, +)))
        }
    }

    /// After a condor expires at its maximum loss, the next one is sized on the equity left
    /// (the settled condor's mark is gone before the new one is sized).
    @Test func cndrSizesTheNextRollOnTheEquityAfterASettlement() throws {
        let expiry = MarketDate(year: 2017, month: 4, day: 21)!
        let timeline = try Self.timeline(
            vix: 15, from: MarketDate(year: 2017, month: 3, day: 1)!, to: MarketDate(year: 2017, month: 4, day: 28)!, drop: (expiry, 2000))
        let run = try CNDRReplica.run(timeline: timeline, rules: BaselineRules(), capital: Self.capital, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        let first = run.rolls[0], second = run.rolls[1]
        // The S&P 500 at 2000 is below the long put: the first condor pays its put width.
        #expect(first.settlement == -Cents(dollars: (first.strikes[1] - first.strikes[0]) * 100 * first.units))
        let equityAtRoll = Self.capital + (try #require(first.pnl)).dollars
        #expect(equityAtRoll < 0.95 * Self.capital)
        let maxLoss = (max(second.strikes[1] - second.strikes[0], second.strikes[3] - second.strikes[2]) - second.price) * 100 * second.units
        #expect(abs(maxLoss - 0.10 * equityAtRoll) <= 1e-9 * Self.capital)
    }

    @Test func vxthInAFlatMarketLosesThePremiumPlusFees() throws {
        // VIX 15 with no settlements: the fallback one-month future is above 15, so the weight is
        // 1%; the 30-delta call is struck above the future and expires worthless at VIX 15.
        let timeline = try Self.timeline(vix: 15, from: MarketDate(year: 2017, month: 3, day: 1)!, to: MarketDate(year: 2017, month: 4, day: 19)!)
        var rules = BaselineRules()
        rules.vxthDividendYield = 0
        let run = try VXTHReplica.run(timeline: timeline, rules: rules, capital: Self.capital, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        // VIX expiries: 2017-03-22 (roll into the April calls) and 2017-04-19.
        let roll = run.rolls[0]
        #expect(roll.opened == MarketDate(year: 2017, month: 3, day: 22)! && roll.expiry == MarketDate(year: 2017, month: 4, day: 19)!)
        #expect(roll.strikes[0] > 15)
        // 1% of the $1,000,000 portfolio, and $1.10 of fees per call.
        #expect(roll.premium == Cents(dollars: -10_000))
        #expect(abs(roll.units * roll.price * 100 - 10_000) <= 1e-9)
        #expect(roll.settlement == .zero)
        #expect(roll.pnl == -(Cents(dollars: 10_000) + Cents(dollars: 1.10 * roll.units)))
        // Flat S&P 500 without dividends: its leg neither gains nor loses.
        #expect(run.ledger.componentPnL(.spx) == .zero)
        #expect(Cents(dollars: run.trades[0].pnl) == roll.pnl)
    }

    @Test func vxthCompoundsTheDividendYieldWhenNoCallIsBought() throws {
        // VIX 11: the fallback one-month future is below 15, so no call is bought (weight 0%).
        let from = MarketDate(year: 2017, month: 3, day: 1)!, to = MarketDate(year: 2017, month: 5, day: 31)!
        let timeline = try Self.timeline(vix: 11, from: from, to: to)
        let run = try VXTHReplica.run(timeline: timeline, rules: BaselineRules(), capital: Self.capital, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        #expect(run.rolls.isEmpty)
        let expected = Self.capital * exp(0.019 * Double(to - from) / 365)
        #expect(abs(try #require(run.equity.last) - expected) <= 0.005)
    }

    @Test func baselineRulesAreValidatedNamingTheKey() {
        var rules = BaselineRules()
        rules.cndrWingDelta = 0.25
        #expect(throws: RulesetError.self) { try rules.validate() }
        do { try rules.validate() } catch { #expect(error.field == "baselines.cndr_wing_delta") }
        rules = BaselineRules()
        rules.cndrRiskFraction = 0
        do { try rules.validate() } catch { #expect(error.field == "baselines.cndr_risk_fraction") }
        let loaded = try? Ruleset.load(toml: "[baselines]\ncndr_risk_fraction = 0.2\n", file: "r.toml")
        #expect(loaded?.baselines.cndrRiskFraction == 0.2)
    }
}
