import MarketData
import QuantCore
import VolModels

/// Execution-side quote of one instrument: `ask` is what a buy pays and `bid` what a sell
/// receives under the run's fill model (`FillModel`) on the modelled quote, so every budget the
/// planner sizes is priced exactly as the fill will be.
struct InstrumentQuote: Equatable {
    var bid: Double
    var ask: Double
    /// ∂price/∂future (1 for a future).
    var delta: Double
}

/// The modelled bid/ask of a hedge instrument on the day's VIX chain, the one quote both the
/// planner and the execution price from (see `VIXChainView`).
public enum HedgeQuote {
    public static func bidAsk(_ instrument: HedgeInstrument, chain: VIXQuoteSheet, halfSpread: Double) throws(HedgeError) -> (bid: Double, ask: Double) {
        let q = try VIXChainView(chain: chain, halfSpread: halfSpread, fill: FractionOfSpreadFill(validFraction: 1)).rawQuote(instrument)
        return (q.bid, q.ask)
    }
}

/// Lookups on the day's VIX chain used by every layer.
///
/// Futures are not quoted in the chain: their bid/ask is the model future (the expiry's
/// `forward`) ∓ `hedge.futures_half_spread`. A held call whose strike has left the chain's grid
/// is priced with Black-76 at the nearest listed strike's implied volatility, bid = ask = that value.
struct VIXChainView {
    let chain: VIXQuoteSheet
    let halfSpread: Double
    let fill: any FillModel

    var date: MarketDate { chain.date }
    var vix: Double { chain.underlyingLevel }

    func days(_ expiry: VIXSheetExpiry) -> Int { expiry.expiry - chain.date }

    func expiry(_ date: MarketDate) -> VIXSheetExpiry? { chain.expiries.first { $0.expiry == date } }

    /// The listed strike nearest to `level` (ties → the lower strike).
    func nearestStrike(_ expiry: VIXSheetExpiry, to level: Double) -> Double {
        expiry.strikes.min { abs($0 - level) < abs($1 - level) } ?? level
    }

    /// The listed strike just above `strike`, or `strike` when it is the highest.
    func strike(above strike: Double, in expiry: VIXSheetExpiry) -> Double {
        expiry.strikes.first { $0 > strike + 1e-9 } ?? strike
    }

    /// The expiry whose calendar days are closest to `days` among `candidates` (ties → earlier).
    func closest(to days: Int, among candidates: [VIXSheetExpiry]) -> VIXSheetExpiry? {
        candidates.min { abs(self.days($0) - days) < abs(self.days($1) - days) }
    }

    /// The fill model's buy and sell prices on the modelled quote.
    func quote(_ instrument: HedgeInstrument) throws(HedgeError) -> InstrumentQuote {
        let raw = try rawQuote(instrument)
        return InstrumentQuote(bid: fill.fillPrice(side: .sell, bid: raw.bid, ask: raw.ask), ask: fill.fillPrice(side: .buy, bid: raw.bid, ask: raw.ask), delta: raw.delta)
    }

    /// The modelled quote itself.
    func rawQuote(_ instrument: HedgeInstrument) throws(HedgeError) -> InstrumentQuote {
        guard let expiry = expiry(instrument.expiry) else { throw .unpricedHolding(instrument) }
        switch instrument {
        case .future:
            return InstrumentQuote(bid: max(0, expiry.forward - halfSpread), ask: expiry.forward + halfSpread, delta: 1)
        case let .call(_, strike):
            if let index = expiry.strikes.firstIndex(where: { abs($0 - strike) < 1e-9 }) {
                let q = expiry.call(at: index)
                return InstrumentQuote(bid: q.bid, ask: q.ask, delta: q.valuation.delta)
            }
            let nearest = nearestStrike(expiry, to: strike)
            guard let index = expiry.strikes.firstIndex(of: nearest) else { throw .unpricedHolding(instrument) }
            let value: OptionValuation
            do {
                value = try Black76.value(
                    .call, forward: expiry.forward, strike: strike, time: expiry.years, rate: expiry.rate,
                    volatility: expiry.volatility(at: index))
            } catch {
                // The sheet's inputs were checked; only the held strike itself can be bad here.
                throw .unpricedHolding(instrument)
            }
            return InstrumentQuote(bid: value.price, ask: value.price, delta: value.delta)
        }
    }
}
