/// The lane maths for other modules: four values at a time, compiled here.
///
/// `LaneMath` is inlined into QuantCore's own kernels. These entry points are deliberately not
/// `@inlinable`. Compiled in QuantCore, which is built for this processor, their fused
/// multiply-adds are single instructions. Inlined into a module built for the generic
/// processor, each would become a library call per lane.
///
/// Each lane's value is the same whatever the other lanes hold.
public enum LaneFunctions {
    /// e^a, lane-wise, for a ≤ 0.
    ///
    /// - For a in [-700, 0]: within about 1 ulp (`LaneMath.exp`: fdlibm's reduction, Taylor to
    ///   r¹³).
    /// - For a below -700: 0. The absolute error is under e^{-700} ≈ 1e-304.
    /// - For NaN: NaN.
    /// - a > 0 is outside the domain. Callers must not pass it: such lanes get meaningless values.
    public static func exp(_ a: Lanes) -> Lanes {
        let tiny = a .< -700
        let inDomain = a.replacing(with: Lanes(repeating: 0), where: tiny)
        return LaneMath.exp(inDomain, plus: Lanes(repeating: 0)).replacing(with: Lanes(repeating: 0), where: tiny)
    }

    /// φ(d) = e^{-d²/2}/√(2π), lane-wise.
    ///
    /// - For |d| ≤ 37: within a few ulp, with d²'s rounding recovered (`LaneMath.normalDensity`).
    /// - For larger |d|, including ±∞: 0. The true value is below φ(37) ≈ 2.1e-298.
    /// - For NaN: NaN.
    public static func normalDensity(_ d: Lanes) -> Lanes {
        let far = LaneMath.magnitude(d) .> 37
        let inDomain = d.replacing(with: Lanes(repeating: 0), where: far)
        return LaneMath.normalDensity(inDomain).replacing(with: Lanes(repeating: 0), where: far)
    }
}
