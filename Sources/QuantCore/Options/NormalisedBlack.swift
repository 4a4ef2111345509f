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
    /// Out-of-the-money normalised call value for x ≤ 0 (equivalently a put with x ≥ 0 after
    /// x → -x). Relative accuracy of a few ulp times the condition number in (x, s).
    @inlinable
    public static func outOfTheMoneyCall(x: Double, s: Double) -> Double {
        if s <= 0 { return 0 }
        if s == .infinity { return exp(0.5 * x) }
        let h = x / s
        let t = 0.5 * s
        let upper = h + t
        if upper > -20 {
            // Direct form: both Φ values are far from underflow here.
            let first = exp(0.5 * x) * NormalDistribution.cdf(upper)
            let second = exp(-0.5 * x) * NormalDistribution.cdf(h - t)
            if second <= 0.9375 * first { return first - second }
        } else {
            let mPlus = NormalDistribution.millsRatio(upper)
            let mMinus = NormalDistribution.millsRatio(h - t)
            if mMinus <= 0.9375 * mPlus {
                return scaledDensity(h: h, t: t) * (mPlus - mMinus)
            }
        }
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
    /// by about max(|h|, 1)/32; the k-th odd term then falls by (t/|h|)² or t²/k per step, so
    /// 8 terms exceed double precision with a wide margin. The derivatives come from the
    /// recurrence m⁽ᵏ⁺¹⁾ = h·m⁽ᵏ⁾ + k·m⁽ᵏ⁻¹⁾ (integration by parts of the integral above),
    /// run forward when |h| < 1 (stable there) and backward à la Miller when |h| ≥ 1, where
    /// the backward direction adds positive terms only.
    @inlinable
    static func millsDifferenceSeries(h: Double, t: Double) -> Double {
        let order = 17
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: order + 1) { d in
            MillsRatioDerivatives.fill(d, h: h, order: order)
            var sum = 0.0
            var power = t
            var factorial = 1.0
            let t2 = t * t
            var k = 1
            while k <= order {
                sum += d[k] * power / factorial
                power *= t2
                factorial *= Double((k + 1) * (k + 2))
                k += 2
            }
            return 2 * sum
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
