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
        var expiries: [SyntheticExpiry] = []
        expiries.reserveCapacity(model.expiryDates.count)
        for expiry in model.expiryDates where only?.contains(expiry) ?? true {
            let pricing = ExpiryPricing(model, expiry: expiry)
            // Both sides of a strike share its smile volatility and, in the kernel, its d₁, d₂,
            // normal tails and density (`valuePair`: each the same to the bit as alone).
            let listed = pricing.listedStrikes { strike, k in
                let vol = pricing.volatility(k: k)
                let (call, put) = pricing.kernel.valuePair(strike: strike, volatility: vol)
                func quote(_ v: OptionValuation) -> SyntheticQuote {
                    let (bid, ask) = pricing.quote(mid: v.price, k: k)
                    return SyntheticQuote(bid: bid, ask: ask, mid: v.price, impliedVolatility: vol, valuation: v)
                }
                return (quote(call), quote(put))
            } mid: {
                $0.mid
            } row: {
                ($0, $1, $2)
            }
            expiries.append(
                SyntheticExpiry(
                    expiry: expiry, years: pricing.years, rate: pricing.rate, forward: pricing.forward,
                    strikes: listed.map(\.0), calls: listed.map(\.1), puts: listed.map(\.2)))
        }
        return SyntheticChain(underlying: "SPX", date: inputs.date, underlyingLevel: inputs.spot, expiries: expiries)
    }

    /// One listed expiry's quotes as the Cboe index computations read them (strike, bids and
    /// asks), with its years and rate: the same strikes and quotes as `chain` lists for that
    /// expiry, to the bit, priced without greeks (`BlackScholesMerton.Expiry.pricePair`). The
    /// model VIX and SKEW of every calibration step read these strips.
    public static func strip(_ model: SPXMarketModel, expiry: MarketDate) -> (strip: [OptionStripQuote], years: Double, rate: Double) {
        let pricing = ExpiryPricing(model, expiry: expiry)
        let strip = pricing.listedStrikes { strike, k in
            let vol = pricing.volatility(k: k)
            let (call, put) = pricing.kernel.pricePair(strike: strike, volatility: vol)
            func quote(_ mid: Double) -> StripSide {
                let (bid, ask) = pricing.quote(mid: mid, k: k)
                return StripSide(bid: bid, ask: ask, mid: mid)
            }
            return (quote(call), quote(put))
        } mid: {
            $0.mid
        } row: { strike, call, put in
            OptionStripQuote(strike: strike, callBid: call.bid, callAsk: call.ask, putBid: put.bid, putAsk: put.ask)
        }
        return (strip, pricing.years, pricing.rate)
    }

    struct StripSide {
        let bid, ask, mid: Double
    }

    /// What every strike of one expiry shares: its time, rate and forward, the pricing kernel,
    /// the surface slice, the quote model and the strike schedule.
    struct ExpiryPricing {
        let years, rate, forward, deviation, step, atm: Double
        let kernel: BlackScholesMerton.Expiry
        let slice: SSVISlice
        let spreads: QuoteSpreadModel
        let eventDay: Bool
        let schedule: ExpiryScheduleParameters

        init(_ model: SPXMarketModel, expiry: MarketDate) {
            let inputs = model.inputs
            let q = model.parameters.surface.dividendYield
            schedule = model.parameters.expiries
            spreads = model.parameters.spxSpreads
            eventDay = !inputs.eventsToday.isEmpty
            years = inputs.years(to: expiry)
            rate = inputs.rates.rate(years: years)
            kernel = BlackScholesMerton.Expiry(spot: inputs.spot, time: years, rate: rate, dividendYield: q)
            forward = inputs.spot * exp((rate - q) * years)
            slice = model.surface.slice(years)
            deviation = slice.theta.squareRoot()
            step = schedule.spxStrikeStep
            atm = (forward / step).rounded() * step
        }

        /// The smile volatility at log-moneyness k = ln(K/F) (`listedStrikes` hands each strike's k
        /// to its pricing: the one it tested against the strike schedule's bound).
        func volatility(k: Double) -> Double {
            (slice.totalVariance(k: k) / years).squareRoot()
        }

        func quote(mid: Double, k: Double) -> (bid: Double, ask: Double) {
            spreads.quote(mid: mid, standardDeviations: abs(k) / deviation, eventDay: eventDay)
        }

        /// Walks out from the money on each side while the out-of-the-money option is listed,
        /// keeping both quotes of each listed strike (each strike is priced once) as one `row`,
        /// in strike order with the money strike between the sides. `quotes` gets the strike
        /// and its ln(K/F), computed once for the bound and the smile. One array per side and
        /// the result: the model VIX and SKEW build a strip at every calibration step.
        func listedStrikes<Quote, Row>(
            _ quotes: (_ strike: Double, _ k: Double) -> (call: Quote, put: Quote), mid: (Quote) -> Double,
            row: (_ strike: Double, _ call: Quote, _ put: Quote) -> Row
        ) -> [Row] {
            var lower: [Row] = []
            var strike = atm - step
            while strike > 0 {
                let k = log(strike / forward)
                guard k >= -schedule.maximumDeviations * deviation else { break }
                let pair = quotes(strike, k)
                guard mid(pair.put) >= schedule.minimumListedPrice else { break }
                lower.append(row(strike, pair.call, pair.put))
                strike -= step
            }
            var upper: [Row] = []
            strike = atm + step
            while true {
                let k = log(strike / forward)
                guard k <= schedule.maximumDeviations * deviation else { break }
                let pair = quotes(strike, k)
                guard mid(pair.call) >= schedule.minimumListedPrice else { break }
                upper.append(row(strike, pair.call, pair.put))
                strike += step
            }
            let money = quotes(atm, log(atm / forward))
            var rows: [Row] = []
            rows.reserveCapacity(lower.count + 1 + upper.count)
            rows.append(contentsOf: lower.reversed())
            rows.append(row(atm, money.call, money.put))
            rows.append(contentsOf: upper)
            return rows
        }
    }
}
