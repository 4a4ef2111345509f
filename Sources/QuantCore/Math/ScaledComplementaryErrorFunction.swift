/// The scaled complementary error function erfcx(x) = exp(x²)·erfc(x).
///
/// Regions:
/// - x ≥ 0: √(2/π)·R(√2·x) with R the upper-tail Mills ratio (`NormalDistribution
///   .upperMillsRatio`: a table, then its asymptotic series); the rounding of √2·x perturbs R by
///   a relative ε at most (its logarithmic derivative is below 1 in size). +∞ gives 0.
/// - -26.6 ≤ x < 0: exp(hi)·(1 + lo)·erfc(x) with hi = fl(x²), lo = fma(x, x, -hi): x² split
///   exactly so that the rounding of x² does not cost x²·ε (erfc is accurate to a few ulp there,
///   being at least 1).
/// - x < -26.6: exp(x²) overflows a double, so the result is +infinity (the true value exceeds
///   1.7e308); callers only reach here for prices that are beyond double range anyway.
/// - NaN in, NaN out (callers validate their inputs before this point).
@inlinable
public func erfcx(_ x: Double) -> Double {
    if x >= 0 {
        // √2·x ≥ 0 here, so this takes R's table or series, never its branch back to erfcx.
        return 0.797_884_560_802_865_355_88 * NormalDistribution.upperMillsRatio(1.414_213_562_373_095_048_8 * x)
    }
    if x.isNaN { return .nan }
    if x < -26.6 { return .infinity }
    let hi = x * x
    let lo = (-hi).addingProduct(x, x)
    return exp(hi) * (1 + lo) * erfc(x)
}
