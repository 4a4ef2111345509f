/// The Black price from the two legs θ·(spot leg - strike leg) that the greeks need anyway,
/// used whenever that is accurate, or nil when the caller must use the normalised form.
///
/// `normalisedScale` is the factor e^{-rT}·√(F·K) turning a normalised price into a price.
/// Both legs are accurate to a few ulp (tail-accurate Φ), and their difference to
/// ε·(larger leg/price).
/// - Out of the money (θx ≤ 0) the legs are the normalised function's own two terms scaled by
///   √(F·K)e^{-rT}, so we apply its rule: direct while the smaller leg is at most 15/16 of the
///   larger (at most 4 bits lost), otherwise straight to the positive-term series (`nil` only when
///   the legs are too small to trust, below 1e-280, where the normalised form avoids underflow).
/// - In the money the normalised form is intrinsic value plus out-of-the-money value (a sum of
///   positives), so the direct difference must be better than that to be used: at most 1 bit
///   lost (smaller ≤ ½ larger). With the 4-bit budget here, implied-vol round trips of
///   condition ~600 degraded to 1.4e-12; with 1 bit they stay at 4e-13.
@usableFromInline
enum DirectBlackDifference {
    @inlinable
    static func price(
        theta: Double, x: Double, s: Double, spotLeg: Double, strikeLeg: Double,
        normalisedScale: @autoclosure () -> Double
    ) -> Double? {
        let larger = max(spotLeg, strikeLeg)
        let smaller = min(spotLeg, strikeLeg)
        guard larger > 1e-280 else { return nil }
        if theta * x <= 0 {
            if smaller <= NormalisedBlack.acceptedCancellation * larger { return theta * (spotLeg - strikeLeg) }
            return normalisedScale() * NormalisedBlack.outOfTheMoneySeries(x: -abs(x), s: s)
        }
        guard smaller <= 0.5 * larger else { return nil }
        return theta * (spotLeg - strikeLeg)
    }
}
