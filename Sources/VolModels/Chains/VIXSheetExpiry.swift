import MarketData
import QuantCore

/// One listed VIX expiry of a `VIXQuoteSheet`. Two expiries are equal when their inputs are:
/// whether the calls were priced in advance (`pricedCalls`) does not change a number.
public struct VIXSheetExpiry: Sendable, Equatable {
    /// Everything, behind one reference: the planner copies expiries about (filters, nearest
    /// lookups), and a copy then retains one object instead of every field's.
    @usableFromInline var storage: Storage

    @usableFromInline final class Storage: Sendable {
        @usableFromInline let expiry: MarketDate
        @usableFromInline let years: Double
        @usableFromInline let rate: Double
        @usableFromInline let forward: Double
        let deviation: Double
        let spreads: QuoteSpreadModel
        let eventDay: Bool
        @usableFromInline let strikes: [Double]
        let volatilities: Volatilities
        /// The calls, when priced in advance (`VIXQuoteSheet.pricingCalls`); nil otherwise.
        let pricedCalls: [SyntheticQuote]?

        init(
            expiry: MarketDate, years: Double, rate: Double, forward: Double, deviation: Double, spreads: QuoteSpreadModel,
            eventDay: Bool, strikes: [Double], volatilities: Volatilities, pricedCalls: [SyntheticQuote]?
        ) {
            self.expiry = expiry
            self.years = years
            self.rate = rate
            self.forward = forward
            self.deviation = deviation
            self.spreads = spreads
            self.eventDay = eventDay
            self.strikes = strikes
            self.volatilities = volatilities
            self.pricedCalls = pricedCalls
        }

        func pricing(_ calls: [SyntheticQuote]) -> Storage {
            Storage(
                expiry: expiry, years: years, rate: rate, forward: forward, deviation: deviation, spreads: spreads,
                eventDay: eventDay, strikes: strikes, volatilities: volatilities, pricedCalls: calls)
        }
    }

    @inlinable public var expiry: MarketDate { storage.expiry }
    /// ACT/365 years from the valuation close to the expiry close.
    @inlinable public var years: Double { storage.years }
    /// Continuously compounded rate for this expiry.
    @inlinable public var rate: Double { storage.rate }
    /// The model VIX future of this expiry, the options' forward.
    @inlinable public var forward: Double { storage.forward }
    /// ATM vol of vol × √T: the spread model's distance unit.
    var deviation: Double { storage.deviation }
    var spreads: QuoteSpreadModel { storage.spreads }
    var eventDay: Bool { storage.eventDay }
    @inlinable public var strikes: [Double] { storage.strikes }
    /// Black-76 volatility of each strike on the day's smile (computed on each read where the
    /// expiry works them out when read: `volatility(at:)` reads one).
    public var volatilities: [Double] { strikes.indices.map(volatility(at:)) }
    private var pricedCalls: [SyntheticQuote]? { storage.pricedCalls }

    /// Each strike's volatility: listed with the strikes, or worked out from the expiry's smile
    /// when read (a smile `VIXComplex.provenSmile` showed valid at every strike; a backtest reads
    /// the quotes of a few of a session's ~400 strikes, and computing every volatility was most
    /// of building its sheets).
    enum Volatilities: Sendable {
        case listed([Double])
        case smile(SSVISlice)
    }

    /// Whether the volatilities are worked out when read (for tests).
    var volatilitiesOnDemand: Bool {
        if case .smile = storage.volatilities { return true }
        return false
    }

    /// Black-76 volatility of `strikes[index]` on the day's smile.
    public func volatility(at index: Int) -> Double {
        volatility(at: index, logMoneyness: VIXComplex.logMoneyness(strike: storage.strikes[index], future: storage.forward))
    }

    /// The same, given the strike's k = ln(K/F) (a quote needs it for its spread too).
    private func volatility(at index: Int, logMoneyness k: Double) -> Double {
        switch storage.volatilities {
        case .listed(let values): values[index]
        case .smile(let smile): VIXComplex.smileVolatility(smile, logMoneyness: k, time: storage.years)
        }
    }

