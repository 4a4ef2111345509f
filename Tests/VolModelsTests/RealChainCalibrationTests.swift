import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels
import TestScratch

/// Fitting the surface to a chain: a chain generated with known SSVI parameters, quoted with
/// bid/ask ticks and written through the OptionsDX layout, is fitted back.
@Suite struct RealChainCalibrationTests {
    @Test func recoversKnownParametersFromAQuotedChain() throws {
        let directory = TestScratch.directory("fit")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let date = MarketDate(year: 2017, month: 9, day: 13)!
        var inputs = try MarketInputs.load(store, date: date)
        inputs.pendingEvents = []  // a market smile carries its events inside θ; keep the truth simple
        var truth = ChainModelParameters()
        truth.surface.rho = -0.55
        truth.surface.eta = 1.2
        let model = try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: truth)
        let chain = SPXChainGenerator.chain(model)
        let text = ChainWriter.write(chain, format: .optionsDX)
        let quotes = try OptionsDXImporter(underlying: "SPX").parseQuotes(Array(text.utf8), file: "real.csv")
        // Through the store, as the CLI does.
        try store.write(.quotes(quotes), kind: .chainOptionsDX, symbol: "SPX", file: "real.csv")
        let stored = try store.optionQuotes(underlying: "SPX", quoteDate: date)
        #expect(stored.count == quotes.count)

        let fitted = try SPXMarketModel(inputs: inputs, calendar: calendar, realChain: stored)
        let fit = try #require(fitted.fit)
        #expect(abs(fit.rho - truth.surface.rho) <= 0.02, "rho \(fit.rho)")
        #expect(abs(fit.eta - truth.surface.eta) <= 0.05, "eta \(fit.eta)")
        // Quotes are rounded to 5-10 cent ticks, so mids carry noise; the fit stays within it.
        #expect(fit.rmsErrorVolPoints <= 0.5, "RMS \(fit.rmsErrorVolPoints)")
        #expect(fit.pointCount > 500)
        print("fit: rho \(fit.rho) eta \(fit.eta), \(fit.expiryCount) expiries, \(fit.pointCount) points, RMS \(fit.rmsErrorVolPoints) vol pts, max \(fit.maxErrorVolPoints)")
        for t in [20.0 / 365, 0.25, 0.75] {
            let true30 = model.surface.atmTotalVariance(t)
            #expect(abs(fitted.surface.atmTotalVariance(t) / true30 - 1) <= 0.02, "θ at \(t)")
        }
    }

    @Test func aChainWithoutLiquidQuotesIsAnError() throws {
        let inputs = MarketInputs(
            date: MarketDate(year: 2017, month: 9, day: 13)!, spot: 2500, vix: 10.5,
            rates: RateCurve(date: MarketDate(year: 2017, month: 9, day: 13)!, flatRate: 0.01), pendingEvents: [])
        let quote = OptionQuote(
            underlying: "SPX", quoteDate: inputs.date, expiry: MarketDate(year: 2017, month: 10, day: 20)!, strike: 2500,
            right: .call, bid: 0, ask: 0.05)
        #expect(throws: VolModelError.self) { try RealChainCalibration.fit([quote], inputs: inputs) }
    }
}
