import Foundation
import MarketData

/// `gdp_trend` (confirmation voter): real GDP (GDPC1, quarterly) growth of the latest published
/// quarter, annualised: (x_q / x_{q−1})^4 − 1.
///
/// - stress: growth ≤ `gdp_stress_growth` (0%): contraction.
/// - real_resolution: growth ≥ `gdp_stable_growth` (1%): the economy stable, confirming.
/// - calm: otherwise (weak but positive growth).
/// - abstain: GDPC1 missing or stale (quarterly rule), or the previous quarter missing.
public struct GDPTrendVoter: RegimeVoter {
    public let name = "gdp_trend"
    public let uses = ["GDPC1"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let series: [Observation]
        switch try input.freshPeriodic("GDPC1", .quarterly) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        let last = series.last!
        guard let previous = VoterInput.value(series, monthsBeforeLast: 3), previous > 0 else {
            return abstain("no GDPC1 value for the quarter before \(last.date)")
        }
        let growth = pow(last.value / previous, 4) - 1
        let values = ["real_gdp": last.value, "growth_annualized": growth]
        if growth <= rules.gdpStressGrowth {
            return reading(.stress, "real GDP \(pct(growth)) annualised in the quarter of \(last.date): contraction", values)
        }
        if growth >= rules.gdpStableGrowth {
            return reading(.realResolution, "real GDP \(pct(growth)) annualised in the quarter of \(last.date): stable growth", values)
        }
        return reading(.calm, "real GDP \(pct(growth)) annualised in the quarter of \(last.date): weak but positive", values)
    }
}
