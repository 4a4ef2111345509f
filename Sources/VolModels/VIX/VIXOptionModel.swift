#if canImport(QuantCore)
    import QuantCore
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// European VIX options priced with Black-76 on the VIX future of the same expiry (each VIX
/// option settles on the same special opening quotation as that month's future, so the future,
/// not spot VIX, is the underlying):
///
///     C = e^{-rT}[F·Φ(d₁) - K·Φ(d₂)],  P = e^{-rT}[K·Φ(-d₂) - F·Φ(-d₁)],
///     d₁ = ln(F/K)/(σ√T) + σ√T/2,  d₂ = d₁ - σ√T,   σ = σ(K; F, T, VIX) from the smile below.
///
/// Volatility: ATM vol of vol σ_v(VIX, T) = clip(base·(VIX/θ)^(-β)·(T/T₀)^(-δ)) and an SSVI
/// smile in k = ln(K/F) with ATM total variance σ_v²T and positive ρ (upward call skew); all
/// formulas, defaults and sources are in `VIXOptionParameters`, θ comes from the futures
/// curve's `VIXTermStructureParameters`.
///
/// Units: VIX, F, K in index points (no ×100 contract multiplier); T in years; r continuously
/// compounded; σ per √year. Greeks in the returned `OptionValuation` are Black-76 greeks at the
/// strike's smile volatility with that volatility held fixed (no smile dynamics, and σ_v's
/// dependence on spot VIX is ignored); vega is per 1.00 of that volatility.
///
/// Static arbitrage: for a fixed (F, T, VIX) the call price is non-increasing and convex in K
/// (SSVI with η(1+|ρ|) ≤ 2 has no butterfly arbitrage) and put-call parity C - P = e^{-rT}(F - K)
/// holds by construction. Calls of different expiries are on different futures, so calendar
/// arbitrage is not defined between them; the ATM total variance σ_v²T is nevertheless
/// non-decreasing in T for fixed VIX (δ < 1/2 and a constant clip).
///
/// Limits: a parametric smile, not a fit to quotes; σ_v depends on spot VIX only (not on the
/// shape of the futures curve); as T → 0 the clipped ATM vol stays finite but SSVI wings steepen,
/// which is the usual short-expiry behaviour of the parametrisation.
public struct VIXOptionModel: Sendable, Hashable, Codable {
    /// Supplies θ for σ_v and the future in the convenience `price(_:strike:time:rate:vix:)`.
    public let curve: VIXFuturesCurve
    public let parameters: VIXOptionParameters

    public init(curve: VIXFuturesCurve = VIXFuturesCurve(), parameters: VIXOptionParameters = .standard) {
        self.curve = curve
        self.parameters = parameters
    }

    /// σ_v(VIX, T) = clip(base·(VIX/θ)^(-β)·(T/T₀)^(-δ), min, max); T ≥ 0 in years (T = 0 gives
    /// the upper clip when δ > 0).
    public func atmVolatility(vix: Double, time: Double) throws(VIXModelError) -> Double {
        try VIXCheck.positive(vix, "vix")
        try VIXCheck.nonNegative(time, "T")
        return uncheckedATMVolatility(vix: vix, time: time)
    }

    func uncheckedATMVolatility(vix: Double, time: Double) -> Double {
        let p = parameters
        let level = pow(vix / curve.parameters.longRunLevel, -p.levelElasticity)
        let term = p.termElasticity == 0 ? 1 : pow(time / p.referenceTime, -p.termElasticity)
        let raw = p.atmVolatilityAtLongRun * level * term
        return min(max(raw, p.minimumVolatility), p.maximumVolatility)
    }

    /// The SSVI slice (`SSVISlice`, γ = 1/2) for a VIX level and option expiry T > 0 in years:
    /// θ_T = σ_v(VIX, T)²·T, ρ = `skewCorrelation`, η = `skewLevel`. Its `durrlemanG(k:)` is the
    /// butterfly-arbitrage density check.
    public func smile(vix: Double, time: Double) throws(VIXModelError) -> SSVISlice {
        try VIXCheck.positive(time, "T")
        let atm = try atmVolatility(vix: vix, time: time)
        return SSVISlice(
            uncheckedTheta: atm * atm * time, rho: parameters.skewCorrelation, eta: parameters.skewLevel,
            gamma: VIXOptionParameters.ssviGamma)
    }

    /// SSVI total implied variance w(k) at log-moneyness k = ln(K/F) (any finite k), T ≥ 0
    /// (w ≡ 0 at T = 0).
    public func totalVariance(logMoneyness: Double, vix: Double, time: Double) throws(VIXModelError) -> Double {
        try VIXCheck.finite(logMoneyness, "k")
        try VIXCheck.positive(vix, "vix")
        try VIXCheck.nonNegative(time, "T")
        guard time > 0 else { return 0 }
        return try smile(vix: vix, time: time).totalVariance(k: logMoneyness)
    }

    /// Black-76 implied volatility σ(K) = √(w(ln(K/F))/T) of the modelled smile. Needs K, F,
    /// VIX > 0 and T > 0 (throws `notPositive(field: "T")` at T = 0, where σ is undefined).
    public func impliedVolatility(strike: Double, future: Double, time: Double, vix: Double) throws(VIXModelError) -> Double {
        try VIXCheck.positive(strike, "K")
        try VIXCheck.positive(future, "F")
        try VIXCheck.positive(time, "T")
        let w = try totalVariance(logMoneyness: log(strike / future), vix: vix, time: time)
        return (w / time).squareRoot()
    }

    /// Black-76 value and greeks of a VIX option on the future `future` of the same expiry, at the
    /// smile volatility for `strike`. T = 0 returns the intrinsic value (Black-76 with σ = 0).
    public func price(
        _ type: OptionType, strike: Double, future: Double, time: Double, rate: Double, vix: Double
    ) throws(VIXModelError) -> OptionValuation {
        try VIXCheck.positive(strike, "K")
        try VIXCheck.positive(future, "F")
        try VIXCheck.nonNegative(time, "T")
        try VIXCheck.positive(vix, "vix")
        let volatility = time > 0 ? try impliedVolatility(strike: strike, future: future, time: time, vix: vix) : 0
        do {
            return try Black76.value(type, forward: future, strike: strike, time: time, rate: rate, volatility: volatility)
        } catch {
            throw .pricing(error)
        }
    }

    /// As `price(_:strike:future:time:rate:vix:)` with the future taken from `curve`:
    /// F = θ + (VIX - θ)·e^{-κT}.
    public func price(
        _ type: OptionType, strike: Double, time: Double, rate: Double, vix: Double
    ) throws(VIXModelError) -> OptionValuation {
        let future = try curve.future(vix: vix, timeToExpiry: time)
        return try price(type, strike: strike, future: future, time: time, rate: rate, vix: vix)
    }
}
