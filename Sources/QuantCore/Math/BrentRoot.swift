/// Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4,
/// zeroin): bisection-safeguarded inverse-quadratic/secant steps. Shared by XIRR and the
/// volatility-surface calibration.
public enum RootFinding {
    /// Finds `x` in `[a, b]` with `f(x) = 0` given `f(a)` and `f(b)` of opposite sign
    /// (or one of them exactly 0). Terminates when the bracket half-width is below
    /// `2 * eps * |x| + xTolerance / 2`. Returns nil without a sign change or if
    /// `maxIterations` is exceeded.
    public static func brent(
        _ f: (Double) -> Double,
        lower a0: Double, upper b0: Double,
        fLower fa0: Double, fUpper fb0: Double,
        xTolerance: Double = 1e-16,
        maxIterations: Int = 200
    ) -> Double? {
        var a = a0, b = b0, fa = fa0, fb = fb0
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa < 0) != (fb < 0) else { return nil }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) {
                c = a; fc = fa; d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * xTolerance
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                // Attempt interpolation.
                var p: Double, q: Double
                let s = fb / fa
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qq = fa / fc, r = fb / fc
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1))
                    q = (qq - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
        }
        return nil
    }
}
