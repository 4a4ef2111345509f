import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels

/// The VIX chain laid out as a sheet and priced on demand gives, quote for quote, what pricing
/// every strike up front gave: each quote is recomputed here from the public pieces (the
/// complex's future, smile volatilities, vol of vol, Black-76 with its checks, the spread model).
@Suite struct VIXQuoteSheetTests {
    /// A quote's numbers as bit patterns: "the same quote" means the same bits (no float `==`).
    static func bits(_ q: SyntheticQuote) -> [UInt64] { VIXSheetOnDemandVolatilityTests.bits(q) }

    /// An error's cases and payloads as `dump` walks them (not its message, which two cases may
    /// share), each Double printed in its shortest exact form: equal text, the same error to
    /// the bit. Errors carry Doubles, which the house rules keep out of `==`.
    static func structure(_ error: (any Error)?) -> String {
        var text = ""
        dump(error, to: &text)
        return text
    }

    @Test(arguments: ["2008-10-24", "2016-06-01", "2018-02-05", "2024-08-05"])
    func quotesOnDemandEqualTheRecomputedChain(_ text: String) throws {
        let (store, calendar) = try VIXComplexTests.fixture.get()
        let date = try #require(MarketDate(parsing: text))
        let inputs = try MarketInputs.load(store, date: date)
        let parameters = ChainModelParameters()
        let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
        let sheet = try VIXChainGenerator.sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters)
        #expect(sheet.date == date && sheet.underlyingLevel.bitPattern == inputs.vix.bitPattern && sheet.notes == vix.notes)
        #expect(sheet.expiries.count == parameters.expiries.vixMonths)
        let eventDay = !inputs.eventsToday.isEmpty
        var quotes = 0
        for listed in sheet.expiries {
            #expect(listed.expiry > date)
            #expect(listed.years.bitPattern == inputs.years(to: listed.expiry).bitPattern)
            #expect(listed.rate.bitPattern == inputs.rates.rate(years: listed.years).bitPattern)
            #expect(listed.forward.bitPattern == vix.future(years: listed.years).bitPattern)
            let strikes = VIXComplex.strikes(future: listed.forward, step: parameters.expiries.vixStrikeStep)
            #expect(listed.strikes.map(\.bitPattern) == strikes.map(\.bitPattern))
            let smile = try vix.strikeVolatilities(listed.strikes, future: listed.forward, time: listed.years)
            let deviation = try vix.atmVolatility(time: listed.years) * listed.years.squareRoot()
            for (index, strike) in listed.strikes.enumerated() {
                for type in [OptionType.call, .put] {
                    let value = try Black76.value(
                        type, forward: listed.forward, strike: strike, time: listed.years, rate: listed.rate, volatility: smile[index])
                    let (bid, ask) = parameters.vixSpreads.quote(
                        mid: value.price, standardDeviations: abs(log(strike / listed.forward)) / deviation, eventDay: eventDay)
                    let expected = SyntheticQuote(bid: bid, ask: ask, mid: value.price, impliedVolatility: smile[index], valuation: value)
                    #expect(Self.bits(listed.quote(type, at: index)) == Self.bits(expected), "\(text) \(listed.expiry) \(type) \(strike)")
                    quotes += 1
                }
            }
            #expect(listed.calls.map(Self.bits) == listed.strikes.indices.map { Self.bits(listed.call(at: $0)) })
        }
        #expect(quotes > 300)
        let chain = sheet.materialized()
        #expect(chain.underlying == "VIX")
        #expect(chain.expiries.map { $0.strikes.map(\.bitPattern) } == sheet.expiries.map { $0.strikes.map(\.bitPattern) })
        #expect(chain.expiries.map { $0.calls.map(Self.bits) } == sheet.expiries.map { $0.calls.map(Self.bits) })
        let puts = sheet.expiries.map { listed in listed.strikes.indices.map { Self.bits(listed.quote(.put, at: $0)) } }
        #expect(chain.expiries.map { $0.puts.map(Self.bits) } == puts)
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

/// A sheet works its strikes' volatilities out when they are read only where the smile is shown
/// valid at every strike (`VIXComplex.provenSmile`); otherwise it computes and checks them all
/// when built, as before. Either way each volatility is the one `strikeVolatilities` gives, to
/// the bit, and the errors are the same.
@Suite struct VIXSheetOnDemandVolatilityTests {
    static func sessions(_ calendar: TradingCalendar, _ from: String, _ to: String, every step: Int) -> [MarketDate] {
        let (a, b) = (MarketDate(parsing: from)!, MarketDate(parsing: to)!)
        return calendar.sessions.filter { $0 >= a && $0 <= b }.enumerated().filter { $0.offset % step == 0 }.map(\.element)
    }

