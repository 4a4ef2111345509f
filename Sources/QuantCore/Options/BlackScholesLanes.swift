/// Prices and greeks of four options of one expiry at once (`LaneMath`), for the chain-slice
/// batch. The formulas are the scalar path's (`BlackScholesMerton.Expiry.valuation`, whose
/// comment states them); what differs is how each quantity is reached, and where a lane cannot
/// be reached this way it is declined (`accepted` 0) and the caller prices it on the scalar
/// path.
@usableFromInline
struct BlackScholesLanes {
    @usableFromInline var price, delta, gamma, vega, theta, rho: Lanes
    /// 1 in the lanes whose values hold, 0 in those to be priced on the scalar path. Held as
    /// doubles, and every condition here is a blend on one comparison, never `.!` or `.&` on
    /// masks, nor `replacing(with:)` a scalar: Swift compiled those lane by lane through
    /// general-purpose registers (the disassembly shows it), and the kernel ran slower.
    @usableFromInline var accepted: Lanes

    /// Whether any lane is to be priced on the scalar path (lane by lane: the generic `min()`
    /// is a call).
    @inlinable @inline(__always)
    var declinesAny: Bool { (accepted[0] + accepted[1]) + (accepted[2] + accepted[3]) < 4 }

    /// The out-of-the-money legs' largest accepted ratio (smaller/larger): the scalar path's
    /// (`BlackLegs.acceptedCancellation`, at most 8 bits lost), so a lane declines where the
    /// scalar path takes its cancellation-free series (and, at the bound itself, where the
    /// lanes' fused multiply-adds round a ratio to the other side). The price's sensitivity to x
    /// (up to 256, or |d|/σ√T in the tails) amplifies the last-bit differences of x and the d's
    /// between the lanes and the scalar path; the tests measure the worst case against the
    /// scalar path over strikes from 1/200 to 200 times the spot (|d| up to 37).
    @usableFromInline static let acceptedCancellation = BlackLegs.acceptedCancellation

    /// The valuations of signs `sign` (+1 call, -1 put), strikes and volatilities at `expiry`.
    ///
    /// - x = ln(S/K) + (r - q)T by `LaneMath.logRatio`, which recovers the quotient's rounding
    ///   as the scalar `logRatio` does, so an option with a tiny σ√T near the money keeps its
    ///   d's (an error δx moves d by δx/σ√T).
    /// - d₁, d₂ and the two densities from one `exp`, as in `BlackLegs`: the density at the d
    ///   nearer zero, the other times e^{±x} = A/B or B/A (A = S·e^{-qT}, B = K·e^{-rT}).
    /// - Lower tails density × `LaneMath.upperMillsRatio` (the scalar path's table and
    ///   polynomial, summed with fused multiply-adds).
    /// - The out-of-the-money option of each strike priced as the difference of its legs, when
    ///   the smaller is at most `acceptedCancellation` of the larger; an in-the-money option is
    ///   its counterpart plus θ·(A - B), two terms of the same sign (the scalar path writes
    ///   A - B as B·(e^x - 1)). A - B is exact by Sterbenz's lemma where it is small; A's and
    ///   B's own roundings, about ε·A, stay near 1e-13 of the price, which is at least the
    ///   counterpart's: an at-the-money option's legs have the ratio 1 - 0.8·σ√T or so, so the
    ///   acceptance bound declines σ√T below about 0.005, and the counterpart is then at least
    ///   0.4·A·0.005.
    /// - Declined: σ√T below `NormalisedBlack.negligibleDeviation`, S/K or B outside the normal
    ///   doubles, max(|d₁|, |d₂|) > 37 (the density's `exp` and the table's range), legs below
    ///   1e-280 (the scalar path's limit), and any NaN; the whole group when A or e^{-qT}/S (the
    ///   gamma's factor) is not a normal double.
    @inlinable @inline(__always)
    init(_ expiry: BlackScholesMerton.Expiry, sign theta: Lanes, strike: Lanes, volatility: Lanes) {
        self.init(
            expiry, sign: theta, strike: strike, volatility: volatility,
            Moneyness(expiry, strike: strike, volatility: volatility))
    }

    /// The valuation's first stage: what depends on the strike and volatility alone, not on
    /// the option's side.
    @usableFromInline
    struct Moneyness {
        /// x = ln(F/K), NaN in a lane to decline (S/K outside the normal doubles, or σ√T below
        /// `NormalisedBlack.negligibleDeviation`), which the d's then carry into every check.
        @usableFromInline var x, d1, d2, density1, density2: Lanes
        /// 1/(σ√T).
        @usableFromInline var inverseS: Lanes

