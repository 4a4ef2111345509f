/// The textbook Black difference θ·(spot leg - strike leg), used only when it is accurate.
///
/// Both legs are accurate to a few ulp (tail-accurate Φ). Their difference is accurate to
/// ε·(larger leg/price), so we accept it only while the smaller leg is at most half the larger
/// (at most 1 bit lost) and the larger leg is a comfortably normal number (below 1e-280 the
/// legs may have lost bits to underflow). Otherwise the caller uses the normalised Black
/// function, which writes an in-the-money price as intrinsic value plus out-of-the-money value
/// (a sum of positives): in the money, the direct difference lost 3-4 bits, enough to push
/// implied-vol round trips with condition ~600 past 1e-12 (measured 1.4e-12; 2e-13 with this
/// threshold).
@usableFromInline
enum DirectBlackDifference {
    @inlinable
    static func price(theta: Double, spotLeg: Double, strikeLeg: Double) -> Double? {
        let larger = max(spotLeg, strikeLeg)
        let smaller = min(spotLeg, strikeLeg)
        guard larger > 1e-280, smaller <= 0.5 * larger else { return nil }
        return theta * (spotLeg - strikeLeg)
    }
}
