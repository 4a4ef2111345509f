/// The standard normal distribution: density, cumulative distribution and Mills ratio.
///
/// Accuracy: Φ's lower tail is computed as φ(x)·R(|x|), the density (x² split exactly, so its
/// relative error is a few ulp at any x) times the upper-tail Mills ratio R(d) = (1 - Φ(d))/φ(d)
/// (`upperMillsRatio`: a table, 3.9e-16 at worst), so it keeps its *relative* precision down to
/// the smallest normal doubles (Φ(-37.5) ≈ 4.6e-308); the naive 1 - Φ(-x) would return 0 far
/// earlier. Neither `erfc` nor a second `exp` is called, and callers that already hold φ(x) pass
/// it to `lowerTail` and pay no `exp` at all.
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
        let lo = (-hi).addingProduct(x, x)
        return inverseSqrtTwoPi * exp(-0.5 * hi) * (1 - 0.5 * lo)
    }

    /// Φ(x), relative accuracy in both tails (upper tail: 1 - Φ(x) is `cdf(-x)`).
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        let lower = lowerTail(x, density: pdf(x))
        return x <= 0 ? lower : 1 - lower
    }

    /// Φ(-|x|) given `density` = φ(x) (the lower tail is at most ½, so 1 minus it keeps the
    /// upper one relatively exact). Where φ(x) underflows (|x| > 38.6) the tail is 0, as a
    /// double would hold it (Φ(-38.6) ≈ 1e-326).
    @inlinable
    public static func lowerTail(_ x: Double, density: Double) -> Double {
        density * upperMillsRatio(abs(x))
    }

    /// The Mills ratio m(z) = Φ(z)/φ(z) = √(π/2)·erfcx(-z/√2) = ∫₀^∞ exp(z·u - u²/2) du.
    /// Finite and accurate where Φ and φ both underflow (z ≪ 0, m(z) ≈ 1/|z|).
    @inlinable
    public static func millsRatio(_ z: Double) -> Double {
        upperMillsRatio(-z)
    }

    /// R(d) = (1 - Φ(d))/φ(d) = m(-d) (NaN gives NaN, +∞ gives 0).
    /// - 0 ≤ d ≤ 38: `millsRatioTable` (`Tools/fixtures/make_mills_ratio_table.py`: 56 intervals
    ///   uniform in y = 6/(6+d), on each a degree-7 polynomial in z = (d - D)·y·K interpolating
    ///   40-digit values; z is formed from d - D, nearly exact, times y, so the rounding of y
    ///   scales z by a relative ε instead of shifting it, which near d = 0 would cost several
    ///   ulp). Summed by Estrin's scheme: three levels of multiply-add latency instead of
    ///   Horner's seven, which is what the ratio costs inside a pricing loop; |z| ≤ 1.02 and
    ///   successive coefficients fall by a factor of 15 or more, so the order of summation
    ///   changes nothing visible. No `exp`, no `erfc`: one division and eight multiply-adds.
    ///   Tested against mpmath (`mills_ratio_reference.csv`).
    /// - d > 38: R(d) = (1/d)·Σ_k (-1)^k (2k-1)!!/d^{2k} (Abramowitz & Stegun 26.2.12), whose
    ///   terms shrink by a factor of at most 23/38² per step: 12 terms reach double precision.
    /// - d < 0: √(π/2)·erfcx(d/√2) by erfcx's own branch for negative arguments (exp·erfc).
    @inlinable @inline(__always)
    public static func upperMillsRatio(_ d: Double) -> Double {
        if d >= 0 && d <= 38 {
            // y·64 is exact; y ≥ 6/44 > 8/64 keeps the row in range, y = 1 (d = 0) joins the
            // last row.
            let y = 6 / (6 + d)
            return tabulatedUpperMillsRatio(d, y: y, row: min(Int(y * 64), 63) &- millsRatioTableFirstInterval)
        }
        if d > 38 { return asymptoticUpperMillsRatio(d) }
        if d.isNaN { return d }
        return sqrtHalfPi * erfcx(d * inverseSqrtTwo)
    }

    /// The table's polynomial of `row` at d (y = 6/(6+d)); valid for d in the row's interval
    /// widened by 1% of its width each side (the tests evaluate neighbouring rows at a boundary).
    @inlinable @inline(__always)
    static func tabulatedUpperMillsRatio(_ d: Double, y: Double, row: Int) -> Double {
        millsRatioTable.withUnsafeBufferPointer { table in
            let c = table.baseAddress! + row &* millsRatioTableRowLength
            let z = (d - c[0]) * y * c[1]
            let z2 = z * z
            let low = (c[2] + c[3] * z) + z2 * (c[4] + c[5] * z)
            let high = (c[6] + c[7] * z) + z2 * (c[8] + c[9] * z)
            return low + (z2 * z2) * high
        }
    }

    @usableFromInline
    static func asymptoticUpperMillsRatio(_ d: Double) -> Double {
        let inverseSquare = 1 / (d * d)
        var term = 1.0
        var sum = 1.0
        for k in 1...12 {
            term *= -Double(2 * k - 1) * inverseSquare
            sum += term
        }
        return sum / d
    }
}
