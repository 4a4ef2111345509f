/// Black-Scholes-Merton for European options on an asset with a continuous dividend yield q
/// (Merton 1973; Hull, "Options, Futures and Other Derivatives", ch. 17), as used for SPX.
///
///     F = S·e^{(r-q)T},  d₁ = ln(F/K)/(σ√T) + σ√T/2,  d₂ = d₁ - σ√T
///     call = S e^{-qT} Φ(d₁) - K e^{-rT} Φ(d₂),  put = K e^{-rT} Φ(-d₂) - S e^{-qT} Φ(-d₁)
///
/// Units and conventions: S, K in index points; T in years; r and q continuously compounded
/// per year; σ per √year. Greeks follow `OptionValuation` (vega per 1.00 of vol, theta = -∂V/∂T
/// per year, rho per 1.00 of rate). The price is computed as e^{-(r+q)T/2}·√(S·K)·b(x, σ√T)
/// with the cancellation-free normalised Black function, so deep out-of-the-money prices keep
/// their relative precision.
///
/// Edge cases: σ√T below 1.5e-154 (including σ = 0 or T = 0) returns the deterministic limits (discounted forward
/// intrinsic value; delta e^{-qT}·1{in the money}; gamma 0). Exactly at the money with σ√T = 0,
/// delta is half the in-the-money value, vega its σ → 0 limit S e^{-qT}√T/√(2π), and gamma and
/// the diffusive part of theta are reported as 0 (their true limits are infinite).
/// NaN/∞ or out-of-domain inputs throw `PricingError` naming the field.
public enum BlackScholesMerton {
    public static func value(
        _ type: OptionType, spot: Double, strike: Double, time: Double,
        rate: Double, dividendYield: Double, volatility: Double
    ) throws(PricingError) -> OptionValuation {
        try validate(spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividendYield, volatility: volatility)
        return uncheckedValue(
            type, spot: spot, strike: strike, time: time, rate: rate,
            dividendYield: dividendYield, volatility: volatility)
    }

    public static func price(
        _ type: OptionType, spot: Double, strike: Double, time: Double,
        rate: Double, dividendYield: Double, volatility: Double
    ) throws(PricingError) -> Double {
        try validate(spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividendYield, volatility: volatility)
        return uncheckedPrice(
            type, spot: spot, strike: strike, time: time, rate: rate,
            dividendYield: dividendYield, volatility: volatility)
    }

    @inlinable
    public static func validate(
        spot: Double, strike: Double, time: Double, rate: Double, dividendYield: Double, volatility: Double
    ) throws(PricingError) {
        try InputCheck.positive(spot, "S")
        try InputCheck.positive(strike, "K")
        try InputCheck.nonNegative(time, "T")
        try InputCheck.finite(rate, "r")
        try InputCheck.finite(dividendYield, "q")
        try InputCheck.nonNegative(volatility, "sigma")
        try InputCheck.exponent(rate, time: time, "r")
        try InputCheck.exponent(dividendYield, time: time, "q")
    }

    /// Price only; inputs must already satisfy `validate`.
    @inlinable
    public static func uncheckedPrice(
        _ type: OptionType, spot: Double, strike: Double, time: Double,
        rate: Double, dividendYield: Double, volatility: Double
    ) -> Double {
        Expiry(spot: spot, time: time, rate: rate, dividendYield: dividendYield)
            .price(type, strike: strike, volatility: volatility)
    }

    /// Price and greeks; inputs must already satisfy `validate`.
    @inlinable
    public static func uncheckedValue(
        _ type: OptionType, spot: Double, strike: Double, time: Double,
        rate: Double, dividendYield: Double, volatility: Double
    ) -> OptionValuation {
        Expiry(spot: spot, time: time, rate: rate, dividendYield: dividendYield)
            .value(type, strike: strike, volatility: volatility)
    }

    /// Everything that depends only on the spot, the expiry and the curves, computed once so
    /// that a chain slice pays per option only for what depends on strike and volatility.
    @frozen
    public struct Expiry: Sendable {
        public let spot, time, rate, dividendYield: Double
        @usableFromInline let sqrtT, dividendDiscount, rateDiscount, carry: Double

        @inlinable
        public init(spot: Double, time: Double, rate: Double, dividendYield: Double) {
            self.spot = spot
            self.time = time
            self.rate = rate
            self.dividendYield = dividendYield
            sqrtT = time.squareRoot()
            dividendDiscount = exp(-dividendYield * time)
            rateDiscount = exp(-rate * time)
            carry = (rate - dividendYield) * time
        }

        @inlinable
        public func value(_ type: OptionType, strike: Double, volatility: Double) -> OptionValuation {
            let shared = Strike(self, strike: strike, volatility: volatility)
            return valuation(theta: type.sign, shared, price: price(theta: type.sign, shared))
        }

