/// The two legs of a Black price, θ·(A·Φ(θd₁) - B·Φ(θd₂)) with A = S·e^{-qT} (or e^{-rT}·F) and
/// B = K·e^{-rT}, and the price built from them whenever that is accurate.
///
/// Tails: only the lower tails Φ(-|d₁|) and Φ(-|d₂|) are computed, each as its density times
/// the Mills ratio (`NormalDistribution.lowerTail`: a table, no `erfc`), accurate to a few ulp
/// relative even deep in the tail; every other Φ(±d) is 1 minus one of them, which is at least ½
/// and so keeps its relative accuracy. The two densities cost one `exp`: the one at the d nearer
/// zero is evaluated, the other follows from A·φ(d₁) = B·φ(d₂) (e^x = A/B) by a factor at most 1,
/// so it cannot overflow (when A or B is not a normal double, both are evaluated). One option therefore
/// gets its own legs, those of its out-of-the-money counterpart and φ(d₁) for its greeks for the
/// price of one `exp`.
///
/// Price, by cases (x = ln(F/K), s = σ√T):
/// - Out of the money (θx ≤ 0): the legs are the normalised Black function's own two terms
///   scaled by e^{-rT}√(F·K): the direct difference while the smaller leg is at most
///   `acceptedCancellation` (255/256) of the larger (at most 8 bits lost), otherwise the larger
///   leg times 1 - (smaller/larger) computed without cancellation: the legs' ratio is m(h-t)/m(h+t) with
///   m the Mills ratio, h = -|x|/s, t = s/2, and `NormalisedBlack.relativeMillsDifference` gives
///   [m(h+t) - m(h-t)]/m(h+t) from Taylor sums in t (positive terms only for h ≤ -4.5).
/// - In the money: the direct difference when it loses at most 1 bit (smaller ≤ ½ larger; with 4
///   bits, implied-vol round trips of condition ~600 degraded to 1.4e-12, with 1 bit they stay
///   at 4e-13). Otherwise intrinsic plus the out-of-the-money counterpart's value, a sum of
///   positives: θ·B·expm1(x) + the counterpart priced as above from its own legs A·Φ(-θd₁),
///   B·Φ(-θd₂), which the lower tails already give.
/// - `nil` when the legs involved are below 1e-280: the caller then uses the normalised form,
///   which avoids underflow through the Mills ratio.
@frozen @usableFromInline
struct BlackLegs {
    /// The out-of-the-money legs' largest ratio (smaller/larger) that is priced as their
    /// difference, which loses log₂(1/(1 - ratio)) bits: at most 8 here. Why that is enough:
    /// - The legs' relative errors enter the difference multiplied by up to 256. Each leg is a
    ///   discounted term times a density times a Mills ratio (3.9e-16). The two densities come
    ///   from one `exp` (the other is it times A/B), so that `exp`'s error scales both legs
    ///   alike and is not amplified; what differs is two Mills ratios and a few
    ///   roundings, some 1.5e-15 for the two legs together, about 4e-13 after the 256.
    /// - x (from the log) and A/B (from the discounted terms) agree to about ε·|x|, and the
    ///   price's sensitivity to x near the bound is about |x|/s², again up to 256: another
    ///   1e-13 or so.
    /// So about 5e-13 at worst, an estimate, inside the 1e-12 of every price test. Measured
    /// against 50-digit prices on both sides of the bound (`LegsCancellationReferenceTests`):
    /// 1.1e-13 between 15/16 and the bound, 1.5e-13 beyond it (the series). Legs cancel like
    /// this far from the money relative to σ√T (the ratio tends to 1 - s²/|x| for |x| ≫ s),
    /// where the price is steep in σ and an implied volatility moves less than the price, and
    /// near the money when σ√T is below about 0.005 (the ratio is about 1 - 0.8·σ√T there),
    /// where it moves as much as the price: still within the same 1e-12. The series cost
    /// most of a book's pricing time at the normalised form's 15/16: 70% of the benchmark book
    /// went through it, 1.3% at 255/256. The chain slice's lanes use the same bound.
    @usableFromInline static let acceptedCancellation = 255.0 / 256.0

    @usableFromInline let d1, d2, lower1, lower2: Double
    /// φ(d₁) and φ(d₂).
    @usableFromInline let density1, density2: Double

    /// `x` = ln(F/K) = ln(A/B), `s` = σ√T, A = `spotTerm`, B = `strikeTerm`.
    @inlinable
    init(x: Double, s: Double, spotTerm: Double, strikeTerm: Double) {
        d1 = x / s + 0.5 * s
        d2 = d1 - s
        // x ≤ 0 ⟺ |d₁| ≤ |d₂|: φ(d₁) is the larger density and A/B ≤ 1. A and B themselves
        // can underflow (a tiny spot, or a discount near e^{-700}) where x is fine: their ratio
        // is then 0/0 or inexact, and both densities are evaluated.
        if !(spotTerm.isNormal && strikeTerm.isNormal) {
            density1 = NormalDistribution.pdf(d1)
            density2 = NormalDistribution.pdf(d2)
        } else if x <= 0 {
            density1 = NormalDistribution.pdf(d1)
            density2 = density1 * (spotTerm / strikeTerm)
        } else {
            density2 = NormalDistribution.pdf(d2)
            density1 = density2 * (strikeTerm / spotTerm)
        }
        lower1 = NormalDistribution.lowerTail(d1, density: density1)
        lower2 = NormalDistribution.lowerTail(d2, density: density2)
    }

