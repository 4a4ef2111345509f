import Foundation
import QuantCore
import VolModels

/// Reprices condor legs off a day's SPX model for what-if spots and shorter times, the way the
/// chain generator prices them: Black-Scholes-Merton with the surface's dividend yield, the
/// Treasury rate at the remaining maturity, and the surface implied vol of the strike,
///
///     σ(K, τ) = √(w(ln(K/F_τ), τ) / τ),   F_τ = S₀·e^{(r_τ − q)τ}
///
/// with w the model's SSVI total variance, S₀ the valuation-day spot and τ the remaining time
/// (ACT/365 years). Sticky strike: the smile stays where it is in strike when the spot moves
/// (the surface is not re-anchored to the new spot or a new VIX). At the chain's own spot and
/// times it reproduces the chain's model mids exactly. At τ ≤ 0 it returns intrinsic value.
public struct CondorModelPricer: Sendable {
    public let model: SPXMarketModel

    public init(model: SPXMarketModel) { self.model = model }

    /// Surface implied vol of `strike` at `years` to expiry (per √year).
    public func volatility(strike: Double, years: Double) -> Double {
        let inputs = model.inputs
        let q = model.parameters.surface.dividendYield
        let rate = inputs.rates.rate(years: years)
        let forward = inputs.spot * exp((rate - q) * years)
        return (model.surface.slice(years).totalVariance(k: log(strike / forward)) / years).squareRoot()
    }

    /// Value and greeks of one long option at `spot` with `years` left.
    public func value(_ type: OptionType, strike: Double, spot: Double, years: Double) -> OptionValuation {
        guard years > 0 else {
            let intrinsic = max(type.sign * (spot - strike), 0)
            let inTheMoney = type.sign * (spot - strike) > 0
            return OptionValuation(price: intrinsic, delta: inTheMoney ? type.sign : 0, gamma: 0, vega: 0, theta: 0, rho: 0)
        }
        let rate = model.inputs.rates.rate(years: years)
        let kernel = BlackScholesMerton.Expiry(spot: spot, time: years, rate: rate, dividendYield: model.parameters.surface.dividendYield)
        return kernel.value(type, strike: strike, volatility: volatility(strike: strike, years: years))
    }

    /// Model value of one condor unit (index points, what buying it back costs at mid):
    /// P(shortPut) − P(longPut) + C(shortCall) − C(longCall).
    public func condorValue(_ condor: IronCondor, spot: Double, years: Double) -> Double {
        value(.put, strike: condor.shortPut, spot: spot, years: years).price
            - value(.put, strike: condor.longPut, spot: spot, years: years).price
            + value(.call, strike: condor.shortCall, spot: spot, years: years).price
            - value(.call, strike: condor.longCall, spot: spot, years: years).price
    }

    /// Risk-neutral P(S_T > K) from the surface's digital price: −e^{rT}·∂C/∂K with C(K) priced
    /// at σ(K, T), so the smile's slope is included (= N(d₂) − e^{rT}·vega·∂σ/∂K). Central
    /// difference with h = 1e-4·K (price error ≈ 1e-13 relative, truncation O(h²)).
    public func probabilityAbove(_ strike: Double, years: Double) -> Double {
        guard years > 0 else { return model.inputs.spot > strike ? 1 : 0 }
        let h = 1e-4 * strike
        let spot = model.inputs.spot
        let up = value(.call, strike: strike + h, spot: spot, years: years).price
        let down = value(.call, strike: strike - h, spot: spot, years: years).price
        let rate = model.inputs.rates.rate(years: years)
        return min(1, max(0, -exp(rate * years) * (up - down) / (2 * h)))
    }

    /// Lognormal P(S_T > K) = N(d₂) at the strike's own surface vol (ignores the smile's slope).
    public func lognormalProbabilityAbove(_ strike: Double, years: Double) -> Double {
        guard years > 0 else { return model.inputs.spot > strike ? 1 : 0 }
        let q = model.parameters.surface.dividendYield
        let rate = model.inputs.rates.rate(years: years)
        let forward = model.inputs.spot * exp((rate - q) * years)
        let s = volatility(strike: strike, years: years) * years.squareRoot()
        return NormalDistribution.cdf(log(forward / strike) / s - 0.5 * s)
    }
}