    /// Checks every strike's Black-76 inputs, so that `quote` cannot fail.
    init(
        expiry: MarketDate, years: Double, rate: Double, forward: Double, strikes: [Double], volatilities: [Double],
        deviation: Double, spreads: QuoteSpreadModel, eventDay: Bool
    ) throws(PricingError) {
        try Black76.validate(forward: forward, strikes: strikes, time: years, rate: rate, volatilities: volatilities)
        storage = Storage(
            expiry: expiry, years: years, rate: rate, forward: forward, deviation: deviation, spreads: spreads, eventDay: eventDay,
            strikes: strikes, volatilities: .listed(volatilities), pricedCalls: nil)
    }

    /// An expiry whose strikes' volatilities come from `smile` when read: its future, time and
    /// strikes are those `VIXComplex.provenSmile` vouched for (taken from the token, so that no
    /// other can be given). Black-76's checks are those the listed form makes: the first
    /// strike's in full, at its volatility; the others can then fail only on their K (checked
    /// by `provenSmile`) or their σ (shown valid).
    init(
        expiry: MarketDate, rate: Double, smile: VIXComplex.ProvenSmile, deviation: Double, spreads: QuoteSpreadModel, eventDay: Bool
    ) throws(PricingError) {
        let (years, forward, strikes) = (smile.time, smile.future, smile.strikes)
        storage = Storage(
            expiry: expiry, years: years, rate: rate, forward: forward, deviation: deviation, spreads: spreads, eventDay: eventDay,
            strikes: strikes, volatilities: .smile(smile.slice), pricedCalls: nil)
        if !strikes.isEmpty {
            try Black76.validate(forward: forward, strike: strikes[0], time: years, rate: rate, volatility: volatility(at: 0))
        }
    }

    /// The modelled quote of the `type` option at `strikes[index]`: Black-76 mid and greeks at
    /// the strike's smile volatility, bid/ask from the spread model at |ln(K/F)| in units of
    /// `deviation`.
    public func quote(_ type: OptionType, at index: Int) -> SyntheticQuote {
        let s = storage
        let strike = s.strikes[index]
        let k = VIXComplex.logMoneyness(strike: strike, future: s.forward)
        let volatility = volatility(at: index, logMoneyness: k)
        let standardDeviations = abs(k) / s.deviation
        let value = Black76.uncheckedValue(type, forward: s.forward, strike: strike, time: s.years, rate: s.rate, volatility: volatility)
        let (bid, ask) = s.spreads.quote(mid: value.price, standardDeviations: standardDeviations, eventDay: s.eventDay)
        return SyntheticQuote(bid: bid, ask: ask, mid: value.price, impliedVolatility: volatility, valuation: value)
    }

    public func call(at index: Int) -> SyntheticQuote {
        if let priced = storage.pricedCalls { return priced[index] }
        return quote(.call, at: index)
    }

    /// Every call of the expiry, in strike order.
    public var calls: [SyntheticQuote] { pricedCalls ?? strikes.indices.map { quote(.call, at: $0) } }

    mutating func priceCalls() {
        guard pricedCalls == nil else { return }
        storage = storage.pricing(strikes.indices.map { quote(.call, at: $0) })
    }

    public static func == (a: VIXSheetExpiry, b: VIXSheetExpiry) -> Bool {
        a.expiry == b.expiry && a.years == b.years && a.rate == b.rate && a.forward == b.forward && a.strikes == b.strikes
            && a.volatilities == b.volatilities && a.deviation == b.deviation && a.spreads == b.spreads && a.eventDay == b.eventDay
    }

    func materialized() -> SyntheticExpiry {
        var calls: [SyntheticQuote] = [], puts: [SyntheticQuote] = []
        calls.reserveCapacity(strikes.count)
        puts.reserveCapacity(strikes.count)
        for index in strikes.indices {
            calls.append(quote(.call, at: index))
            puts.append(quote(.put, at: index))
        }
        return SyntheticExpiry(expiry: expiry, years: years, rate: rate, forward: forward, strikes: strikes, calls: calls, puts: puts)
    }
}
