/// The normalised Black function b(x, s, θ) of Jäckel ("Let's Be Rational", 2015, eq. 2.1):
///
///     b(x, s, θ) = θ·[e^{x/2}·Φ(θ(x/s + s/2)) - e^{-x/2}·Φ(θ(x/s - s/2))]
///
/// with x = ln(F/K) and s = σ√T. An undiscounted Black price is √(F·K)·b. Everything in this
/// file works on that scale so that Black-Scholes-Merton and Black-76 share one accurate kernel.
///
/// The difficulty is cancellation: out of the money the two terms nearly cancel when s is small
/// relative to |x| or to 1. We write both terms through the Mills ratio m = Φ/φ, using
/// e^{x/2}φ(h+t) = e^{-x/2}φ(h-t) = φ(√(h²+t²)) with h = x/s, t = s/2:
///
///     b(x ≤ 0, s, +1) = e^{-(h²+t²)/2}/√(2π) · [m(h+t) - m(h-t)]
///
/// and when m(h+t) - m(h-t) cancels by more than 4 bits we replace it with its Taylor series
/// 2·Σ_{k odd} m⁽ᵏ⁾(h)·tᵏ/k!, where m⁽ᵏ⁾(h) = ∫₀^∞ uᵏ e^{hu - u²/2} du > 0 (every term
/// positive, so no cancellation at all). In the money we add the intrinsic value to the
/// out-of-the-money value (put-call symmetry b(x,s,θ) = θ(e^{x/2} - e^{-x/2})⁺... + b(-|x|,s)):
/// a sum of positive numbers, hence accurate.
///
/// Edge cases: s = 0 gives the intrinsic value; s = +∞ gives the upper bound e^{θx/2};
/// inputs are assumed finite and validated by callers.
public enum NormalisedBlack {
    /// Largest ratio of the subtracted term to the first one that the direct difference is
    /// allowed: it loses at most log2(16) = 4 bits. Prices feed implied-vol inversions whose
    /// condition number reaches 1000 on well-posed inputs, so every bit counts: with 6 bits
    /// (63/64) the round trip degraded to 3.6e-12, with 4 bits it stays at 2e-13. Beyond the
    /// threshold the positive-term series takes over.
    @usableFromInline static let acceptedCancellation = 15.0 / 16.0

    /// Below this σ√T (√ of the smallest normal double, 1.5e-154) greeks use the σ√T = 0 limits:
    /// 1/(S·σ√T) in gamma would overflow, and the true values are the deterministic limits to
    /// far better than double precision.
    public static let negligibleDeviation = Double.leastNormalMagnitude.squareRoot()

    /// 1/k! for k = 0…17.
    @usableFromInline static let inverseFactorials: [Double] = {
        var values = [1.0]
        for k in 1...17 { values.append(values[k - 1] / Double(k)) }
        return values
    }()

    /// Out-of-the-money normalised call value for x ≤ 0 (equivalently a put with x ≥ 0 after
    /// x → -x). Relative accuracy of a few ulp times the condition number in (x, s).
    @inlinable
    public static func outOfTheMoneyCall(x: Double, s: Double) -> Double {
        if s <= 0 { return 0 }
        if s == .infinity { return exp(0.5 * x) }
        let h = x / s
        let t = 0.5 * s
        // b ≤ e^{-(h²+t²)/2}·m(h+t)/√(2π): when h²/2 > 746 either h+t < 0 and b < 1e-324, or
        // t > |h|, which forces |x| > 2980 and e^{x/2} = 0. Both underflow; return 0 before
        // h² or the Mills recurrence overflow.
        if 0.5 * h * h > 746 { return 0 }
        let upper = h + t
        if upper > -20 {
            // Direct form: both Φ values are far from underflow here.
            let growth = exp(0.5 * x)
            let first = growth * NormalDistribution.cdf(upper)
            let second = NormalDistribution.cdf(h - t) / growth
            if second <= acceptedCancellation * first { return first - second }
        } else {
            let mPlus = NormalDistribution.millsRatio(upper)
            let mMinus = NormalDistribution.millsRatio(h - t)
            if mMinus <= acceptedCancellation * mPlus {
                return scaledDensity(h: h, t: t) * (mPlus - mMinus)
            }
        }
        return outOfTheMoneySeries(x: x, s: s)
    }