    /// Φ(θd₁).
    @inlinable
    func cdf1(_ theta: Double) -> Double { theta * d1 <= 0 ? lower1 : 1 - lower1 }

    /// Φ(θd₂).
    @inlinable
    func cdf2(_ theta: Double) -> Double { theta * d2 <= 0 ? lower2 : 1 - lower2 }

    /// The price of the option of sign θ, or nil (see the type's note).
    @inlinable
    func price(theta: Double, x: Double, s: Double, spotTerm: Double, strikeTerm: Double) -> Double? {
        if theta * x <= 0 {
            return outOfTheMoney(theta: theta, x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm)
        }
        return inTheMoney(theta: theta, x: x, spotTerm: spotTerm, strikeTerm: strikeTerm) {
            outOfTheMoney(theta: -theta, x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm)
        }
    }

    /// The price of the in-the-money option of sign θ (θx > 0), or nil. `counterpart` is
    /// `outOfTheMoney(-θ, …)`, the other side's own price, asked for only when the direct
    /// difference would cancel: a caller pricing both sides passes the one it already has, so a
    /// strike pays for the out-of-the-money legs (and their series, far from the money) once.
    @inlinable
    func inTheMoney(
        theta: Double, x: Double, spotTerm: Double, strikeTerm: Double, counterpart: () -> Double?
    ) -> Double? {
        let spotLeg = spotTerm * cdf1(theta)
        let strikeLeg = strikeTerm * cdf2(theta)
        let larger = max(spotLeg, strikeLeg)
        guard larger > 1e-280 else { return nil }
        if min(spotLeg, strikeLeg) <= 0.5 * larger { return theta * (spotLeg - strikeLeg) }
        guard let counterpart = counterpart() else { return nil }
        return theta * strikeTerm * expm1(x) + counterpart
    }

    /// The price of the out-of-the-money option of sign θ (θx ≤ 0).
    @inlinable
    func outOfTheMoney(theta: Double, x: Double, s: Double, spotTerm: Double, strikeTerm: Double) -> Double? {
        let spotLeg = spotTerm * cdf1(theta)
        let strikeLeg = strikeTerm * cdf2(theta)
        let larger = max(spotLeg, strikeLeg)
        guard larger > 1e-280 else { return nil }
        if min(spotLeg, strikeLeg) <= Self.acceptedCancellation * larger {
            return theta * (spotLeg - strikeLeg)
        }
        // The larger leg is the one at h + t: θd₁ for a call, -d₂ for a put.
        return larger
            * NormalisedBlack.relativeMillsDifference(
                h: -abs(x) / s, t: 0.5 * s, upperTail: theta > 0 ? cdf1(theta) : cdf2(theta),
                upperDensity: theta > 0 ? density1 : density2)
    }
}

extension BlackLegs {
    /// The one price path of an option of sign θ: the legs' price, or `accurate(θ)` (the
    /// normalised form) where there are no legs or they cannot give it. Black-Scholes-Merton,
    /// Black-76 and `pair` all price through it.
    @inlinable
    static func price(
        _ legs: BlackLegs?, theta: Double, x: Double, s: Double, spotTerm: Double, strikeTerm: Double,
        accurate: (Double) -> Double
    ) -> Double {
        legs?.price(theta: theta, x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm) ?? accurate(theta)
    }

    /// The call's and the put's prices at one strike: each is `price(legs, theta:…)` (the one
    /// price path) to the bit, but the out-of-the-money side's legs
    /// price is computed once. Wherever the in-the-money side's direct difference would cancel,
    /// its price is θ·B·expm1(x) plus exactly that price (`inTheMoney`), which it would
    /// otherwise compute again, with the Mills-ratio series far from the money. At the money
    /// (x = 0, both sides out of the money), without legs, or for x NaN, each side is priced
    /// alone.
    @inlinable
    static func pair(
        _ legs: BlackLegs?, x: Double, s: Double, spotTerm: Double, strikeTerm: Double, accurate: (Double) -> Double
    ) -> (call: Double, put: Double) {
        guard let legs, x < 0 || x > 0 else {
            func alone(_ theta: Double) -> Double {
                price(legs, theta: theta, x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm, accurate: accurate)
            }
            return (alone(1), alone(-1))
        }
        let outTheta: Double = x < 0 ? 1 : -1  // θx ≤ 0
        let outLegs = legs.outOfTheMoney(theta: outTheta, x: x, s: s, spotTerm: spotTerm, strikeTerm: strikeTerm)
        let outPrice = outLegs ?? accurate(outTheta)
        let inPrice = legs.inTheMoney(theta: -outTheta, x: x, spotTerm: spotTerm, strikeTerm: strikeTerm) { outLegs } ?? accurate(-outTheta)
        return outTheta > 0 ? (outPrice, inPrice) : (inPrice, outPrice)
    }
}
