import MarketData
import QuantCore

/// One listed VIX expiry of a `VIXQuoteSheet`. Two expiries are equal when their inputs are:
/// whether the calls were priced in advance (`pricedCalls`) does not change a number.
public struct VIXSheetExpiry: Sendable, Equatable {
    public let expiry: MarketDate
    /// ACT/365 years from the valuation close to the expiry close.
    public let years: Double
    /// Continuously compounded rate for this expiry.
    public let rate: Double
    /// The model VIX future of this expiry, the options' forward.
    public let forward: Double
    /// ATM vol of vol × √T: the spread model's distance unit.
    let deviation: Double
    let spreads: QuoteSpreadModel
    let eventDay: Bool
    /// The arrays, behind one reference: the planner copies expiries about (filters, nearest
    /// lookups), and a copy then retains one object instead of three arrays.
    private var columns: Columns

    final class Columns: Sendable {
        let strikes: [Double]
        let volatilities: [Double]
        /// The calls, when priced in advance (`VIXQuoteSheet.pricingCalls`); nil otherwise.
        let pricedCalls: [SyntheticQuote]?

        init(strikes: [Double], volatilities: [Double], pricedCalls: [SyntheticQuote]?) {
            self.strikes = strikes
            self.volatilities = volatilities
            self.pricedCalls = pricedCalls
        }
    }

    public var strikes: [Double] { columns.strikes }
    /// Black-76 volatility of each strike on the day's smile.
    public var volatilities: [Double] { columns.volatilities }
    private var pricedCalls: [SyntheticQuote]? { columns.pricedCalls }

    /// Checks every strike's Black-76 inputs, so that `quote` cannot fail.
    init(
        expiry: MarketDate, years: Double, rate: Double, forward: Double, strikes: [Double], volatilities: [Double],
        deviation: Double, spreads: QuoteSpreadModel, eventDay: Bool
    ) throws(PricingError) {
        guard strikes.count == volatilities.count else {
            throw .mismatchedLengths("strikes \(strikes.count), sigmas \(volatilities.count)")
        }
        for (strike, volatility) in zip(strikes, volatilities) {
            try Black76.validate(forward: forward, strike: strike, time: years, rate: rate, volatility: volatility)
        }
        self.expiry = expiry
        self.years = years
        self.rate = rate
        self.forward = forward
        columns = Columns(strikes: strikes, volatilities: volatilities, pricedCalls: nil)
        self.deviation = deviation
        self.spreads = spreads
        self.eventDay = eventDay
    }

    /// The modelled quote of the `type` option at `strikes[index]`: Black-76 mid and greeks at
    /// the strike's smile volatility, bid/ask from the spread model at |ln(K/F)| in units of
    /// `deviation`.
    public func quote(_ type: OptionType, at index: Int) -> SyntheticQuote {
        let strike = strikes[index]
        let volatility = volatilities[index]
        let standardDeviations = abs(log(strike / forward)) / deviation
        let value = Black76.uncheckedValue(type, forward: forward, strike: strike, time: years, rate: rate, volatility: volatility)
        let (bid, ask) = spreads.quote(mid: value.price, standardDeviations: standardDeviations, eventDay: eventDay)
        return SyntheticQuote(bid: bid, ask: ask, mid: value.price, impliedVolatility: volatility, valuation: value)
    }

    public func call(at index: Int) -> SyntheticQuote { pricedCalls?[index] ?? quote(.call, at: index) }

    /// Every call of the expiry, in strike order.
    public var calls: [SyntheticQuote] { pricedCalls ?? strikes.indices.map { quote(.call, at: $0) } }

    mutating func priceCalls() {
        guard pricedCalls == nil else { return }
        columns = Columns(strikes: strikes, volatilities: volatilities, pricedCalls: strikes.indices.map { quote(.call, at: $0) })
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
