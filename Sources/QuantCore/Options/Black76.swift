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

    /// The first error `validate` throws over the strikes and their volatilities in order, with
    /// what they share (F, T, r and e^{±rT}) checked once: after the first strike passes, a
    /// later one can only fail on its own K or σ, which `validate` checks in that order. For a
    /// chain's expiry, whose checks were a tenth of building its quote sheet. Strikes and
    /// volatilities of different lengths throw `mismatchedLengths`.
    public static func validate(forward: Double, strikes: [Double], time: Double, rate: Double, volatilities: [Double]) throws(PricingError) {
        guard strikes.count == volatilities.count else {
            throw .mismatchedLengths("strikes \(strikes.count), sigmas \(volatilities.count)")
        }
        guard let first = strikes.first else { return }
        try validate(forward: forward, strike: first, time: time, rate: rate, volatility: volatilities[0])
        for index in strikes.indices.dropFirst() {
            try InputCheck.positive(strikes[index], "K")
            try InputCheck.nonNegative(volatilities[index], "sigma")
        }
    }

    @inlinable
    public static func uncheckedPrice(
        _ type: OptionType, forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) -> Double {
        price(theta: type.sign, PriceStrike(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility))
    }

    /// The call's and the put's prices at one strike and volatility, each the same to the bit as
    /// `uncheckedPrice` gives it: the logarithm, discount, d₁, d₂, both normal tails and the
    /// out-of-the-money side's legs price are computed once for the two (a Cboe strip prices
    /// both sides of every strike; `BlackLegs.pair`).
    @inlinable
    public static func uncheckedPricePair(
        forward: Double, strike: Double, time: Double, rate: Double, volatility: Double
    ) -> (call: Double, put: Double) {
        let k = PriceStrike(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
        return BlackLegs.pair(k.legs, x: k.x, s: k.s, spotTerm: k.discount * k.forward, strikeTerm: k.discount * k.strike) {
            theta in accuratePrice(theta: theta, x: k.x, s: k.s, forward: k.forward, strike: k.strike, discount: k.discount)
        }
    }

    /// What a call's and a put's price at one strike share (one path for `uncheckedPrice`,
    /// `uncheckedPricePair` and `uncheckedValue`).
    @frozen @usableFromInline
    struct PriceStrike {
        @usableFromInline let forward, strike, s, x, discount: Double
        /// nil below the negligible deviation (the same threshold as `uncheckedValue`, so the
        /// price is its price to the bit).
        @usableFromInline let legs: BlackLegs?

        @inlinable
        init(forward: Double, strike: Double, time: Double, rate: Double, volatility: Double) {
            self.forward = forward
            self.strike = strike
            s = volatility * time.squareRoot()
            x = logRatio(forward, strike)
            discount = exp(-rate * time)
            legs =
                s >= NormalisedBlack.negligibleDeviation
                ? BlackLegs(x: x, s: s, spotTerm: discount * forward, strikeTerm: discount * strike) : nil
        }
    }

    @inlinable
    static func price(theta: Double, _ k: PriceStrike) -> Double {
        BlackLegs.price(k.legs, theta: theta, x: k.x, s: k.s, spotTerm: k.discount * k.forward, strikeTerm: k.discount * k.strike) {
            theta in accuratePrice(theta: theta, x: k.x, s: k.s, forward: k.forward, strike: k.strike, discount: k.discount)
        }
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
        // The price through `price(theta:_:)`, the one price path of every Black-76 entry point.
        let k = PriceStrike(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
        let (s, x, discount) = (k.s, k.x, k.discount)
        let price = price(theta: theta, k)
        guard let legs = k.legs else {
            let inTheMoney = theta * x > 0 ? 1.0 : (x == 0 ? 0.5 : 0)
            return OptionValuation(
                price: price,
                delta: theta * discount * inTheMoney,
                gamma: 0,
                vega: x == 0 ? discount * forward * sqrtT * NormalDistribution.inverseSqrtTwoPi : 0,
                theta: rate * price,
                rho: -time * price)
        }
        let forwardTerm = discount * forward
        let cdf1 = legs.cdf1(theta)
        let density = legs.density1
        return OptionValuation(
            price: price,
            delta: theta * discount * cdf1,
            gamma: discount * density / (forward * s),
            vega: forwardTerm * density * sqrtT,
            theta: rate * price - forwardTerm * density * volatility / (2 * sqrtT),
            rho: -time * price)
    }
}
