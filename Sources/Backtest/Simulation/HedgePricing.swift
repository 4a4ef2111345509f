import MarketData
import QuantCore
import Strategy
import VolModels

/// Model values of hedge positions at a close, on the day's calibrated VIX complex
/// (`VIXComplex`: futures through the day's settlements or the fallback curve, options on the
/// VVIX-calibrated smile): VIX options at the model mid (Black-76 on the future of their
/// expiry), VIX futures as their open P&L against the average price, (F − avg)·1,000·contracts.
/// On their expiry day both settle at the Special Opening Quotation, for which the day's VIX
/// open is the stand-in (the VIX close when the store has no open for that day, or after it).
struct HedgePricing: Sendable {
    /// The settlement value of VIX derivatives expiring on or before the valuation date.
    static func settlementValue(expiry: MarketDate, inputs: MarketInputs) -> Double {
        if expiry == inputs.date, let open = inputs.vixComplex.vixOpen { return open }
        return inputs.vix
    }

    /// The first trading days of Cboe's VIX futures (2004-03-26) and VIX options (2006-02-24):
    /// a run before them refuses the instrument with that reason.
    static func firstListing(_ instrument: HedgeInstrument) -> MarketDate? {
        instrument.isFuture ? MarketDate(year: 2004, month: 3, day: 26) : MarketDate(year: 2006, month: 2, day: 24)
    }

    func future(_ expiry: MarketDate, vix: VIXComplex, inputs: MarketInputs) throws -> Double {
        let t = inputs.years(to: expiry)
        guard t > 0 else { return Self.settlementValue(expiry: expiry, inputs: inputs) }
        return vix.future(years: t)
    }

    /// Per-unit model price of a call (index points), intrinsic against the settlement value at
    /// or after expiry.
    func callPrice(expiry: MarketDate, strike: Double, vix: VIXComplex, inputs: MarketInputs) throws -> Double {
        let t = inputs.years(to: expiry)
        guard t > 0 else { return max(Self.settlementValue(expiry: expiry, inputs: inputs) - strike, 0) }
        return try vix.price(.call, strike: strike, future: vix.future(years: t), time: t, rate: inputs.rates.rate(years: t)).price
    }

    /// A VIX call's key in a session's shared prices: its expiry and strike (by its bits).
    struct CallMarkKey: Hashable {
        let expiry: MarketDate
        let strike: UInt64
    }

    /// `memo`: the session's call prices (per unit) shared by several runs (`MarketDay.callMarks`:
    /// a sweep's variants hold the same ladder strikes and mark them every day), or nil. Bound to
    /// one session, so a stored price is exactly what `callPrice` computes there.
    func markValue(
        _ position: HedgePosition, vix: VIXComplex, inputs: MarketInputs, memo: SharedMemo<CallMarkKey, Double>? = nil
    ) throws -> Double {
        switch position.instrument {
        case .future(let expiry):
            return (try future(expiry, vix: vix, inputs: inputs) - position.averagePrice) * position.instrument.multiplier * Double(position.contracts)
        case .call(let expiry, let strike):
            let price: Double
            if let memo {
                price = try memo.value(CallMarkKey(expiry: expiry, strike: strike.bitPattern)) {
                    try callPrice(expiry: expiry, strike: strike, vix: vix, inputs: inputs)
                }
            } else {
                price = try callPrice(expiry: expiry, strike: strike, vix: vix, inputs: inputs)
            }
            return price * position.instrument.multiplier * Double(position.contracts)
        }
    }
}
