/// Black-Scholes-Merton prices to invert together (`ImpliedVolatility.blackScholesMerton(_:spot:
/// rate:dividendYield:into:)`): one entry per option, sharing a spot, rate and dividend yield,
/// each with its own expiry. Only the columns' lengths are checked here; each option's inputs
/// are checked when it is solved, and a bad one gets its own error, as the scalar call gives it.
public struct ImpliedVolatilityQuotes: Sendable {
    public private(set) var types: [OptionType]
    /// Discounted prices, as quoted.
    public private(set) var prices: [Double]
    public private(set) var strikes: [Double]
    /// Years to expiry.
    public private(set) var times: [Double]

    public init(types: [OptionType], prices: [Double], strikes: [Double], times: [Double]) throws(PricingError) {
        guard types.count == prices.count, prices.count == strikes.count, strikes.count == times.count else {
            throw .mismatchedLengths("types \(types.count), prices \(prices.count), strikes \(strikes.count), times \(times.count)")
        }
        self.types = types
        self.prices = prices
        self.strikes = strikes
        self.times = times
    }

    public var count: Int { types.count }
}

extension ImpliedVolatility {
    /// The implied volatility (σ per √year) of every option in `quotes`, into `results`: one
    /// entry per option, in order; `results` is emptied first and its storage reused from call
    /// to call (no quotes, no results). `rate` and `dividendYield` are continuously compounded,
    /// per year, as for the scalar call.
    ///
    /// Four options at a time in SIMD lanes (`ImpliedVolatilityLanes`: the same algorithm and
    /// formulas as the scalar call, two Householder steps, prices below b_c); every option the
    /// lanes decline, and the last count mod 4, is solved by the scalar call itself, which also
    /// gives every error. Where the price determines σ well (the tests' well-posed cases) an
    /// accepted lane is within 1e-12 of the scalar call's volatility and of the true one (the
    /// tests measure both, and against 50-digit references); where it does not (an in-the-money
    /// time value of some tens of ulp of the intrinsic value), both answers reprice the input
    /// but may differ from each other. Its iteration count was the scalar call's on every test
    /// grid (near a branch point the two may differ by a step, see `ImpliedVolatilityLanes`).
    public static func blackScholesMerton(
        _ quotes: ImpliedVolatilityQuotes, spot: Double, rate: Double, dividendYield: Double,
        into results: inout [Swift.Result<Result, ImpliedVolatilityError>]
    ) {
        results.removeAll(keepingCapacity: true)
        results.reserveCapacity(quotes.count)
        let (types, prices, strikes, times) = (quotes.types, quotes.prices, quotes.strikes, quotes.times)
        func scalar(_ index: Int) -> Swift.Result<Result, ImpliedVolatilityError> {
            Swift.Result { () throws(ImpliedVolatilityError) -> Result in
                try blackScholesMerton(
                    types[index], price: prices[index], spot: spot, strike: strikes[index], time: times[index], rate: rate,
                    dividendYield: dividendYield)
            }
        }
        // An option whose inputs the scalar call would refuse, or whose time is 0, never
        // enters the lanes: the scalar call then gives its error.
        func valid(_ index: Int) -> Bool {
            do {
                try BlackScholesMerton.validate(
                    spot: spot, strike: strikes[index], time: times[index], rate: rate, dividendYield: dividendYield, volatility: 0)
            } catch {
                return false
            }
            return times[index] > 0
        }
        var first = 0
        while first + 4 <= quotes.count {
            var usable = Lanes()
            var sign = Lanes(repeating: 1)
            var price = Lanes(repeating: 1)
            var strike = Lanes(repeating: spot)
            var time = Lanes(repeating: 1)
            for lane in 0..<4 where valid(first + lane) {
                let index = first + lane
                usable[lane] = 1
                sign[lane] = types[index].sign
                price[lane] = prices[index]
                strike[lane] = strikes[index]
                time[lane] = times[index]
            }
            let solved = ImpliedVolatilityLanes(
                spot: spot, rate: rate, dividendYield: dividendYield, sign: sign, price: price, strike: strike, time: time)
            let accepted = solved.accepted * usable
            for lane in 0..<4 {
                if accepted[lane] > 0 {
                    results.append(.success(Result(volatility: solved.volatility[lane], iterations: Int(solved.iterations[lane]))))
                } else {
                    results.append(scalar(first + lane))
                }
            }
            first += 4
        }
        for index in first..<quotes.count { results.append(scalar(index)) }
    }
}
