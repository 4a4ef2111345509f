/// The scaled complementary error function erfcx(x) = exp(x²)·erfc(x).
///
/// The C library has `erfc` (accurate to a few ulp, relative, even deep in its tail) but not
/// `erfcx`. Multiplying naively by `exp(x*x)` loses about x²·ε of relative accuracy because x*x
/// is rounded before exponentiation; splitting x² exactly into hi + lo with a fused multiply-add
/// keeps the product within a few ulp.
///
/// Regions:
/// - x < -26.6: exp(x²) overflows a double, so the result is +infinity (the true value exceeds
///   1.7e308); callers only reach here for prices that are beyond double range anyway.
/// - -26.6 ≤ x ≤ 26: exp(hi)·(1 + lo)·erfc(x) with hi = fl(x²), lo = fma(x, x, -hi).
/// - x > 26: erfc underflows, so the asymptotic series
///   erfcx(x) = 1/(x√π) · Σ_k (-1)^k (2k-1)!! / (2x²)^k (Abramowitz & Stegun 7.1.23), whose
///   terms fall by at least 1/(2·26²) per step; 12 terms reach double precision.
/// - NaN in, NaN out (callers validate their inputs before this point).
@inlinable
public func erfcx(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x < -26.6 { return .infinity }
    if x <= 26 {
        let hi = x * x
        let lo = fma(x, x, -hi)
        return exp(hi) * (1 + lo) * erfc(x)
    }
    let inverseTwoXSquared = 1 / (2 * x * x)
    var term = 1.0
    var sum = 1.0
    for k in 1...12 {
        term *= -Double(2 * k - 1) * inverseTwoXSquared
        sum += term
    }
    return sum / (x * 1.772_453_850_905_516_0)  // √π
}