        /// The call's and the put's valuations at one strike and volatility, each the same to the
        /// bit as `value` gives it: the strike's logarithm, d₁, d₂, both normal tails, the
        /// density and the out-of-the-money side's price are computed once for the two (a chain
        /// prices both sides of every strike; see `prices`).
        @inlinable
        public func valuePair(strike: Double, volatility: Double) -> (call: OptionValuation, put: OptionValuation) {
            let shared = Strike(self, strike: strike, volatility: volatility)
            let (call, put) = prices(shared)
            return (valuation(theta: 1, shared, price: call), valuation(theta: -1, shared, price: put))
        }

        /// What a call and a put at one strike and volatility share (`value` and `valuePair`
        /// both go through it, so their arithmetic is one path).
        @frozen @usableFromInline
        struct Strike {
            @usableFromInline let strike, volatility, s, x, spotTerm, strikeTerm: Double
            /// nil below the negligible deviation (the intrinsic branch).
            @usableFromInline let legs: BlackLegs?

            @inlinable
            init(_ expiry: Expiry, strike: Double, volatility: Double) {
                self.strike = strike
                self.volatility = volatility
                s = volatility * expiry.sqrtT
                x = logRatio(expiry.spot, strike) + expiry.carry
                spotTerm = expiry.spot * expiry.dividendDiscount
                strikeTerm = strike * expiry.rateDiscount
                legs =
                    s < NormalisedBlack.negligibleDeviation
                    ? nil : BlackLegs(x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm)
            }
        }

        /// The valuation of sign θ at a strike whose price (`price(theta:_:)`) is `price`.
        @inlinable
        func valuation(theta: Double, _ k: Strike, price: Double) -> OptionValuation {
            let (s, x, spotTerm, strikeTerm, volatility) = (k.s, k.x, k.spotTerm, k.strikeTerm, k.volatility)
            guard let legs = k.legs else {
                let inTheMoney = theta * x > 0 ? 1.0 : (x == 0 ? 0.5 : 0)
                return OptionValuation(
                    price: price,
                    delta: theta * dividendDiscount * inTheMoney,
                    gamma: 0,
                    vega: x == 0 ? spotTerm * sqrtT * NormalDistribution.inverseSqrtTwoPi : 0,
                    theta: theta * inTheMoney * (dividendYield * spotTerm - rate * strikeTerm),
                    rho: theta * inTheMoney * strikeTerm * time)
            }
            let cdf1 = legs.cdf1(theta)
            let cdf2 = legs.cdf2(theta)
            let density = legs.density1
            return OptionValuation(
                price: price,
                delta: theta * dividendDiscount * cdf1,
                gamma: dividendDiscount * density / (spot * s),
                vega: spotTerm * density * sqrtT,
                theta: -spotTerm * density * volatility / (2 * sqrtT)
                    + theta * (dividendYield * spotTerm * cdf1 - rate * strikeTerm * cdf2),
                rho: theta * strikeTerm * time * cdf2)
        }

        @inlinable
        public func price(_ type: OptionType, strike: Double, volatility: Double) -> Double {
            price(theta: type.sign, Strike(self, strike: strike, volatility: volatility))
        }

        /// The call's and the put's prices at one strike and volatility, each the same to the bit
        /// as `price` and `value(...).price` give it, for what only needs prices (the Cboe index
        /// computations over a model chain): no greeks.
        @inlinable
        public func pricePair(strike: Double, volatility: Double) -> (call: Double, put: Double) {
            prices(Strike(self, strike: strike, volatility: volatility))
        }

        /// `price(theta: 1, k)` and `price(theta: -1, k)`, each the same to the bit, the
        /// out-of-the-money side's legs priced once (`BlackLegs.pair`).
        @inlinable
        func prices(_ k: Strike) -> (call: Double, put: Double) {
            BlackLegs.pair(k.legs, x: k.x, s: k.s, spotTerm: k.spotTerm, strikeTerm: k.strikeTerm) { theta in
                accuratePrice(theta: theta, x: k.x, s: k.s, strike: k.strike)
            }
        }

        /// The price of sign θ at a strike: the legs' price, or the normalised form where they
        /// cannot give it (below the negligible deviation, or legs below 1e-280). The one price
        /// path of `value`, `valuePair`, `price` and `pricePair`.
        @inlinable
        func price(theta: Double, _ k: Strike) -> Double {
            BlackLegs.price(k.legs, theta: theta, x: k.x, s: k.s, spotTerm: k.spotTerm, strikeTerm: k.strikeTerm) { theta in
                accuratePrice(theta: theta, x: k.x, s: k.s, strike: k.strike)
            }
        }

        /// e^{-(r+q)T/2}·√(S·K)·b(x, s): the cancellation-free normalised form.
        @inlinable
        func accuratePrice(theta: Double, x: Double, s: Double, strike: Double) -> Double {
            normalisedScale(strike: strike) * NormalisedBlack.value(x: x, s: s, sign: theta)
        }

        /// e^{-rT}·√(F·K) = √(e^{-qT}·e^{-rT}·S·K).
        @inlinable
        func normalisedScale(strike: Double) -> Double {
            (dividendDiscount * rateDiscount).squareRoot() * spot.squareRoot() * strike.squareRoot()
        }
    }
}
