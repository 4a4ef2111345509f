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
/// and when m(h+t) - m(h-t) cancels by more than 4 bits we replace it with m(h+t) times the
/// ratio 2·O/(E + O) of the odd and even parts of its Taylor series in t about h, where
/// m⁽ᵏ⁾(h) = ∫₀^∞ uᵏ e^{hu - u²/2} du > 0 (`relativeMillsDifference`: positive terms only for
/// h ≤ -4.5; above, the forward recurrence's own cancellation, a few bits near -4.5). In the money we add the intrinsic value to the
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
        outOfTheMoneyCall(x: x, s: s, growth: exp(0.5 * x), scaledDensity: scaledDensity(h: x / s, t: 0.5 * s))
    }

    /// `outOfTheMoneyCall` for a caller that already has e^{x/2} (`growth`) and
    /// b'(s) = e^{-(h²+t²)/2}/√(2π) (`scaledDensity`): the implied-volatility iterations hold
    /// both, so an evaluation costs no `exp` and no `erfc`.
    @inlinable
    static func outOfTheMoneyCall(x: Double, s: Double, growth: Double, scaledDensity density: Double) -> Double {
        if s <= 0 { return 0 }
        if s == .infinity { return exp(0.5 * x) }
        let h = x / s
        let t = 0.5 * s
        // b ≤ e^{-(h²+t²)/2}·m(h+t)/√(2π): when h²/2 > 746 either h+t < 0 and b < 1e-324, or
        // t > |h|, which forces |x| > 2980 and e^{x/2} = 0. Both underflow; return 0 before
        // h² or the Mills recurrence overflow.
        if 0.5 * h * h > 746 { return 0 }
        // b ≤ e^{x/2}: where that underflows (x < -1490, reachable through the carry), so does
        // b, and D/e^{x/2} below would be 0/0.
        if growth == 0 { return 0 }
        // Both terms through the Mills ratio (a table, no `erfc`): e^{x/2}Φ(h+t) =
        // D·m(h+t) and e^{-x/2}Φ(h-t) = D·m(h-t) with D = e^{-(h²+t²)/2}/√(2π) (`scaledDensity`),
        // so neither term underflows before the price does. h - t ≤ 0; where h + t > 0 the
        // first term is e^{x/2}·(1 - Φ(-(h+t))), with φ(h+t) = D·e^{-x/2}.
        let upper = h + t
        let upperDensity = density / growth
        let second = density * NormalDistribution.millsRatio(h - t)
        let first: Double
        let upperTail: Double
        if upper <= 0 {
            let mills = NormalDistribution.millsRatio(upper)
            first = density * mills
            upperTail = upperDensity * mills
        } else {
            upperTail = 1 - NormalDistribution.lowerTail(upper, density: upperDensity)
            first = growth * upperTail
        }
        if second <= acceptedCancellation * first { return first - second }
        // first·[1 - m(h-t)/m(h+t)], the bracket without cancellation.
        return first * relativeMillsDifference(h: h, t: t, upperTail: upperTail, upperDensity: upperDensity)
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
        let lo = (-h2).addingProduct(h, h) + (-t2).addingProduct(t, t)
        return NormalDistribution.inverseSqrtTwoPi * exp(-0.5 * (h2 + t2)) * (1 - 0.5 * lo)
    }

    /// [m(h+t) - m(h-t)]/m(h+t) for h ≤ 0 and t small against max(1, |h|), with m = Φ/φ the
    /// Mills ratio, `upperTail` = Φ(h+t) and `upperDensity` = φ(h+t) (needed only for h > -4.5).
    ///
    /// Only reached when the direct difference would lose more than 4 bits, which bounds t by
    /// about max(|h|, 1)/32. With E and O the even and odd parts of the Taylor series of m(h ± t)
    /// about h, m(h+t) = E + O and m(h-t) = E - O, so the ratio is 2·O/m(h+t):
    /// - h ≤ -4.5: the derivatives m⁽ᵏ⁾(h) > 0 come from Miller's backward recurrence up to a
    ///   common factor, and the ratio is 2·O/(E + O), two sums of positive terms: no m(h) needed.
    /// - h > -4.5: the forward recurrence gives m⁽ᵏ⁾(h) = αₖ + βₖ·m(h); m(h+t) =
    ///   Φ(h+t)/φ(h+t) from the caller's Φ then fixes m(h) = (m(h+t) - A)/B with A, B the
    ///   Taylor sums of α and β (B ≈ e^{ht} > 0, A ≈ t), so no erfc beyond the caller's is needed.
    /// Successive terms fall by about u = t/max(|h|, 1), so the order is the smallest odd one
    /// with u^(order+1) ≤ 1e-18.
    @inlinable
    static func relativeMillsDifference(
        h: Double, t: Double, upperTail: Double, upperDensity: Double
    ) -> Double {
        let u = t / max(-h, 1)
        let order = u <= 3e-5 ? 3 : (u <= 1e-3 ? 5 : (u <= 5e-3 ? 7 : (u <= 1.5e-2 ? 9 : (u <= 0.03 ? 11 : (u <= 0.05 ? 13 : 17)))))
        if h > MillsRatioDerivatives.millerThreshold {
            let sums = MillsRatioDerivatives.forwardBasisTaylorSums(h: h, t: t, order: order)
            // With T = Φ(h+t), φ = φ(h+t), M = T/φ, A and B the α and β sums:
            // 2·(O_α + O_β·m(h))/M with m(h) = (M - A)/B, over one division.
            let density = upperDensity
            let a = sums.alphaEven + sums.alphaOdd
            let b = sums.betaEven + sums.betaOdd
            return 2 * (sums.alphaOdd * b * density + sums.betaOdd * (upperTail - a * density)) / (b * upperTail)
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 18) { d in
            MillsRatioDerivatives.fillBackward(d, h: h, order: order)
            let sums = taylorSums(d, t: t, order: order)
            return 2 * sums.odd / (sums.even + sums.odd)
        }
    }

    /// Σ_{k odd} d[k]·tᵏ/k! and Σ_{k even} d[k]·tᵏ/k! for k ≤ order (odd), by Horner in t².
    @inlinable
    static func taylorSums(_ d: UnsafeMutableBufferPointer<Double>, t: Double, order: Int) -> (odd: Double, even: Double) {
        let t2 = t * t
        var odd = 0.0
        var even = 0.0
        inverseFactorials.withUnsafeBufferPointer { inverseFactorials in
            var k = order
            while k >= 1 {
                odd = odd * t2 + d[k] * inverseFactorials[k]
                even = even * t2 + d[k - 1] * inverseFactorials[k - 1]
                k -= 2
            }
        }
        return (odd * t, even)
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
