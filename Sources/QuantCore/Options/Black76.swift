/// Black-76 for European options on a futures price F (Black 1976), as used for VIX options
/// (each VIX option is priced on the VIX future of the same expiry):
///
///     d₁ = ln(F/K)/(σ√T) + σ√T/2,  d₂ = d₁ - σ√T
///     call = e^{-rT}[F Φ(d₁) - K Φ(d₂)],  put = e^{-rT}[K Φ(-d₂) - F Φ(-d₁)]
///
/// Units and conventions: F, K in index points; T in years; r continuously compounded; σ per
/// √year. Greeks follow `OptionValuation`, with F held fixed: delta = ∂V/∂F, theta = -∂V/∂T =
/// rV - e^{-rT}Fφ(d₁)σ/(2√T), rho = ∂V/∂r = -T·V. The price is the textbook difference when
/// its legs allow (`BlackLegs`), otherwise the cancellation-free normalised
/// Black function: e^{-rT}·√(F·K)·b(ln(F/K), σ√T).
///
/// Edge cases: σ√T below 1.5e-154 (including 0) returns the discounted intrinsic value and its deterministic greeks
/// (at F = K: delta ±½e^{-rT}, vega its σ → 0 limit e^{-rT}F√T/√(2π), gamma 0).
/// NaN/∞ or out-of-domain inputs throw `PricingError` naming the field.
public enum Black76 {
    public static func value(
        _ type: OptionType, forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) throws(PricingError) -> OptionValuation {
        try validate(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
        return uncheckedValue(type, forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
    }

    public static func price(
        _ type: OptionType, forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) throws(PricingError) -> Double {
        try validate(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
        return uncheckedPrice(type, forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
    }

    @inlinable
    public static func validate(
        forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) throws(PricingError) {
        try InputCheck.positive(forward, "F")
        try InputCheck.positive(strike, "K")
        try InputCheck.nonNegative(time, "T")
        try InputCheck.finite(rate, "r")
        try InputCheck.nonNegative(volatility, "sigma")
        try InputCheck.exponent(rate, time: time, "r")
    }

    @inlinable
    public static func uncheckedPrice(
        _ type: OptionType, forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) -> Double {
        let theta = type.sign
        let s = volatility * time.squareRoot()
        let x = logRatio(forward, strike)
        let discount = exp(-rate * time)
        // The same threshold as `uncheckedValue`, so the price is its price to the bit.
        if s >= NormalisedBlack.negligibleDeviation {
            let legs = BlackLegs(d1: x / s + 0.5 * s, s: s)
            if let price = legs.price(
                theta: theta, x: x, s: s, spotTerm: discount * forward, strikeTerm: discount * strike,
                density: NormalDistribution.pdf(legs.d1))
            {
                return price
            }
        }
        return accuratePrice(theta: theta, x: x, s: s, forward: forward, strike: strike, discount: discount)
    }

    /// e^{-rT}·√(F·K)·b(x, s): the cancellation-free normalised form.
    @inlinable
    static func accuratePrice(theta: Double, x: Double, s: Double, forward: Double, strike: Double, discount: Double) -> Double {
        discount * forward.squareRoot() * strike.squareRoot() * NormalisedBlack.value(x: x, s: s, sign: theta)
    }

    @inlinable
    public static func uncheckedValue(
        _ type: OptionType, forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) -> OptionValuation {
        let theta = type.sign
        let sqrtT = time.squareRoot()
        let s = volatility * sqrtT
        let x = logRatio(forward, strike)
        let discount = exp(-rate * time)
        if s < NormalisedBlack.negligibleDeviation {
            let price = accuratePrice(theta: theta, x: x, s: s, forward: forward, strike: strike, discount: discount)
            let inTheMoney = theta * x > 0 ? 1.0 : (x == 0 ? 0.5 : 0)
            return OptionValuation(
                price: price,
                delta: theta * discount * inTheMoney,
                gamma: 0,
                vega: x == 0 ? discount * forward * sqrtT * NormalDistribution.inverseSqrtTwoPi : 0,
                theta: rate * price,
                rho: -time * price)
        }
        let legs = BlackLegs(d1: x / s + 0.5 * s, s: s)
        let cdf1 = legs.cdf1(theta)
        let density = NormalDistribution.pdf(legs.d1)
        let forwardTerm = discount * forward
        let price = legs.price(
            theta: theta, x: x, s: s, spotTerm: forwardTerm, strikeTerm: discount * strike, density: density)
            ?? accuratePrice(theta: theta, x: x, s: s, forward: forward, strike: strike, discount: discount)
        return OptionValuation(
            price: price,
            delta: theta * discount * cdf1,
            gamma: discount * density / (forward * s),
            vega: forwardTerm * density * sqrtT,
            theta: rate * price - forwardTerm * density * volatility / (2 * sqrtT),
            rho: -time * price)
    }
}
