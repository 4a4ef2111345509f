/// Implied volatility for Black-Scholes-Merton and Black-76 prices (discounted, as quoted).
///
/// Both reduce to the normalised problem: β = price / (e^{-rT}·√(F·K)) with F the forward,
/// x = ln(F/K); then σ = s/√T from `NormalisedImpliedVolatility` ("Let's Be Rational").
/// Ill-posed inputs throw `ImpliedVolatilityError` (status codes `below_intrinsic`,
/// `above_max`, `zero_price`, `at_intrinsic`, `zero_time`, `price_not_finite`, `invalid_input`);
/// nothing returns 0 or NaN silently.
public enum ImpliedVolatility {
    public struct Result: Sendable, Equatable {
        /// σ per √year.
        public var volatility: Double
        /// Householder iterations used (2 on almost every input).
        public var iterations: Int
    }

    public static func blackScholesMerton(
        _ type: OptionType, price: Double, spot: Double, strike: Double, time: Double,
        rate: Double, dividendYield: Double
    ) throws(ImpliedVolatilityError) -> Result {
        do {
            try BlackScholesMerton.validate(
                spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividendYield, volatility: 0)
        } catch { throw .invalidInput(error) }
        guard time > 0 else { throw .zeroTime }
        let x = logRatio(spot, strike) + (rate - dividendYield) * time
        // e^{-rT}√(FK) = e^{-(r+q)T/2}·√S·√K
        let scale = exp(-0.5 * (rate + dividendYield) * time) * spot.squareRoot() * strike.squareRoot()
        return try solve(type, beta: price / scale, x: x, time: time)
    }

    public static func black76(
        _ type: OptionType, price: Double, forward: Double, strike: Double, time: Double, rate: Double
    ) throws(ImpliedVolatilityError) -> Result {
        do {
            try Black76.validate(forward: forward, strike: strike, time: time, rate: rate, volatility: 0)
        } catch { throw .invalidInput(error) }
        guard time > 0 else { throw .zeroTime }
        let scale = exp(-rate * time) * forward.squareRoot() * strike.squareRoot()
        return try solve(type, beta: price / scale, x: logRatio(forward, strike), time: time)
    }

    static func solve(_ type: OptionType, beta: Double, x: Double, time: Double) throws(ImpliedVolatilityError) -> Result {
        let solution = try NormalisedImpliedVolatility.solve(beta: beta, x: x, sign: type.sign)
        return Result(volatility: solution.s / time.squareRoot(), iterations: solution.iterations)
    }
}
