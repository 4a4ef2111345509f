import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels
import TestScratch

@Suite struct ChainOutputTests {
    static let fixture = Result { () throws -> (SQLiteMarketStore, TradingCalendar) in
        let directory = TestScratch.directory("co")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        return (store, try TradingCalendar(sessions: store.sessions().map(\.date)))
    }

    static func chains(_ date: MarketDate) throws -> [SyntheticChain] {
        let (store, calendar) = try fixture.get()
        let inputs = try MarketInputs.load(store, date: date)
        return [
            SPXChainGenerator.chain(try SPXMarketModel(inputs: inputs, calendar: calendar)),
            try VIXChainGenerator.chain(inputs: inputs, calendar: calendar),
        ]
    }

    /// The price-only strip the Cboe computations read is the chain's own quotes for that expiry,
    /// bit for bit (same strikes, same bids and asks), on an FOMC-eve day, a crash day and a
    /// calm one, for every listed expiry.
    @Test func stripIsTheChainsQuotesForItsExpiry() throws {
        let (store, calendar) = try Self.fixture.get()
        for day in ["2008-10-10", "2016-06-14", "2017-06-13"] {
            let inputs = try MarketInputs.load(store, date: try #require(MarketDate(parsing: day)))
            let model = try SPXMarketModel(inputs: inputs, calendar: calendar)
            let chain = SPXChainGenerator.chain(model)
            #expect(chain.expiries.count == model.expiryDates.count)
            for slice in chain.expiries {
                let (strip, years, rate) = SPXChainGenerator.strip(model, expiry: slice.expiry)
                #expect(years.bitPattern == slice.years.bitPattern && rate.bitPattern == slice.rate.bitPattern)
                #expect(strip.count == slice.strikes.count, "\(day) \(slice.expiry)")
                for (index, quote) in strip.enumerated() where index < slice.strikes.count {
                    let expected = [slice.strikes[index], slice.calls[index].bid, slice.calls[index].ask, slice.puts[index].bid, slice.puts[index].ask]
                    let got = [quote.strike, quote.callBid, quote.callAsk, quote.putBid, quote.putAsk]
                    #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "\(day) \(slice.expiry) \(quote.strike)")
                }
            }
        }
    }

    /// The OptionsDX output is read back by MarketData's importer: every option, with its
    /// bid, ask and model implied vol and delta unchanged.
    @Test func optionsDXRoundTripsThroughTheImporter() throws {
        for chain in try Self.chains(MarketDate(year: 2018, month: 2, day: 5)!) {
            let text = ChainWriter.write(chain, format: .optionsDX)
            let quotes = try OptionsDXImporter(underlying: chain.underlying).parseQuotes(Array(text.utf8), file: "chain.csv")
            #expect(quotes.count == chain.optionCount)
            var index = 0
            for expiry in chain.expiries {
                for (k, strike) in expiry.strikes.enumerated() {
                    for (right, model) in [(OptionQuote.Right.call, expiry.calls[k]), (.put, expiry.puts[k])] {
                        let q = quotes[index]
                        index += 1
                        #expect(q.quoteDate == chain.date && q.expiry == expiry.expiry && q.strike == strike && q.right == right)
                        #expect(abs(q.bid - model.bid) <= 1e-9 && abs(q.ask - model.ask) <= 1e-9)
                        #expect(q.impliedVolatility?.bitPattern == model.impliedVolatility.bitPattern)
                        #expect(q.delta?.bitPattern == model.valuation.delta.bitPattern)
                    }
                }
            }
        }
    }

    @Test func csvHasOneRowPerOptionWithGreeks() throws {
        let chain = try Self.chains(MarketDate(year: 2017, month: 6, day: 14)!)[0]
        let lines = ChainWriter.write(chain, format: .csv).split(separator: "\n")
        #expect(lines[0] == "quote_date,underlying,expiry,years,forward,strike,type,bid,ask,mid,iv,delta,gamma,vega,theta,rho")
        #expect(lines.count == chain.optionCount + 1)
        let first = lines[1].split(separator: ",")
        #expect(first[0] == "2017-06-14" && first[1] == "SPX" && (first[6] == "C" || first[6] == "P"))
    }

    /// A VIX call struck near zero is worth the discounted future (Black-76 limit).
    @Test func deepInTheMoneyVIXCallIsTheDiscountedFuture() throws {
        let chain = try Self.chains(MarketDate(year: 2016, month: 6, day: 24)!)[1]
        let model = VIXOptionModel()
        for expiry in chain.expiries {
            let call = try model.price(.call, strike: 1e-9, future: expiry.forward, time: expiry.years, rate: expiry.rate, vix: chain.underlyingLevel)
            let discounted = exp(-expiry.rate * expiry.years) * expiry.forward
            #expect(abs(call.price - discounted) <= 1e-9 * discounted)
        }
    }

    @Test func configOverridesOneValueAndRejectsTypos() throws {
        let parameters = try ChainModelParameters.load(toml: "[surface]\nrho = -0.6\n[events]\nfomc = 1.5e-4\n", file: "c.toml")
        #expect(parameters.surface.rho == -0.6)
        #expect(parameters.events.fomc == 1.5e-4)
        #expect(parameters.surface.eta == SPXSurfaceParameters.standard.eta)
        #expect(throws: VolModelError.self) { try ChainModelParameters.load(toml: "[surface]\nrhoo = -0.6\n", file: "c.toml") }
        #expect(throws: VolModelError.self) { try ChainModelParameters.load(toml: "[surface]\nrho = -1.5\n", file: "c.toml") }
        #expect(throws: VolModelError.self) { try ChainModelParameters.load(toml: "[events]\nfomc = -1\n", file: "c.toml") }
        #expect(throws: VolModelError.self) { try ChainModelParameters.load(toml: "this is not toml", file: "c.toml") }
    }

    @Test func eventDayQuotesAreWider() throws {
        let (store, calendar) = try Self.fixture.get()
        var inputs = try MarketInputs.load(store, date: MarketDate(year: 2018, month: 3, day: 21)!)
        #expect(inputs.eventsToday.map(\.event) == ["FOMC"])
        let eventChain = SPXChainGenerator.chain(try SPXMarketModel(inputs: inputs, calendar: calendar))
        inputs.eventsToday = []
        let quietChain = SPXChainGenerator.chain(try SPXMarketModel(inputs: inputs, calendar: calendar))
        let a = eventChain.expiries[2], b = quietChain.expiries[2]
        let middle = a.strikes.count / 2
        #expect(a.calls[middle].ask - a.calls[middle].bid > b.calls[middle].ask - b.calls[middle].bid)
    }
}
