/// ln(a/b) for positive a, b, accurate to a few ulp of the *result* even when a ≈ b.
///
/// log(fl(a/b)) alone has an absolute error of ε/2 from rounding the quotient, which is a large
/// relative error when the result is near 0 (at-the-money options with tiny σ√T depend on it).
/// The rounding is recovered exactly: with r = fl(a/b), e = a - r·b is exact by a fused
/// multiply-add, and ln(a/b) = ln r + ln(1 + e/(r·b)) ≈ ln r + e/(r·b) (the dropped term is
/// below ε²). This costs one `log` instead of the slower `log1p`.
@inlinable
public func logRatio(_ a: Double, _ b: Double) -> Double {
    let r = a / b
    let remainder = a.addingProduct(-r, b)
    return log(r) + remainder / (r * b)
}
