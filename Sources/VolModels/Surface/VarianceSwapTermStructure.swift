import QuantCore

/// Term structure of fair variance-swap variance anchored on the 30-day point (the VIX),
/// mean-reverting to a long-run level — the expectation of a mean-reverting (Heston-like)
/// instantaneous variance, whose forward variance curve is ξ(t) = L + (ξ₀ − L)e^{−κt}:
///
///     σ²_VS(T) = L + (v₃₀ − L)·g(T)/g(T₃₀),   g(T) = (1 − e^{−κT})/(κT),   T₃₀ = 30/365
///     V(T) = σ²_VS(T)·T,   V'(T) = ξ(T) = L + (v₃₀ − L)·e^{−κT}/g(T₃₀)
///
/// with v₃₀ the 30-day variance-swap variance (VIX/100)² — here the diffusive part, events
/// removed — and L = longRunVolatility². σ²_VS(T₃₀) = v₃₀ exactly.
///
/// Monotonicity: V is non-decreasing iff ξ ≥ 0 on [0, ∞). ξ is monotone in t, so only
/// ξ(0) = v₃₀/g₃₀ − L(1 − g₃₀)/g₃₀ can be negative, which happens when the VIX is far below the
/// long-run level (v₃₀ < L(1 − g₃₀), e.g. VIX < 6.7 with L = 0.04, κ = 3). To keep V strictly
/// increasing the long-run level is then lowered to `effectiveLongRunVariance` =
/// 0.75·v₃₀/(1 − g₃₀), which guarantees ξ(0) ≥ v₃₀/(4g₃₀) > 0 (a documented clamp; the 30-day
/// point is unchanged).
public struct VarianceSwapTermStructure: Sendable, Hashable {
    /// 30 days in years (the VIX horizon, ACT/365 as in the Cboe methodology).
    public static let vixHorizon = 30.0 / 365.0

    /// v₃₀, annualised 30-day variance-swap variance.
    public let thirtyDayVariance: Double
    /// κ per year.
    public let meanReversion: Double
    /// L as requested (longRunVolatility²).
    public let longRunVariance: Double
    /// L actually used (≤ `longRunVariance`; lower only when the clamp above applies).
    public let effectiveLongRunVariance: Double
    @usableFromInline let g30: Double

    public init(thirtyDayVariance v30: Double, meanReversion kappa: Double, longRunVariance: Double) {
        thirtyDayVariance = v30
        meanReversion = kappa
        self.longRunVariance = longRunVariance
        let g30 = VarianceSwapTermStructure.g(VarianceSwapTermStructure.vixHorizon, kappa: kappa)
        self.g30 = g30
        let limit = 0.75 * v30 / (1 - g30)
        effectiveLongRunVariance = min(longRunVariance, limit)
    }

    /// g(T) = (1 − e^{−κT})/(κT), with its series near κT = 0.
    @inlinable
    public static func g(_ t: Double, kappa: Double) -> Double {
        let x = kappa * t
        if abs(x) < 1e-4 { return 1 - x / 2 + x * x / 6 }
        return -expm1(-x) / x
    }

    /// σ²_VS(T), annualised (T > 0).
    @inlinable
    public func variance(_ t: Double) -> Double {
        let l = effectiveLongRunVariance
        return l + (thirtyDayVariance - l) * VarianceSwapTermStructure.g(t, kappa: meanReversion) / g30
    }

    /// V(T) = σ²_VS(T)·T, total variance (0 at T = 0, strictly increasing).
    @inlinable
    public func totalVariance(_ t: Double) -> Double {
        let l = effectiveLongRunVariance
        return l * t + (thirtyDayVariance - l) * (-expm1(-meanReversion * t)) / (meanReversion * g30)
    }

    /// ξ(T) = dV/dT, the forward variance (> 0 for all T ≥ 0).
    @inlinable
    public func forwardVariance(_ t: Double) -> Double {
        let l = effectiveLongRunVariance
        return l + (thirtyDayVariance - l) * exp(-meanReversion * t) / g30
    }
}
