import MarketData
import QuantCore
import Strategy
import VolModels

/// Daily P&L attribution of the open condor by greeks (dollars), summed over the run:
///
///     ΔV ≈ Δ·ΔS + ½Γ·ΔS² + Θ·Δt + ν·(Δσ − Δσ_event) + ν·Δσ_event + residual
///
/// with the greeks of the position at the previous close (QuantCore conventions: vega per 1.00
/// vol, theta per year, Δt in years), ΔS the S&P 500 change, Δσ each leg's model implied-vol
/// change, and Δσ_event the part of it caused by scheduled events released between the two
/// closes (their jump variance leaving the leg's total variance: "temporal theta"). ΔV is the
/// change of the model mid value of the position; entry and exit costs (credit or closing cost
/// against model mid, and fees) are reported separately, so that
/// delta + gamma + vega + theta + eventTheta + residual + costs = the condor's P&L.
public struct GreeksAttribution: Sendable, Codable, Equatable {
    public var delta = 0.0
    public var gamma = 0.0
    public var vega = 0.0
    public var theta = 0.0
    public var eventTheta = 0.0
    public var residual = 0.0
    /// Fill and fee costs against model mids, at entry and exit.
    public var costs = 0.0

    public var total: Double { delta + gamma + vega + theta + eventTheta + residual + costs }
}

/// The open condor's state at a close, kept for the next session's attribution.
struct CondorSnapshot {
    struct Leg {
        var type: OptionType
        var strike: Double
        /// Signed units: +100·qty long, −100·qty short.
        var units: Double
        var valuation: OptionValuation
        var vol: Double
        /// The leg's vol with the events released before the next close removed.
        var volAfterEvents: Double
    }

    var spot: Double
    var years: Double
    var value: Double
    var legs: [Leg]

    static func take(_ condor: IronCondor, inputs: MarketInputs, pricer: CondorModelPricer, releasedBeforeNext: Double) -> CondorSnapshot {
        let years = inputs.years(to: condor.expiry)
        let surface = pricer.model.surface
        let parameters = pricer.model.parameters.surface
        var legs: [Leg] = []
        var value = 0.0
        for (type, strike, sign) in condor.signedLegs {
            let units = sign * condor.pointValue
            let valuation = pricer.value(type, strike: strike, spot: inputs.spot, years: years)
            // At expiry (years = 0) there is no implied vol: the leg is worth its intrinsic value.
            let vol = years > 0 ? pricer.volatility(strike: strike, years: years) : 0
            var volAfter = vol
            if releasedBeforeNext > 0 && years > 0 {
                let rate = inputs.rates.rate(years: years)
                let forward = inputs.spot * exp((rate - parameters.dividendYield) * years)
                let theta = max(1e-12, surface.atmTotalVariance(years) - releasedBeforeNext)
                let slice = SSVISlice(uncheckedTheta: theta, rho: parameters.rho, eta: parameters.eta, gamma: parameters.gamma)
                volAfter = (slice.totalVariance(k: log(strike / forward)) / years).squareRoot()
            }
            legs.append(Leg(type: type, strike: strike, units: units, valuation: valuation, vol: vol, volAfterEvents: volAfter))
            value += units * valuation.price
        }
        return CondorSnapshot(spot: inputs.spot, years: years, value: value, legs: legs)
    }
}

extension GreeksAttribution {
    /// Adds one session's explanation of the move from `previous` to `current` (same condor).
    mutating func add(from previous: CondorSnapshot, to current: CondorSnapshot) {
        let ds = current.spot - previous.spot
        let dt = previous.years - current.years
        var explained = 0.0
        for (old, new) in zip(previous.legs, current.legs) {
            let v = old.valuation
            // On the expiry day the move is intrinsic value against the last model value: no vol
            // change is attributed, so theta and the residual carry it.
            let dVol = current.years > 0 ? new.vol - old.vol : 0
            let dEvent = old.volAfterEvents - old.vol
            let parts = (
                delta: old.units * v.delta * ds, gamma: old.units * 0.5 * v.gamma * ds * ds,
                theta: old.units * v.theta * dt, vega: old.units * v.vega * (dVol - dEvent), event: old.units * v.vega * dEvent
            )
            delta += parts.delta
            gamma += parts.gamma
            theta += parts.theta
            vega += parts.vega
            eventTheta += parts.event
            explained += parts.delta + parts.gamma + parts.theta + parts.vega + parts.event
        }
        residual += (current.value - previous.value) - explained
    }
}
