import MarketData
import QuantCore

/// A synthetic VIX option chain: the next `vixMonths` monthly VIX expiries (Cboe rule, from the
/// trading calendar), each priced with Black-76 on the day's VIX future of that expiry at the
/// day's calibrated smile (`VIXComplex`: futures through real settlements or the fallback curve,
/// smile calibrated to the real or fallback VVIX), strikes every `vixStrikeStep` from 50% to
/// 400% of the future (`VIXComplex.strikes`, the strikes the VVIX is computed over), quoted
/// with `QuoteSpreadModel`. The chain's `notes` say which inputs were real.
public enum VIXChainGenerator {
    /// Calibrates the day's VIX complex from `inputs` and generates the chain on it.
    public static func chain(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()) throws -> SyntheticChain {
        try sheet(inputs: inputs, calendar: calendar, parameters: parameters).materialized()
    }

    public static func chain(vix: VIXComplex, inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters) throws -> SyntheticChain {
        try sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters).materialized()
    }

    /// Calibrates the day's VIX complex from `inputs` and lays out its chain (`VIXQuoteSheet`).
    public static func sheet(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()) throws -> VIXQuoteSheet {
        let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
        return try sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters)
    }

    /// The chain's expiries, futures, strikes and smile volatilities, every input checked; the
    /// quotes are priced when read (`VIXSheetExpiry.quote`) or all at once (`materialized`).
    public static func sheet(vix: VIXComplex, inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters) throws -> VIXQuoteSheet {
        let schedule = parameters.expiries
        guard let dates = calendar.vixExpiries(
            from: inputs.date.adding(days: 1), through: min(inputs.date.adding(days: 31 * schedule.vixMonths + 31), calendar.lastSession)) else {
            throw VolModelError.missingMarketData("trading calendar does not cover the VIX expiries after \(inputs.date)")
        }
        let eventDay = !inputs.eventsToday.isEmpty
        var expiries: [VIXSheetExpiry] = []
        for expiry in dates.prefix(schedule.vixMonths) {
            let t = inputs.years(to: expiry)
            let rate = inputs.rates.rate(years: t)
            do {
                let future = vix.future(years: t)
                let deviation = try vix.atmVolatility(time: t) * t.squareRoot()
                let strikes = VIXComplex.strikes(future: future, step: schedule.vixStrikeStep)
                // One smile per expiry and one volatility per strike, shared by its call and put:
                // worked out when read where the smile is shown valid at every strike, otherwise
                // all computed and checked now (the same numbers and the same errors either way).
                let smile = try vix.provenSmile(strikes, future: future, time: t)
                let volatilities = smile == nil ? try vix.strikeVolatilities(strikes, future: future, time: t) : []
                let listed: VIXSheetExpiry
                do {
                    if let smile {
                        listed = try VIXSheetExpiry(
                            expiry: expiry, rate: rate, smile: smile, deviation: deviation, spreads: parameters.vixSpreads, eventDay: eventDay)
                    } else {
                        listed = try VIXSheetExpiry(
                            expiry: expiry, years: t, rate: rate, forward: future, strikes: strikes, volatilities: volatilities,
                            deviation: deviation, spreads: parameters.vixSpreads, eventDay: eventDay)
                    }
                } catch {
                    throw VIXModelError.pricing(error)
                }
                expiries.append(listed)
            } catch {
                throw VolModelError.numerical("VIX chain on \(inputs.date), expiry \(expiry): \(error)")
            }
        }
        return VIXQuoteSheet(date: inputs.date, underlyingLevel: inputs.vix, expiries: expiries, notes: vix.notes)
    }
}