    /// On real days (the 2008 and 2020 crashes, a calm 2017, the August 2024 spike) every expiry
    /// takes the on-demand path, and every volatility equals the listed computation's.
    @Test func realSmilesAreShownValidAndGiveTheSameVolatilities() throws {
        let (store, calendar) = try VIXComplexTests.fixture.get()
        let parameters = ChainModelParameters()
        let dates =
            Self.sessions(calendar, "2008-09-15", "2008-12-31", every: 5) + Self.sessions(calendar, "2017-01-03", "2017-12-29", every: 40)
            + Self.sessions(calendar, "2020-02-20", "2020-04-30", every: 4) + Self.sessions(calendar, "2024-07-25", "2024-08-15", every: 3)
        #expect(dates.count >= 40)
        var strikes = 0
        for date in dates {
            let inputs = try MarketInputs.load(store, date: date)
            let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
            let sheet = try VIXChainGenerator.sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters)
            for listed in sheet.expiries {
                #expect(listed.volatilitiesOnDemand, "\(date) \(listed.expiry)")
                let all = try vix.strikeVolatilities(listed.strikes, future: listed.forward, time: listed.years)
                #expect(listed.volatilities.map(\.bitPattern) == all.map(\.bitPattern), "\(date) \(listed.expiry)")
                strikes += all.count
            }
        }
        #expect(strikes > 10_000)
    }

    static func bits(_ q: SyntheticQuote) -> [UInt64] {
        [q.bid, q.ask, q.mid, q.impliedVolatility, q.valuation.price, q.valuation.delta, q.valuation.gamma, q.valuation.vega,
         q.valuation.theta, q.valuation.rho].map(\.bitPattern)
    }

    /// The same expiry built both ways: every quote the same to the bit, and Black-76's refusals
    /// (a non-finite rate, |rT| beyond 700) the same errors.
    @Test func bothFormsGiveTheSameQuotesAndErrors() throws {
        let (vix, _) = try VIXComplexTests.complex(MarketDate(parsing: "2020-03-16")!)
        var compared = 0
        for (years, rate) in [(0.05, 0.01), (0.4, -0.002), (0.9, 0.05)] {
            let future = vix.future(years: years)
            let strikes = VIXComplex.strikes(future: future, step: 1)
            let proven = try #require(try vix.provenSmile(strikes, future: future, time: years))
            let listed = try VIXSheetExpiry(
                expiry: MarketDate(parsing: "2020-06-17")!, years: years, rate: rate, forward: future, strikes: strikes,
                volatilities: vix.strikeVolatilities(strikes, future: future, time: years), deviation: 0.4, spreads: .vix, eventDay: false)
            let onDemand = try VIXSheetExpiry(expiry: MarketDate(parsing: "2020-06-17")!, rate: rate, smile: proven, deviation: 0.4, spreads: .vix, eventDay: false)
            #expect(onDemand.volatilitiesOnDemand && !listed.volatilitiesOnDemand)
            // The on-demand form takes its future, time and strikes from what was vouched for.
            #expect(onDemand.forward.bitPattern == future.bitPattern && onDemand.years.bitPattern == years.bitPattern)
            #expect(onDemand.strikes.map(\.bitPattern) == strikes.map(\.bitPattern))
            for index in strikes.indices {
                for type in [OptionType.call, .put] {
                    #expect(Self.bits(onDemand.quote(type, at: index)) == Self.bits(listed.quote(type, at: index)), "\(years) \(strikes[index]) \(type)")
                    compared += 1
                }
            }
            let volatilities = try vix.strikeVolatilities(strikes, future: future, time: years)
            for badRate in [Double.nan, 1e5] {
                var errors: [PricingError?] = [nil, nil]
                do {
                    _ = try VIXSheetExpiry(
                        expiry: MarketDate(parsing: "2020-06-17")!, years: years, rate: badRate, forward: future, strikes: strikes,
                        volatilities: volatilities, deviation: 0.4, spreads: .vix, eventDay: false)
                } catch { errors[0] = error }
                do {
                    _ = try VIXSheetExpiry(expiry: MarketDate(parsing: "2020-06-17")!, rate: badRate, smile: proven, deviation: 0.4, spreads: .vix, eventDay: false)
                } catch { errors[1] = error }
                #expect(errors[0] != nil && VIXQuoteSheetTests.structure(errors[0]) == VIXQuoteSheetTests.structure(errors[1]), "r \(badRate)")
            }
        }
        #expect(compared > 300)
    }

