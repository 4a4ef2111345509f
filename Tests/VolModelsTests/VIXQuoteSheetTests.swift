import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels

/// The VIX chain laid out as a sheet and priced on demand gives, quote for quote, what pricing
/// every strike up front gave: each quote is recomputed here from the public pieces (the
/// complex's future, smile volatilities, vol of vol, Black-76 with its checks, the spread model).
@Suite struct VIXQuoteSheetTests {
    @Test(arguments: ["2008-10-24", "2016-06-01", "2018-02-05", "2024-08-05"])
    func quotesOnDemandEqualTheRecomputedChain(_ text: String) throws {
        let (store, calendar) = try VIXComplexTests.fixture.get()
        let date = try #require(MarketDate(parsing: text))
        let inputs = try MarketInputs.load(store, date: date)
        let parameters = ChainModelParameters()
        let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
        let sheet = try VIXChainGenerator.sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters)
        #expect(sheet.date == date && sheet.underlyingLevel == inputs.vix && sheet.notes == vix.notes)
        #expect(sheet.expiries.count == parameters.expiries.vixMonths)
        let eventDay = !inputs.eventsToday.isEmpty
        var quotes = 0
        for listed in sheet.expiries {
            #expect(listed.expiry > date)
            #expect(listed.years == inputs.years(to: listed.expiry) && listed.rate == inputs.rates.rate(years: listed.years))
            #expect(listed.forward == vix.future(years: listed.years))
            #expect(listed.strikes == VIXComplex.strikes(future: listed.forward, step: parameters.expiries.vixStrikeStep))
            let smile = try vix.strikeVolatilities(listed.strikes, future: listed.forward, time: listed.years)
            let deviation = try vix.atmVolatility(time: listed.years) * listed.years.squareRoot()
            for (index, strike) in listed.strikes.enumerated() {
                for type in [OptionType.call, .put] {
                    let value = try Black76.value(
                        type, forward: listed.forward, strike: strike, time: listed.years, rate: listed.rate, volatility: smile[index])
                    let (bid, ask) = parameters.vixSpreads.quote(
                        mid: value.price, standardDeviations: abs(log(strike / listed.forward)) / deviation, eventDay: eventDay)
                    let expected = SyntheticQuote(bid: bid, ask: ask, mid: value.price, impliedVolatility: smile[index], valuation: value)
                    #expect(listed.quote(type, at: index) == expected, "\(text) \(listed.expiry) \(type) \(strike)")
                    quotes += 1
                }
            }
            #expect(listed.calls == listed.strikes.indices.map { listed.call(at: $0) })
        }
        #expect(quotes > 300)
        let chain = sheet.materialized()
        #expect(chain.underlying == "VIX" && chain.expiries.map(\.strikes) == sheet.expiries.map(\.strikes))
        #expect(chain.expiries.map(\.calls) == sheet.expiries.map(\.calls))
        let puts = sheet.expiries.map { listed in listed.strikes.indices.map { listed.quote(.put, at: $0) } }
        #expect(chain.expiries.map(\.puts) == puts)
    }

    /// Everything a quote could fail on is refused when the sheet is built, naming the field.
    @Test func badInputsFailWhenTheSheetIsBuilt() {
        let date = MarketDate(parsing: "2018-02-05")!
        #expect(throws: PricingError.self) {
            try VIXSheetExpiry(
                expiry: date, years: 0.1, rate: 0.01, forward: 20, strikes: [15, 20], volatilities: [0.8, -0.1],
                deviation: 0.3, spreads: .vix, eventDay: false)
        }
        #expect(throws: PricingError.mismatchedLengths("strikes 2, sigmas 1")) {
            try VIXSheetExpiry(
                expiry: date, years: 0.1, rate: 0.01, forward: 20, strikes: [15, 20], volatilities: [0.8],
                deviation: 0.3, spreads: .vix, eventDay: false)
        }
        #expect(throws: PricingError.self) {
            try VIXSheetExpiry(
                expiry: date, years: 0.1, rate: 0.01, forward: .nan, strikes: [15], volatilities: [0.8],
                deviation: 0.3, spreads: .vix, eventDay: false)
        }
    }
}
