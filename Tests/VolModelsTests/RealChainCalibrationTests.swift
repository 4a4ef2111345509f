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
        // Every strike is either a point or counted under one reason.
        #expect(fit.pointCount + fit.skipped.total == fit.strikeCount)
        #expect(fitted.notes.last?.contains("\(fit.pointCount) of \(fit.strikeCount) strikes used") == true)
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
        #expect(
            throws: VolModelError.missingMarketData(
                "no expiry of the SPX chain on 2017-09-13 has 5 liquid quotes (1 strike: 1 without a two-sided quote)")
        ) { try RealChainCalibration.fit([quote], inputs: inputs) }
    }

    static let date = MarketDate(year: 2017, month: 9, day: 13)!
    static let inputs = MarketInputs(date: date, spot: 2500, vix: 10.5, rates: RateCurve(date: date, flatRate: 0.01), pendingEvents: [])

    /// A quote at the Black-76 price of `vol` on forward 2,500, 0.10 wide.
    static func quote(_ right: OptionQuote.Right, _ strike: Double, expiry: MarketDate, vol: Double = 0.15) -> OptionQuote {
        let t = inputs.years(to: expiry)
        let price = Black76.uncheckedPrice(
            right == .call ? .call : .put, forward: 2500, strike: strike, time: t, rate: 0.01, volatility: vol)
        return OptionQuote(underlying: "SPX", quoteDate: date, expiry: expiry, strike: strike, right: right, bid: price - 0.05, ask: price + 0.05)
    }

    /// Each reason a strike is left out, reached once or more, and counted: the summary names
    /// them and the counts add up to the chain's strikes.
    @Test func everyStrikeLeftOutIsCountedByItsReason() throws {
        let main = MarketDate(year: 2017, month: 10, day: 20)!
        let near = MarketDate(year: 2017, month: 9, day: 14)!
        let thin = MarketDate(year: 2017, month: 11, day: 17)!
        func bare(_ right: OptionQuote.Right, _ strike: Double, bid: Double, ask: Double) -> OptionQuote {
            OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: main, strike: strike, right: right, bid: bid, ask: ask)
        }
        var quotes: [OptionQuote] = [2300, 2350, 2400, 2450].map { Self.quote(.put, $0, expiry: main) }
        quotes += [Self.quote(.call, 2500, expiry: main), Self.quote(.put, 2500, expiry: main)]  // parity: F = 2,500
        quotes += [2550, 2600].map { Self.quote(.call, $0, expiry: main) }
        quotes.append(Self.quote(.put, 2650, expiry: main))  // only the in-the-money side
        quotes.append(bare(.call, 2700, bid: 0, ask: 0.05))  // no bid
        quotes.append(bare(.call, 2750, bid: 0.05, ask: 1))  // 181% of its mid wide
        quotes.append(bare(.call, 2800, bid: 3000, ask: 3010))  // above the forward: no volatility gives it
        // A near strike quoted on both sides counts once: strikes are counted, not quotes.
        quotes += [2450, 2500, 2550].map { Self.quote(.call, $0, expiry: near) } + [Self.quote(.put, 2500, expiry: near)]
        quotes += [2300, 2350, 2400].map { Self.quote(.put, $0, expiry: thin) }
        // Parity over inconsistent mids: F = 2,500 + e^{rT}(1.05 − 601.5), about 1,900, 24%
        // below the carry forward (2,500·e^{(r−q)T}), beyond 2% + 3%·T; its four strikes are
        // left out.
        let stale = MarketDate(year: 2017, month: 12, day: 15)!
        quotes += [
            OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: stale, strike: 2500, right: .call, bid: 1, ask: 1.1),
            OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: stale, strike: 2500, right: .put, bid: 601, ask: 602),
        ] + [2300, 2350, 2400].map { Self.quote(.put, $0, expiry: stale) }

        let fit = try RealChainCalibration.fit(quotes, inputs: Self.inputs)
        var expected = SkippedStrikes()
        expected.nearExpiry = 3
        expected.noForward = 4
        expected.noOutOfTheMoneyQuote = 1
        expected.noTwoSidedQuote = 1
        expected.wideSpread = 1
        expected.noImpliedVolatility = 1
        expected.thinExpiry = 3
        #expect(fit.skipped == expected)
        #expect(fit.pointCount == 7)
        #expect(fit.expiryCount == 1)
        #expect(fit.strikeCount == 21)
        #expect(
            fit.summary
                == "7 of 21 strikes used; left out: 3 in expiries under 2 days, "
                + "4 in expiries without a usable put-call parity forward, 1 without an out-of-the-money quote, "
                + "1 without a two-sided quote, 1 wider than 50% of mid, 1 without an implied volatility, "
                + "3 in expiries with fewer than 5 usable points")
        // The seven points carry the 15% they were priced at.
        #expect(fit.maxErrorVolPoints <= 0.5, "max \(fit.maxErrorVolPoints)")
    }

    /// The parity forward is trusted within 2% + 3%·T of the carry forward (log distance): an
    /// expiry just inside is fitted, one just outside is left out with its strikes counted; an
    /// expiry without a call and put both bid is fitted on the carry forward, and said so.
    @Test func theForwardToleranceAndTheCarryForwardAreSaid() throws {
        let q = SPXSurfaceParameters.standard.dividendYield
        let inside = MarketDate(year: 2017, month: 10, day: 20)!
        let outside = MarketDate(year: 2017, month: 11, day: 17)!
        let noPair = MarketDate(year: 2017, month: 12, day: 15)!
        /// A call and a put at 2,500 whose mids put the parity forward at carry·e^{shift}.
        func pair(_ expiry: MarketDate, shift: Double) -> [OptionQuote] {
            let t = Self.inputs.years(to: expiry)
            let forward = 2500 * exp((0.01 - q) * t) * exp(shift)
            let put = 150.0, call = put + (forward - 2500) * exp(-0.01 * t)
            return [
                OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: expiry, strike: 2500, right: .call, bid: call - 0.05, ask: call + 0.05),
                OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: expiry, strike: 2500, right: .put, bid: put - 0.05, ask: put + 0.05),
            ]
        }
        func wing(_ expiry: MarketDate) -> [OptionQuote] { [2300, 2350, 2400, 2425, 2450].map { Self.quote(.put, $0, expiry: expiry) } }
        let tolerance = { (expiry: MarketDate) in RealChainCalibration.forwardTolerance(years: Self.inputs.years(to: expiry)) }
        let quotes =
            pair(inside, shift: 0.98 * tolerance(inside)) + wing(inside) + pair(outside, shift: -1.02 * tolerance(outside)) + wing(outside)
            + wing(noPair)
        let fit = try RealChainCalibration.fit(quotes, inputs: Self.inputs)
        #expect(fit.expiryCount == 2)
        #expect(fit.skipped.noForward == 6)
        #expect(fit.carryForwardExpiries == 1)
        #expect(
            fit.summary
                == "11 of 17 strikes used; left out: 6 in expiries without a usable put-call parity forward; "
                + "1 expiry on the carry forward (no call and put both bid)")
        #expect(abs(RealChainCalibration.forwardTolerance(years: 3) - 0.11) <= 1e-12)
    }

    /// A forward below zero (parity over inconsistent mids) leaves its expiry out, counted; with
    /// no other expiry the fit's error says why.
    @Test func aForwardBelowZeroLeavesItsExpiryOut() {
        let main = MarketDate(year: 2017, month: 10, day: 20)!
        let quotes = [
            OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: main, strike: 100, right: .call, bid: 1, ask: 1.1),
            OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: main, strike: 100, right: .put, bid: 200, ask: 201),
        ]
        #expect(
            throws: VolModelError.missingMarketData(
                "no expiry of the SPX chain on 2017-09-13 has 5 liquid quotes "
                    + "(1 strike: 1 in expiries without a usable put-call parity forward)")
        ) { try RealChainCalibration.fit(quotes, inputs: Self.inputs) }
    }

    /// A quote the implied volatility refuses for its inputs, not its price (a strike of 0,
    /// which import refuses), stops the fit with an error naming it.
    @Test func aQuoteWithoutAPositiveStrikeIsAnError() {
        let main = MarketDate(year: 2017, month: 10, day: 20)!
        var skipped = SkippedStrikes()
        let quote = OptionQuote(underlying: "SPX", quoteDate: Self.date, expiry: main, strike: 0, right: .put, bid: 1, ask: 1.1)
        #expect {
            _ = try RealChainCalibration.expiryPoints(
                [quote], time: Self.inputs.years(to: main), rate: 0.01, spot: 2500, dividendYield: 0.02, skipped: &skipped)
        } throws: { error in
            guard case .invalidMarketData(let what) = error as? VolModelError else { return false }
            return what.hasPrefix("implied volatility of the SPX put 0.0 expiring 2017-10-20 on 2017-09-13: ")
        }
    }
}