        @inlinable @inline(__always)
        init(_ expiry: BlackScholesMerton.Expiry, strike: Lanes, volatility: Lanes) {
            let spot = expiry.spot
            let spotTerm = spot * expiry.dividendDiscount
            let strikeTerm = strike * expiry.rateDiscount
            let s = volatility * expiry.sqrtT
            let quotient = spot / strike
            let nan = Lanes(repeating: .nan)
            let logRatio = LaneMath.logRatio(spot, strike, quotient: quotient) + expiry.carry
            x = nan.replacing(
                with: nan.replacing(
                    with: nan.replacing(with: logRatio, where: s .>= NormalisedBlack.negligibleDeviation),
                    where: quotient .>= Double.leastNormalMagnitude),
                where: quotient .<= Double.greatestFiniteMagnitude)
            inverseS = 1 / s
            d1 = LaneMath.muladd(x, inverseS, 0.5 * s)
            d2 = d1 - s
            // x ≤ 0 ⟺ |d₁| ≤ |d₂|: φ(d₁) is the density evaluated, φ(d₂) = φ(d₁)·A/B (at most
            // φ(d₁)); otherwise φ(d₂), and φ(d₁) = φ(d₂)·B/A.
            let above = x .> 0
            let density = LaneMath.normalDensity(d1.replacing(with: d2, where: above))
            let spotOrStrike = Lanes(repeating: spotTerm).replacing(with: strikeTerm, where: above)
            let strikeOrSpot = strikeTerm.replacing(with: spotTerm, where: above)
            let factor = density * (spotOrStrike / strikeOrSpot)
            density1 = density.replacing(with: factor, where: above)
            density2 = factor.replacing(with: density, where: above)
        }
    }

    /// The second stage, from the first's values.
    @inlinable @inline(__always)
    init(
        _ expiry: BlackScholesMerton.Expiry, sign theta: Lanes, strike: Lanes, volatility: Lanes,
        _ moneyness: Moneyness
    ) {
        let (spot, sqrtT) = (expiry.spot, expiry.sqrtT)
        let spotTerm = spot * expiry.dividendDiscount
        let strikeTerm = strike * expiry.rateDiscount
        let (x, d1, d2, density1, density2) =
            (moneyness.x, moneyness.d1, moneyness.d2, moneyness.density1, moneyness.density2)
        let (size1, size2) = (LaneMath.magnitude(d1), LaneMath.magnitude(d2))
        let lower1 = density1 * LaneMath.upperMillsRatio(size1)
        let lower2 = density2 * LaneMath.upperMillsRatio(size2)

        func cdf(_ lower: Lanes, _ signedD: Lanes) -> Lanes {
            (1 - lower).replacing(with: lower, where: signedD .<= 0)
        }
        let cdf1 = cdf(lower1, theta * d1)
        let cdf2 = cdf(lower2, theta * d2)
        let inTheMoney = theta * x .> 0
        let otmSign = theta.replacing(with: -theta, where: inTheMoney)
        let spotLeg = spotTerm * cdf(lower1, otmSign * d1)
        let strikeLeg = strikeTerm * cdf(lower2, otmSign * d2)
        let larger = spotLeg.replacing(with: strikeLeg, where: strikeLeg .> spotLeg)
        let smaller = spotLeg.replacing(with: strikeLeg, where: strikeLeg .< spotLeg)
        let intrinsic = Lanes().replacing(with: theta * (spotTerm - strikeTerm), where: inTheMoney)
        price = otmSign * (spotLeg - strikeLeg) + intrinsic

        let (rate, dividendYield, dividendDiscount) = (expiry.rate, expiry.dividendYield, expiry.dividendDiscount)
        delta = theta * dividendDiscount * cdf1
        let gammaFactor = dividendDiscount / spot
        gamma = gammaFactor * density1 * moneyness.inverseS
        vega = spotTerm * density1 * sqrtT
        self.theta =
            -spotTerm * density1 * volatility * (0.5 / sqrtT)
            + theta * (dividendYield * spotTerm * cdf1 - rate * strikeTerm * cdf2)
        rho = theta * strikeTerm * expiry.time * cdf2

        var ok = Lanes(repeating: spotTerm.isNormal && gammaFactor.isNormal ? 1 : 0)
        ok = Lanes().replacing(with: ok, where: strikeTerm .>= Double.leastNormalMagnitude)
        ok = Lanes().replacing(with: ok, where: strikeTerm .<= Double.greatestFiniteMagnitude)
        ok = Lanes().replacing(with: ok, where: size1 .<= 37)
        ok = Lanes().replacing(with: ok, where: size2 .<= 37)
        ok = Lanes().replacing(with: ok, where: larger .> 1e-280)
        ok = Lanes().replacing(with: ok, where: smaller .<= Self.acceptedCancellation * larger)
        accepted = ok
    }
}
