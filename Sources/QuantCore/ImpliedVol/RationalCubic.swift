/// Shape-preserving rational cubic interpolation (Delbourgo & Gregory, "Shape preserving
/// piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6, 1985), in the form used by
/// Jäckel's "Let's Be Rational" for its initial guesses:
///
///     S(t) = [y_r t³ + (r y_r - h d_r) t²(1-t) + (r y_l + h d_l) t(1-t)² + y_l (1-t)³]
///            / [1 + (r - 3) t(1-t)],   t = (X - x_l)/h,  h = x_r - x_l
///
/// matching values y and slopes d at both ends; r = 3 is the cubic Hermite, r → ∞ is linear.
/// The control parameter r is chosen to reproduce a known second derivative at one end, but
/// never below the minimum that keeps the interpolant monotone and convex/concave like the data.
@usableFromInline
struct RationalCubic {
    @usableFromInline static let maximumControl = 2 / (Double.ulpOfOne * Double.ulpOfOne)
    @usableFromInline static let minimumControl = -(1 - Double.ulpOfOne.squareRoot())

    @usableFromInline let xLeft, xRight, yLeft, yRight, dLeft, dRight, control: Double

    @inlinable
    init(xLeft: Double, xRight: Double, yLeft: Double, yRight: Double, dLeft: Double, dRight: Double,
         secondDerivative: Double, atLeft: Bool, preferShapePreservation: Bool) {
        self.xLeft = xLeft
        self.xRight = xRight
        self.yLeft = yLeft
        self.yRight = yRight
        self.dLeft = dLeft
        self.dRight = dRight
        let h = xRight - xLeft
        let slope = (yRight - yLeft) / h
        // S''(x_l) = (2/h)[r(Δ - d_l) - (d_r - d_l)],  S''(x_r) = (2/h)[r(d_r - Δ) - (d_r - d_l)].
        let numerator = 0.5 * h * secondDerivative + (dRight - dLeft)
        let denominator = atLeft ? slope - dLeft : dRight - slope
        let fitted: Double
        if abs(numerator) < Double.leastNormalMagnitude {
            fitted = 0
        } else if abs(denominator) < Double.leastNormalMagnitude {
            fitted = numerator > 0 ? Self.maximumControl : Self.minimumControl
        } else {
            fitted = numerator / denominator
        }
        control = max(fitted, Self.shapePreservingMinimum(
            dLeft: dLeft, dRight: dRight, slope: slope, prefer: preferShapePreservation))
    }

    /// Smallest r keeping monotonicity (D-G eq. 3.8) and convexity or concavity (eq. 3.18).
    @inlinable
    static func shapePreservingMinimum(dLeft: Double, dRight: Double, slope: Double, prefer: Bool) -> Double {
        let monotonic = dLeft * slope >= 0 && dRight * slope >= 0
        let convex = dLeft <= slope && slope <= dRight
        let concave = dLeft >= slope && slope >= dRight
        if !monotonic && !convex && !concave { return minimumControl }
        var r1 = -Double.greatestFiniteMagnitude
        var r2 = -Double.greatestFiniteMagnitude
        if monotonic {
            if slope != 0 {
                r1 = (dRight + dLeft) / slope
            } else if prefer {
                r1 = maximumControl
            }
        }
        if convex || concave {
            let leftGap = slope - dLeft
            let rightGap = dRight - slope
            if leftGap != 0 && rightGap != 0 {
                r2 = max(abs((dRight - dLeft) / rightGap), abs((dRight - dLeft) / leftGap))
            } else if prefer {
                r2 = maximumControl
            }
        } else if monotonic && prefer {
            r2 = maximumControl
        }
        return max(minimumControl, r1, r2)
    }

    @inlinable
    func callAsFunction(_ x: Double) -> Double {
        let h = xRight - xLeft
        if abs(h) <= 0 { return 0.5 * (yLeft + yRight) }
        let t = (x - xLeft) / h
        if control >= Self.maximumControl { return yRight * t + yLeft * (1 - t) }
        let omt = 1 - t
        let t2 = t * t
        let omt2 = omt * omt
        let numerator = yRight * t2 * t + (control * yRight - h * dRight) * t2 * omt
            + (control * yLeft + h * dLeft) * t * omt2 + yLeft * omt2 * omt
        return numerator / (1 + (control - 3) * t * omt)
    }
}
