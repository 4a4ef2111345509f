/// The standard normal distribution: density, cumulative distribution and Mills ratio.
///
/// Accuracy: `cdf` is computed as ½·erfc(-x/√2) so that the lower tail keeps its *relative*
/// precision down to the smallest normal doubles (Φ(-37.5) ≈ 4.6e-308); the naive 1 - Φ(-x)
/// would return 0 far earlier. The only loss is the rounding of x/√2, which perturbs Φ(x) by a
/// relative |x|²·ε at most (about 3e-13 at x = -37).
public enum NormalDistribution {
    @usableFromInline static let inverseSqrtTwoPi = 0.398_942_280_401_432_677_94
    @usableFromInline static let inverseSqrtTwo = 0.707_106_781_186_547_524_40
    @usableFromInline static let sqrtHalfPi = 1.253_314_137_315_500_251_2

    /// φ(x) = exp(-x²/2)/√(2π). Exact split of x² keeps relative accuracy for large |x|.
    @inlinable
    public static func pdf(_ x: Double) -> Double {
        // Beyond |x| = 38.6 the density is below the smallest subnormal; returning early also
        // keeps x*x from overflowing into ∞·0 = NaN for huge |x|.
        if !(abs(x) <= 38.6) { return x.isNaN ? x : 0 }
        let hi = x * x
        let lo = fma(x, x, -hi)
        return inverseSqrtTwoPi * exp(-0.5 * hi) * (1 - 0.5 * lo)
    }

    /// Φ(x), relative accuracy in both tails (upper tail: 1 - Φ(x) is `cdf(-x)`).
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x * inverseSqrtTwo)
    }

    /// The Mills ratio m(z) = Φ(z)/φ(z) = √(π/2)·erfcx(-z/√2) = ∫₀^∞ exp(z·u - u²/2) du.
    /// Finite and accurate where Φ and φ both underflow (z ≪ 0, m(z) ≈ 1/|z|).
    @inlinable
    public static func millsRatio(_ z: Double) -> Double {
        sqrtHalfPi * erfcx(-z * inverseSqrtTwo)
    }
}
