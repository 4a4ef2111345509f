import MarketData
import QuantCore

/// A full synthetic SPX end-of-day chain from an `SPXMarketModel`: for every listed expiry,
/// strikes every `spxStrikeStep` points from the money outwards until the model mid falls below
/// `minimumListedPrice` or the strike is `maximumDeviations` ATM standard deviations away; call
/// and put at each strike priced with Black-Scholes-Merton (dividend yield from the surface
/// parameters, rate from the Treasury curve at the expiry's maturity) at the surface's implied
/// volatility, and quoted with `QuoteSpreadModel`.
public enum SPXChainGenerator {
    /// The chain of every listed expiry, or of `expiries` only (those the model lists): a
    /// backtest that needs one expiry prices a tenth of the options, with identical quotes.
    public static func chain(_ model: SPXMarketModel, expiries only: [MarketDate]? = nil) -> SyntheticChain {
        let inputs = model.inputs
        let spreads = model.parameters.spxSpreads
        let schedule = model.parameters.expiries
        let q = model.parameters.surface.dividendYield
        let eventDay = !inputs.eventsToday.isEmpty
        var expiries: [SyntheticExpiry] = []
        expiries.reserveCapacity(model.expiryDates.count)
        for expiry in model.expiryDates where only?.contains(expiry) ?? true {
            let t = inputs.years(to: expiry)
            let rate = inputs.rates.rate(years: t)
            let kernel = BlackScholesMerton.Expiry(spot: inputs.spot, time: t, rate: rate, dividendYield: q)
            let forward = inputs.spot * exp((rate - q) * t)
            let slice = model.surface.slice(t)
            let deviation = slice.theta.squareRoot()
            let step = schedule.spxStrikeStep
            let atm = (forward / step).rounded() * step
            func quote(_ type: OptionType, _ strike: Double) -> SyntheticQuote {
                let k = log(strike / forward)
                let vol = (slice.totalVariance(k: k) / t).squareRoot()
                let v = kernel.value(type, strike: strike, volatility: vol)
                let (bid, ask) = spreads.quote(mid: v.price, standardDeviations: abs(k) / deviation, eventDay: eventDay)
                return SyntheticQuote(bid: bid, ask: ask, mid: v.price, impliedVolatility: vol, valuation: v)
            }
            // Walk out from the money on each side while the out-of-the-money option is listed,
            // keeping the quotes computed on the way (each option is priced once).
            var lowerStrikes: [Double] = []
            var lowerPuts: [SyntheticQuote] = []
            var strike = atm - step
            while strike > 0, log(strike / forward) >= -schedule.maximumDeviations * deviation {
                let put = quote(.put, strike)
                guard put.mid >= schedule.minimumListedPrice else { break }
                lowerStrikes.append(strike)
                lowerPuts.append(put)
                strike -= step
            }
            var upperStrikes: [Double] = []
            var upperCalls: [SyntheticQuote] = []
            strike = atm + step
            while log(strike / forward) <= schedule.maximumDeviations * deviation {
                let call = quote(.call, strike)
                guard call.mid >= schedule.minimumListedPrice else { break }
                upperStrikes.append(strike)
                upperCalls.append(call)
                strike += step
            }
            let lower = Array(lowerStrikes.reversed())
            let strikes = lower + [atm] + upperStrikes
            let calls = lower.map { quote(.call, $0) } + [quote(.call, atm)] + upperCalls
            let puts = Array(lowerPuts.reversed()) + [quote(.put, atm)] + upperStrikes.map { quote(.put, $0) }
            expiries.append(SyntheticExpiry(expiry: expiry, years: t, rate: rate, forward: forward, strikes: strikes, calls: calls, puts: puts))
        }
        return SyntheticChain(underlying: "SPX", date: inputs.date, underlyingLevel: inputs.spot, expiries: expiries)
    }
}
