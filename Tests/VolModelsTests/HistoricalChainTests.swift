import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels
import TestScratch

/// The model on every trading day of 2014-2018 with real S&P 500, VIX and Treasury data:
/// the Cboe VIX computed over the model's own SPX chain reproduces that day's VIX, and the
/// generated SPX and VIX chains are free of static arbitrage.
@Suite(.serialized) struct HistoricalChainTests {
    static let fixture = Result { () throws -> (SQLiteMarketStore, TradingCalendar, [MarketDate]) in
        let directory = TestScratch.directory("vol")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let first = MarketDate(year: 2014, month: 1, day: 2)!
        let last = MarketDate(year: 2018, month: 12, day: 31)!
        let vixDays = Set(try store.observations("VIX", from: first, asOf: last).map(\.date))
        let days = try store.bars("SPX", from: first, asOf: last).map(\.date).filter { vixDays.contains($0) }
        return (store, calendar, days)
    }

    @Test func cboeFormulaOnTheModelChainReproducesVIXEveryDay() throws {
        let (store, calendar, days) = try Self.fixture.get()
        #expect(days.count > 1200)
        var worst = (error: 0.0, day: days[0])
        var sumSquares = 0.0
        var largestAnchorShift = 0.0
        for day in days {
            let inputs = try MarketInputs.load(store, date: day)
            let model = try SPXMarketModel(inputs: inputs, calendar: calendar)
            let vix = try ModelVIX.cboe(model)
            let error = abs(vix - inputs.vix)
            // The anchor correction for Cboe's discrete, interpolated computation stays small.
            largestAnchorShift = max(largestAnchorShift, abs(model.anchorVIX - inputs.vix))
            #expect(abs(model.anchorVIX - inputs.vix) <= 0.75, "\(day): anchor moved to \(model.anchorVIX) from \(inputs.vix)")
            sumSquares += error * error
            if error > worst.error { worst = (error, day) }
            #expect(error <= 0.25, "\(day): model \(vix) vs VIX \(inputs.vix)")
        }
        print("Cboe VIX on model chains, \(days.count) days: worst |error| \(worst.error) on \(worst.day), RMS \((sumSquares / Double(days.count)).squareRoot()), largest anchor shift \(largestAnchorShift)")
    }

    @Test func spxChainsAreFreeOfStaticArbitrageEveryDay() throws {
        let (store, calendar, days) = try Self.fixture.get()
        var options = 0
        for day in days {
            let inputs = try MarketInputs.load(store, date: day)
            let model = try SPXMarketModel(inputs: inputs, calendar: calendar)
            let chain = SPXChainGenerator.chain(model)
            options += chain.optionCount
            let q = model.parameters.surface.dividendYield
            for expiry in chain.expiries {
                try StaticArbitrage.checkStrikes(expiry, label: "\(day) SPX \(expiry.expiry)")
                // Put-call parity within the quoted spread: C - P = S e^{-qT} - K e^{-rT}.
                for (index, strike) in expiry.strikes.enumerated() {
                    let parity = inputs.spot * exp(-q * expiry.years) - strike * exp(-expiry.rate * expiry.years)
                    let c = expiry.calls[index]
                    let p = expiry.puts[index]
                    #expect(abs(c.mid - p.mid - parity) <= 1e-9 * inputs.spot, "\(day) \(expiry.expiry) K=\(strike) mid parity")
                    #expect(c.bid - p.ask <= parity + 1e-9 && parity <= c.ask - p.bid + 1e-9, "\(day) \(expiry.expiry) K=\(strike) spread parity")
                }
            }
            // Calendar: total implied variance non-decreasing in maturity at fixed log-moneyness
            // (within one day's surface events only add variance, so there is no exception here).
            for k in stride(from: -0.5, through: 0.3, by: 0.05) {
                var previous = 0.0
                for expiry in chain.expiries {
                    let w = model.surface.totalVariance(k: k, T: expiry.years)
                    #expect(w >= previous * (1 - 1e-12), "\(day) k=\(k) calendar at \(expiry.expiry)")
                    previous = w
                }
            }
        }
        print("SPX chains: \(days.count) days, \(options) options, \(options / days.count) per day")
    }

    @Test func vixChainsAreFreeOfStaticArbitrageEveryDay() throws {
        let (store, calendar, days) = try Self.fixture.get()
        for day in days {
            let inputs = try MarketInputs.load(store, date: day)
            let chain = try VIXChainGenerator.chain(inputs: inputs, calendar: calendar)
            #expect(chain.expiries.count == 6)
            var previousTotalVariance = 0.0
            for expiry in chain.expiries {
                try StaticArbitrage.checkStrikes(expiry, label: "\(day) VIX \(expiry.expiry)")
                for (index, strike) in expiry.strikes.enumerated() {
                    let parity = exp(-expiry.rate * expiry.years) * (expiry.forward - strike)
                    let c = expiry.calls[index]
                    let p = expiry.puts[index]
                    #expect(abs(c.mid - p.mid - parity) <= 1e-10 * expiry.forward, "\(day) \(expiry.expiry) K=\(strike)")
                    #expect(c.bid - p.ask <= parity + 1e-9 && parity <= c.ask - p.bid + 1e-9)
                }
                // ATM total variance of the vol-of-vol grows with maturity.
                let atm = expiry.strikes.min { abs($0 - expiry.forward) < abs($1 - expiry.forward) }!
                let index = expiry.strikes.firstIndex(of: atm)!
                let w = expiry.calls[index].impliedVolatility * expiry.calls[index].impliedVolatility * expiry.years
                #expect(w >= previousTotalVariance * (1 - 0.05), "\(day) VIX calendar at \(expiry.expiry)")
                previousTotalVariance = w
            }
        }
    }
}
