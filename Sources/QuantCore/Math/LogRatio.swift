/// ln(a/b) for positive a, b, accurate to a few ulp of the *result* even when a ≈ b.
///
/// log(a/b) has an absolute error of ε/2 from rounding a/b, which is a large relative error
/// when the result is near 0. Within a factor 2, a - b is exact (Sterbenz), so log1p((a-b)/b)
/// keeps relative accuracy; at-the-money option prices with tiny σ√T depend on that.
@inlinable
public func logRatio(_ a: Double, _ b: Double) -> Double {
    if a > 0.5 * b && a < 2 * b { return log1p((a - b) / b) }
    return log(a / b)
}