    /// The VVIX search's terms carry each strike's ln(K/F) (computed once, not at every step of
    /// the search): the same bits as `logMoneyness`, smile volatilities from them the same bits
    /// as `strikeVolatilities` computing them, and a bad strike or future the same first error.
    @Test func vvixTermsLogMoneynessIsTheStrikesOwn() throws {
        let (store, calendar) = try VIXComplexTests.fixture.get()
        let inputs = try MarketInputs.load(store, date: try #require(MarketDate(parsing: "2020-03-16")))
        let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: ChainModelParameters())
        let terms = try vix.vvixTerms(calendar: calendar, inputs: inputs)
        #expect(terms.count == 2)
        for term in terms {
            #expect(term.logMoneyness.count == term.strikes.count && !term.strikes.isEmpty)
            let own = term.strikes.map { VIXComplex.logMoneyness(strike: $0, future: term.future).bitPattern }
            #expect(term.logMoneyness.map(\.bitPattern) == own)
            let fromTerms = try vix.strikeVolatilities(term.strikes, logMoneyness: term.logMoneyness, future: term.future, time: term.years)
            let computed = try vix.strikeVolatilities(term.strikes, future: term.future, time: term.years)
            #expect(fromTerms.map(\.bitPattern) == computed.map(\.bitPattern))
        }
        // F = 20: the strike -1 fails "K" first; F = 0 and ∞ fail "F"; F = 1e300: K/F underflows
        // to 0 at the strike 1e-30, so k = -∞ fails "k".
        for (strikes, future) in [([10.0, 15, -1, 20, .nan], 20.0), ([10, 15], 0), ([10, 15], .infinity), ([10, 1e-30, 20], 1e300)] {
            let ks = strikes.map { VIXComplex.logMoneyness(strike: $0, future: future) }
            var errors: [(any Error)?] = [nil, nil]
            do { _ = try vix.strikeVolatilities(strikes, future: future, time: 0.1) } catch { errors[0] = error }
            do { _ = try vix.strikeVolatilities(strikes, logMoneyness: ks, future: future, time: 0.1) } catch { errors[1] = error }
            #expect(errors[0] != nil && VIXQuoteSheetTests.structure(errors[0]) == VIXQuoteSheetTests.structure(errors[1]), "F \(future)")
        }
    }

