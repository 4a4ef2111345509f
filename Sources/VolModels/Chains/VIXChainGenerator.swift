import MarketData
import QuantCore

/// A synthetic VIX option chain: the next `vixMonths` monthly VIX expiries (Cboe rule, from the
/// trading calendar), each priced with Black-76 on the model VIX future of that expiry
/// (`VIXFuturesCurve`) at the model smile (`VIXOptionModel`), strikes every `vixStrikeStep`
/// from 60% to 300% of the future, quoted with `QuoteSpreadModel`.
public enum VIXChainGenerator {
    public static func chain(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()) throws -> SyntheticChain {
        try parameters.validate()
        let curve = VIXFuturesCurve(parameters: parameters.vixTermStructure)
        let model = VIXOptionModel(curve: curve, parameters: parameters.vixOptions)
        let schedule = parameters.expiries
        guard let dates = calendar.vixExpiries(from: inputs.date.adding(days: 1), through: inputs.date.adding(days: 31 * schedule.vixMonths + 31)) else {
            throw VolModelError.missingMarketData("trading calendar does not cover the VIX expiries after \(inputs.date)")
        }
        let eventDay = !inputs.eventsToday.isEmpty
        var expiries: [SyntheticExpiry] = []
        for expiry in dates.prefix(schedule.vixMonths) {
            let t = inputs.years(to: expiry)
            let rate = inputs.rates.rate(years: t)
            do {
                let future = try curve.future(vix: inputs.vix, timeToExpiry: t)
                let deviation = try model.atmVolatility(vix: inputs.vix, time: t) * t.squareRoot()
                let step = schedule.vixStrikeStep
                let first = max(step, (0.6 * future / step).rounded(.down) * step)
                let last = (3 * future / step).rounded(.up) * step
                let strikes = Array(stride(from: first, through: last, by: step))
                func quote(_ type: OptionType, _ strike: Double) throws -> SyntheticQuote {
                    let v = try model.price(type, strike: strike, future: future, time: t, rate: rate, vix: inputs.vix)
                    let vol = try model.impliedVolatility(strike: strike, future: future, time: t, vix: inputs.vix)
                    let (bid, ask) = parameters.vixSpreads.quote(mid: v.price, standardDeviations: abs(log(strike / future)) / deviation, eventDay: eventDay)
                    return SyntheticQuote(bid: bid, ask: ask, mid: v.price, impliedVolatility: vol, valuation: v)
                }
                expiries.append(
                    SyntheticExpiry(
                        expiry: expiry, years: t, rate: rate, forward: future, strikes: strikes,
                        calls: try strikes.map { try quote(.call, $0) }, puts: try strikes.map { try quote(.put, $0) }))
            } catch {
                throw VolModelError.numerical("VIX chain on \(inputs.date), expiry \(expiry): \(error)")
            }
        }
        return SyntheticChain(underlying: "VIX", date: inputs.date, underlyingLevel: inputs.vix, expiries: expiries)
    }
}
