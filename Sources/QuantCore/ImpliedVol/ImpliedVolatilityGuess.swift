/// The two transformed-map initial guesses of "Let's Be Rational" (Jäckel 2015, §4).
/// In the wings b(s) is exponentially flat, so s(β) is interpolated not directly but through a
/// map f that behaves linearly there: the lower map is the small-s asymptotic form of b, the
/// upper map is Φ(-s/2), whose inverse is explicit. Derivatives of f are with respect to β.
extension NormalisedImpliedVolatility {
    static let lowerMapScale = 2 * Double.pi / 27.0.squareRoot()  // 2π/√27
    static let sqrtThree = 3.0.squareRoot()

    /// Lowest branch, 0 < β < b_l: f_l(s) = (2π/√27)|x|Φ(-z)³ with z = |x|/(√3·s), which tends
    /// to b(x, s) as s → 0, so f_l(β) ≈ β near 0 (value 0, slope 1 there); the interpolant is fitted
    /// to f_l's value, slope and curvature at s_l and inverted (Jäckel eq. 4.38).
    ///
    /// `vL` = b'(s_l), which the branch selection already holds: e^{y + s_l²/8}, the factor the
    /// slope and curvature carry, is φ(z)/b'(s_l) (b'(s_l) = e^{-3y/2 - s_l²/8}/√(2π) since
    /// h_l² = x²/s_l² = 3y), so it costs a division, not an `exp`. On this branch y ≥ 0.21 (the
    /// limit |x| → 0, where s_l ≈ √(π/2)·|x|) and grows like |x|/6; b'(s_l) is never 0 there,
    /// since b(s_l) > β > 0 needs it (about 0.18·e^{x/2}, subnormal only for |x| within
    /// 1413-1417, where the guess loses a few bits the iterations restore).
    ///
    /// The inverse normal is the rational estimate alone (Abramowitz & Stegun 26.2.23,
    /// |error| < 4.5e-4): z ≥ 0.46 on this branch, so Φ⁻¹ is below -0.46 and the estimate moves
    /// the guess by at most 1e-3 relative (a Halley step cost an `erfc` and an `exp`), against
    /// the interpolation's own error of typically 1e-2 in a book's wings: on the benchmark book
    /// and the test grids the iteration counts are those of the refined guess. Just below s_l
    /// the estimate's bias can put the guess above s_l, outside the branch's bracket, so the
    /// guess is capped at s_l (the root lies below it): two iterations there, where a guess
    /// outside the bracket would restart from its midpoint.
    static func lowestBranchGuess(beta: Double, x: Double, sL: Double, bL: Double, vL: Double) -> Double {
        let absX = abs(x)
        let z = absX / (sqrtThree * sL)
        let y = z * z
        // R(z), finite where Φ(-z) and φ(z) underflow, for the curvature; Φ(-z) = φ(z)·R(z), the
        // product `NormalDistribution.lowerTail` forms (z ≥ 0).
        let mills = NormalDistribution.upperMillsRatio(z)
        let density = NormalDistribution.pdf(z)
        let tail = density * mills
        let fAtL = lowerMapScale * absX * tail * tail * tail
        let growth = density / vL  // e^{y + s_l²/8}
        let slopeAtL = 2 * Double.pi * y * tail * tail * growth
        let curvatureAtL = Double.pi / 6 * y / (sL * sL * sL) * tail
            * (8 * sqrtThree * sL * absX + (3 * sL * sL * (sL * sL - 8) - 8 * x * x) * mills)
            * (growth * growth)  // e^{2y + s_l²/4}
        var f = 0.0
        if curvatureAtL.isFinite && slopeAtL.isFinite {
            let cubic = RationalCubic(
                xLeft: 0, xRight: bL, yLeft: 0, yRight: fAtL, dLeft: 1, dRight: slopeAtL,
                secondDerivative: curvatureAtL, atLeft: false, preferShapePreservation: true)
            f = cubic(beta)
        }
        if !(f > 0) {
            let t = beta / bL
            f = (fAtL * t + bL * (1 - t)) * t
        }
        // s = |x| / (√3·|Φ⁻¹((f/((2π/√27)|x|))^{1/3})|); where the ratio is not a normal double
        // (it underflows for the tiniest prices), two cube roots keep it.
        let ratio = f / (lowerMapScale * absX)
        let argument = ratio >= Double.leastNormalMagnitude ? cbrt(ratio) : cbrt(f) / cbrt(lowerMapScale * absX)
        let quantile = NormalDistribution.quantile(argument, halleySteps: 0)
        return min(abs(x / (sqrtThree * quantile)), sL)
    }

    /// Highest branch, b_u < β < b_max: f_u(s) = Φ(-s/2) → 0 as β → b_max with slope -½;
    /// inverse s = -2Φ⁻¹(f).
    static func highestBranchGuess(beta: Double, x: Double, sU: Double, bU: Double, bMax: Double) -> Double {
        let fAtU = NormalDistribution.cdf(-0.5 * sU)
        let w = (x / sU) * (x / sU)
        let slopeAtU = -0.5 * exp(0.5 * w)
        let curvatureAtU = sqrtHalfPi * exp(w + sU * sU / 8) * w / sU
        var f = -1.0
        let limit = Double.greatestFiniteMagnitude.squareRoot()
        if curvatureAtU > -limit && curvatureAtU < limit && slopeAtU.isFinite {
            let cubic = RationalCubic(
                xLeft: bU, xRight: bMax, yLeft: fAtU, yRight: 0, dLeft: slopeAtU, dRight: -0.5,
                secondDerivative: curvatureAtU, atLeft: true, preferShapePreservation: true)
            f = cubic(beta)
        }
        if !(f > 0) {
            let h = bMax - bU
            let t = (beta - bU) / h
            f = (fAtU * (1 - t) + 0.5 * h * t) * (1 - t)
        }
        return -2 * NormalDistribution.quantileEstimate(f)
    }
}