    /// `provenSmile` vouches for a smile inside the bounds its argument needs and not outside
    /// them: 1 − ρ² either side of 1e-6, and a time so short that φ(k̄ + 1) passes 1e6. (The
    /// third bound, θ(2 + 2φ(k̄ + 1))/T ≤ 1e300, is out of the model's reach: θ/T is the squared
    /// ATM vol of vol, at most 6.25.)
    @Test func provenSmileEitherSideOfItsBounds() throws {
        let (vix, _) = try VIXComplexTests.complex(MarketDate(parsing: "2018-02-05")!)
        let strikes = VIXComplex.strikes(future: 20, step: 1)
        #expect(try vix.provenSmile(strikes, future: 20, time: 1e-15) == nil)
        #expect(try vix.provenSmile(strikes, future: 20, time: 1e-3) != nil)
        for (oneMinusRhoSquared, proven) in [(1.5e-6, true), (0.9e-6, false)] {
            let options = try VIXOptionParameters(skewCorrelation: (1 - oneMinusRhoSquared).squareRoot(), skewLevel: 0.5)
            let tight = VIXComplex(
                date: vix.date, vix: vix.vix, settlements: vix.settlements, theta: vix.theta, kappa: vix.kappa,
                futuresSource: vix.futuresSource, vvixSource: vix.vvixSource, vvixTarget: vix.vvixTarget, vvixModel: vix.vvixModel,
                atmVolatility30d: vix.atmVolatility30d, optionModel: VIXOptionModel(parameters: options), notes: vix.notes)
            #expect((try tight.provenSmile(strikes, future: 20, time: 0.1) != nil) == proven, "1 − ρ² \(oneMinusRhoSquared)")
        }
    }

    /// Sheets on smiles outside the bounds (1 − ρ² below 1e-6, either sign of ρ) list their
    /// volatilities when built, the same numbers; one well inside them works them out when read.
    @Test func sheetsOnSmilesOutsideTheBoundsListTheirVolatilities() throws {
        let (store, calendar) = try VIXComplexTests.fixture.get()
        let parameters = ChainModelParameters()
        let inputs = try MarketInputs.load(store, date: MarketDate(parsing: "2020-03-16")!)
        let fitted = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
        for (rho, onDemand) in [(0.999_999_9, false), (0.99, true), (-0.999_999_9, false)] {
            let options = try VIXOptionParameters(skewCorrelation: rho, skewLevel: 0.5)
            let vix = VIXComplex(
                date: fitted.date, vix: fitted.vix, settlements: fitted.settlements, theta: fitted.theta, kappa: fitted.kappa,
                futuresSource: fitted.futuresSource, vvixSource: fitted.vvixSource, vvixTarget: fitted.vvixTarget, vvixModel: fitted.vvixModel,
                atmVolatility30d: fitted.atmVolatility30d, optionModel: VIXOptionModel(parameters: options), notes: fitted.notes)
            let sheet = try VIXChainGenerator.sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters)
            #expect(!sheet.expiries.isEmpty)
            for listed in sheet.expiries {
                #expect(listed.volatilitiesOnDemand == onDemand, "ρ \(rho)")
                let all = try vix.strikeVolatilities(listed.strikes, future: listed.forward, time: listed.years)
                #expect(listed.volatilities.map(\.bitPattern) == all.map(\.bitPattern), "ρ \(rho)")
            }
        }
    }

    /// What `provenSmile` refuses to vouch for, and the errors it shares with `strikeVolatilities`.
    @Test func provenSmileBoundsAndErrors() throws {
        let (vix, _) = try VIXComplexTests.complex(MarketDate(parsing: "2018-02-05")!)
        #expect(try vix.provenSmile([15, 20, 30], future: 20, time: 0.1) != nil)
        #expect(try vix.provenSmile([], future: 20, time: 0.1) == nil)
        #expect(try vix.provenSmile([1e-310, 20], future: 20, time: 0.1) == nil)  // K/F not a normal double
        #expect(try vix.provenSmile([15, .infinity], future: 20, time: 0.1) == nil)
        #expect(try vix.provenSmile([15, -1], future: 20, time: 0.1) == nil)
        #expect(try vix.provenSmile([15, 20], future: 20, time: 1e-310) == nil)  // T not normal
        for (future, time) in [(-1.0, 0.1), (.nan, 0.1), (20, 0), (20, -0.1)] {
            var proven: VIXModelError?
            var listed: VIXModelError?
            do { _ = try vix.provenSmile([15, 20], future: future, time: time) } catch { proven = error }
            do { _ = try vix.strikeVolatilities([15, 20], future: future, time: time) } catch { listed = error }
            #expect(proven != nil && VIXQuoteSheetTests.structure(proven) == VIXQuoteSheetTests.structure(listed), "F \(future) T \(time)")
        }
    }
}