    /// The series form of `outOfTheMoneyCall`, for callers that already know (from the two
    /// Black legs they computed) that the direct difference would cancel by more than 4 bits.
    @inlinable
    public static func outOfTheMoneySeries(x: Double, s: Double) -> Double {
        let h = x / s
        let t = 0.5 * s
        return scaledDensity(h: h, t: t) * millsDifferenceSeries(h: h, t: t)
    }

    /// b(x, s, θ) for any sign of x: intrinsic plus the out-of-the-money value.
    @inlinable
    public static func value(x: Double, s: Double, sign: Double) -> Double {
        let otm = outOfTheMoneyCall(x: -abs(x), s: s)
        if sign * x > 0 {
            return 2 * sinh(0.5 * abs(x)) + otm
        }
        return otm
    }

    /// e^{-(h²+t²)/2}/√(2π), with h² and t² split exactly to keep relative accuracy.
    @inlinable
    static func scaledDensity(h: Double, t: Double) -> Double {
        let h2 = h * h
        let t2 = t * t
        let lo = fma(h, h, -h2) + fma(t, t, -t2)
        return NormalDistribution.inverseSqrtTwoPi * exp(-0.5 * (h2 + t2)) * (1 - 0.5 * lo)
    }

    /// m(h+t) - m(h-t) = 2·Σ_{k odd} m⁽ᵏ⁾(h)·tᵏ/k! for h ≤ 0 and small t/max(1,|h|).
    ///
    /// Only reached when the direct difference would lose more than 4 bits, which bounds t
    /// by about max(|h|, 1)/32; successive odd terms then fall by (t/|h|)² ≈ 1e-3 or t²/k,
    /// so at most the 9 terms up to t¹⁷ are needed (fewer when t/|h| is smaller). The derivatives come from the
    /// recurrence m⁽ᵏ⁺¹⁾ = h·m⁽ᵏ⁾ + k·m⁽ᵏ⁻¹⁾ (integration by parts of the integral above),
    /// run forward when |h| < 1 (stable there) and backward à la Miller when |h| ≥ 1, where
    /// the backward direction adds positive terms only.
    @inlinable
    static func millsDifferenceSeries(h: Double, t: Double) -> Double {
        // Successive odd terms shrink by at most u² with u = t/max(|h|, 1); take just enough
        // of them for u^(order+1) ≤ 1e-18.
        let u = t / max(-h, 1)
        let order = u <= 1e-3 ? 5 : (u <= 1e-2 ? 9 : (u <= 0.04 ? 13 : 17))
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 18) { d in
            MillsRatioDerivatives.fill(d, h: h, order: order)
            // Horner in t² over the odd terms m⁽ᵏ⁾/k!, highest order first.
            let t2 = t * t
            var sum = 0.0
            var k = order
            while k >= 1 {
                sum = sum * t2 + d[k] * inverseFactorials[k]
                k -= 2
            }
            return 2 * t * sum
        }
    }
}

extension NormalisedBlack {
    /// b_max - b for the out-of-the-money call (x ≤ 0), without cancellation:
    /// e^{x/2}Φ(-h-t) + e^{-x/2}Φ(h-t) = e^{-(h²+t²)/2}/√(2π)·[m(-h-t) + m(h-t)], a sum of
    /// positive terms written through the Mills ratio so that neither factor underflows alone.
    @inlinable
    public static func outOfTheMoneyCallComplement(x: Double, s: Double) -> Double {
        if s <= 0 { return exp(0.5 * x) }
        let h = x / s
        let t = 0.5 * s
        return scaledDensity(h: h, t: t)
            * (NormalDistribution.millsRatio(-h - t) + NormalDistribution.millsRatio(h - t))
    }
}
