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
            // Both sides of a strike share its smile volatility and, in the kernel, its d₁, d₂,
            // normal tails and density (`valuePair`: each the same to the bit as alone).
            func quotes(_ strike: Double) -> (call: SyntheticQuote, put: SyntheticQuote) {
                let k = log(strike / forward)
                let vol = (slice.totalVariance(k: k) / t).squareRoot()
                let (call, put) = kernel.valuePair(strike: strike, volatility: vol)
                func quote(_ v: OptionValuation) -> SyntheticQuote {
                    let (bid, ask) = spreads.quote(mid: v.price, standardDeviations: abs(k) / deviation, eventDay: eventDay)
                    return SyntheticQuote(bid: bid, ask: ask, mid: v.price, impliedVolatility: vol, valuation: v)
                }
                return (quote(call), quote(put))
            }
            // Walk out from the money on each side while the out-of-the-money option is listed,
            // keeping both quotes of each listed strike (each strike is priced once).
            var lowerStrikes: [Double] = []
            var lowerCalls: [SyntheticQuote] = []
            var lowerPuts: [SyntheticQuote] = []
            var strike = atm - step
            while strike > 0, log(strike / forward) >= -schedule.maximumDeviations * deviation {
                let pair = quotes(strike)
                guard pair.put.mid >= schedule.minimumListedPrice else { break }
                lowerStrikes.append(strike)
                lowerCalls.append(pair.call)
                lowerPuts.append(pair.put)
                strike -= step
            }
            var upperStrikes: [Double] = []
            var upperCalls: [SyntheticQuote] = []
            var upperPuts: [SyntheticQuote] = []
            strike = atm + step
            while log(strike / forward) <= schedule.maximumDeviations * deviation {
                let pair = quotes(strike)
                guard pair.call.mid >= schedule.minimumListedPrice else { break }
                upperStrikes.append(strike)
                upperCalls.append(pair.call)
                upperPuts.append(pair.put)
                strike += step
            }
            let money = quotes(atm)
            let strikes = Array(lowerStrikes.reversed()) + [atm] + upperStrikes
            let calls = Array(lowerCalls.reversed()) + [money.call] + upperCalls
            let puts = Array(lowerPuts.reversed()) + [money.put] + upperPuts
            expiries.append(SyntheticExpiry(expiry: expiry, years: t, rate: rate, forward: forward, strikes: strikes, calls: calls, puts: puts))
        }
        return SyntheticChain(underlying: "SPX", date: inputs.date, underlyingLevel: inputs.spot, expiries: expiries)
    }
}
