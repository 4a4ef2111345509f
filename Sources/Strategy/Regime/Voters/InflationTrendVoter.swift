import Foundation
import MarketData

/// `inflation_trend` (confirmation voter): core CPI (CPILFESL) and producer prices (PPIACO), each
/// as the annualised `change_months` (3) month change, (x_t / x_{t−3})^(12/3) − 1, against the
/// 12-month change x_t / x_{t−12} − 1, for the latest published month.
///
/// - stress: core 3-month annualised ≥ core 12-month + `inflation_acceleration` (1 pp) and ≥
///   `inflation_ceiling` (3%): inflation accelerating above comfort.
/// - real_resolution: core 3-month annualised ≤ core 12-month and PPI 3-month annualised ≤ PPI
///   12-month: inflation easing (or steady) at both stages.
/// - calm: otherwise.
/// - abstain: either series missing or stale, or a value 3 or 12 months back missing.
public struct InflationTrendVoter: RegimeVoter {
    public let name = "inflation_trend"
    public let uses = ["CPILFESL", "PPIACO"]

    public init() {}

    struct Trend {
        var short: Double
        var year: Double
    }

    func trend(_ series: [Observation], months: Int) -> Trend? {
        guard let last = series.last?.value, let earlier = VoterInput.value(series, monthsBeforeLast: months),
            let yearAgo = VoterInput.value(series, monthsBeforeLast: 12), earlier > 0, yearAgo > 0
        else { return nil }
        return Trend(short: pow(last / earlier, 12 / Double(months)) - 1, year: last / yearAgo - 1)
    }

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let core: [Observation]
        let ppi: [Observation]
        switch try input.freshPeriodic("CPILFESL", .monthly) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): core = s
        }
        switch try input.freshPeriodic("PPIACO", .monthly) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): ppi = s
        }
        guard let c = trend(core, months: rules.changeMonths) else { return abstain("CPILFESL history too short for 3- and 12-month changes") }
        guard let p = trend(ppi, months: rules.changeMonths) else { return abstain("PPIACO history too short for 3- and 12-month changes") }
        let values = ["core_cpi_3m_annualized": c.short, "core_cpi_12m": c.year, "ppi_3m_annualized": p.short, "ppi_12m": p.year]
        let detail = "core CPI \(pct(c.short)) annualised vs \(pct(c.year)) 12-month, PPI \(pct(p.short)) vs \(pct(p.year))"
        if c.short >= c.year + rules.inflationAcceleration, c.short >= rules.inflationCeiling {
            return reading(.stress, "inflation accelerating: " + detail, values)
        }
        if c.short <= c.year, p.short <= p.year {
            return reading(.realResolution, "inflation easing: " + detail, values)
        }
        return reading(.calm, "inflation mixed: " + detail, values)
    }
}
