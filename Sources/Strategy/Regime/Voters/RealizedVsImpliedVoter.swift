import MarketData
import QuantCore

/// `realized_vs_implied`: SPX realised volatility RV = annualised sample σ of the last
/// `realized_period` (20) daily log returns × 100 (vol points, `Indicators.realizedVolatility`
/// convention) against the VIX close of the same date; premium = VIX − RV.
///
/// - stress: RV ≥ `realized_stress_level` (25) or premium ≥ `implied_premium_stress` (10 points:
///   options suddenly price far more movement than the market has shown).
/// - relief_rally: premium ≤ 0 and RV ≥ `realized_relief_minimum` (12): implied has already
///   fallen to or below a still-turbulent realised vol.
/// - calm: otherwise.
/// - abstain: SPX or VIX missing or stale, or their last dates differ.
public struct RealizedVsImpliedVoter: RegimeVoter {
    public let name = "realized_vs_implied"
    public let uses = ["SPX", "VIX"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let spx: [Observation]
        let vix: [Observation]
        switch try input.freshDaily("SPX", minimumCount: rules.realizedPeriod + 1) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): spx = s
        }
        switch try input.freshDaily("VIX", minimumCount: 1) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): vix = s
        }
        guard spx.last!.date == vix.last!.date else {
            return abstain("SPX (\(spx.last!.date)) and VIX (\(vix.last!.date)) end on different dates")
        }
        var estimator = RealizedVolatility(period: rules.realizedPeriod)
        var last: Double?
        for observation in spx.suffix(rules.realizedPeriod + 1) { last = estimator.update(observation.value) }
        guard let rv = last.map({ $0 * 100 }) else { return abstain("SPX realised volatility not defined") }
        let implied = vix.last!.value
        let premium = implied - rv
        let values = ["realized_vol": rv, "vix": implied, "premium": premium]
        if rv >= rules.realizedStressLevel {
            return reading(.stress, "SPX \(rules.realizedPeriod)-day realised vol \(fmt(rv)) ≥ \(fmt(rules.realizedStressLevel))", values)
        }
        if premium >= rules.impliedPremiumStress {
            return reading(.stress, "VIX \(fmt(implied)) is \(fmt(premium)) points above realised \(fmt(rv)): fear premium", values)
        }
        if premium <= 0, rv >= rules.realizedReliefMinimum {
            return reading(.reliefRally, "VIX \(fmt(implied)) at or below a turbulent realised vol \(fmt(rv)): implied letting go", values)
        }
        return reading(.calm, "VIX \(fmt(implied)) vs realised \(fmt(rv)): premium \(fmt(premium))", values)
    }
}
