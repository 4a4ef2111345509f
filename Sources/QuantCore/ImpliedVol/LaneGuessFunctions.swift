/// The lane-wise pieces of the implied-volatility guesses (`ImpliedVolatilityLanes`): the
/// rational cubic interpolation and the rational estimate of Φ⁻¹.
///
/// A guess only has to land where two Householder steps finish the job: these follow the
/// scalar formulas (`RationalCubic`, `NormalDistribution.quantile(_:halleySteps: 0)`) operation
/// for operation where they can, with Swift's `min` and `max` semantics for NaN, and differ
/// from them where they cannot (Φ⁻¹ of a cube root from a logarithm, the root never formed). A
/// lane whose guess would be a degenerate case of the scalar code (an interval of width 0, an
/// argument outside the domain) is declined by the caller, not handled here.
extension LaneMath {
    /// x where `condition`, else y.
    @inlinable @inline(__always)
    static func pick(_ condition: SIMDMask<Lanes.MaskStorage>, _ x: Lanes, _ y: Lanes) -> Lanes {
        y.replacing(with: x, where: condition)
    }

    /// `RationalCubic(xLeft:…)(at)`, lane-wise: Delbourgo and Gregory's interpolant through
    /// (x_l, y_l) and (x_r, y_r) with slopes d_l and d_r, its control r fitted to a second
    /// derivative at one end (`atLeft`) and floored by the shape-preserving minimum. Lanes with
    /// x_r = x_l get meaningless values (the caller declines them).
    @inlinable @inline(__always)
    static func rationalCubic(
        at point: Lanes, xLeft: Lanes, xRight: Lanes, yLeft: Lanes, yRight: Lanes, dLeft: Lanes, dRight: Lanes,
        secondDerivative: Lanes, atLeft: Bool, preferShapePreservation: Bool
    ) -> Lanes {
        let maximum = Lanes(repeating: RationalCubic.maximumControl)
        let minimum = Lanes(repeating: RationalCubic.minimumControl)
        let h = xRight - xLeft
        let slope = (yRight - yLeft) / h
        let numerator = 0.5 * h * secondDerivative + (dRight - dLeft)
        let denominator = atLeft ? slope - dLeft : dRight - slope
        let tiny = Double.leastNormalMagnitude
        let fitted = pick(
            magnitude(numerator) .< tiny, Lanes(),
            pick(magnitude(denominator) .< tiny, pick(numerator .> 0, maximum, minimum), numerator / denominator))
        let floor = shapePreservingMinimum(dLeft: dLeft, dRight: dRight, slope: slope, prefer: preferShapePreservation)
        let control = fitted.replacing(with: floor, where: fitted .< floor)
        let t = (point - xLeft) / h
        let omt = 1 - t
        let t2 = t * t
        let omt2 = omt * omt
        let cubicNumerator = yRight * t2 * t + (control * yRight - h * dRight) * t2 * omt
            + (control * yLeft + h * dLeft) * t * omt2 + yLeft * omt2 * omt
        let rational = cubicNumerator / (1 + (control - 3) * t * omt)
        return pick(control .>= maximum, yRight * t + yLeft * (1 - t), rational)
    }

    /// `RationalCubic.shapePreservingMinimum`, lane-wise (Delbourgo and Gregory eq. 3.8 for
    /// monotonicity, 3.18 for convexity or concavity). The conditions are held as 0 or 1 and
    /// combined by products and maxima (no mask operations, which Swift compiles lane by lane).
    @inlinable @inline(__always)
    static func shapePreservingMinimum(dLeft: Lanes, dRight: Lanes, slope: Lanes, prefer: Bool) -> Lanes {
        let one = Lanes(repeating: 1)
        let zero = Lanes()
        func flag(_ condition: SIMDMask<Lanes.MaskStorage>) -> Lanes { pick(condition, one, zero) }
        let monotonic = flag(dLeft * slope .>= 0) * flag(dRight * slope .>= 0)
        let convex = flag(dLeft .<= slope) * flag(slope .<= dRight)
        let concave = flag(dLeft .>= slope) * flag(slope .>= dRight)
        let curved = convex.replacing(with: concave, where: concave .> convex)
        let none = Lanes(repeating: -Double.greatestFiniteMagnitude)
        let maximum = Lanes(repeating: RationalCubic.maximumControl)
        let preferred = prefer ? maximum : none
        let r1 = pick(monotonic .> 0, pick(slope .!= 0, (dRight + dLeft) / slope, preferred), none)
        let leftGap = slope - dLeft
        let rightGap = dRight - slope
        let spread = dRight - dLeft
        let (leftRatio, rightRatio) = (magnitude(spread / leftGap), magnitude(spread / rightGap))
        let gaps = rightRatio.replacing(with: leftRatio, where: leftRatio .> rightRatio)
        let r2 = pick(
            curved .> 0, pick(leftGap .!= 0, pick(rightGap .!= 0, gaps, preferred), preferred),
            pick(monotonic .> 0, preferred, none))
        // max(max(minimum, r1), r2) as Swift's `max` takes it: the second argument where it is
        // at least the first, else the first (so a NaN second argument is dropped).
        let withR1 = pick(r1 .>= RationalCubic.minimumControl, r1, Lanes(repeating: RationalCubic.minimumControl))
        return pick(r2 .>= withR1, r2, withR1)
    }

    /// Φ⁻¹(p) by the rational estimate of Abramowitz and Stegun 26.2.23 alone (|error| <
    /// 4.5e-4, no Halley step, unlike `NormalDistribution.quantileEstimate`), for 0 < p ≤ ½
    /// (`NormalDistribution.quantile(p, halleySteps: 0)` on that domain, which takes the same
    /// t = √(-2 ln p)). `ofCubeRoot` takes p = v^{1/3} for normal v in (0, 1] through
    /// ln p = ln(v)/3, one lane `log` where the scalar guess takes `cbrt` and then `log`, and
    /// also returns ln p; `logarithm` takes ln p itself.
    @inlinable @inline(__always)
    static func rationalQuantileEstimate(ofCubeRoot v: Lanes) -> (estimate: Lanes, logarithm: Lanes) {
        let logarithm = log(v) * (1.0 / 3)
        return (rationalQuantileEstimate(logarithm: logarithm), logarithm)
    }

    @inlinable @inline(__always)
    static func rationalQuantileEstimate(logarithm: Lanes) -> Lanes {
        let t = (-2 * logarithm).squareRoot()
        let numerator = 2.515517 + t * (0.802853 + t * 0.010328)
        let denominator = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308))
        return numerator / denominator - t
    }
}
