import MarketData

/// `dollar_trend`: the trade-weighted dollar index TWEXMMTH (FRED, monthly; discontinued, the
/// bundled series ends 2019-12), a stand-in for the real effective exchange rate, as its
/// `change_months` (3) month change x_t / x_{t−3} − 1.
///
/// - stress: change ≥ `dollar_stress_rise` (+3%): a sharp dollar rise tightens global financial
///   conditions.
/// - calm: otherwise.
/// - abstain: both sources missing or stale, or no value 3 months back.
///
/// When TWEXMMTH is missing or stale (from 2020-03 on), the voter reads FRED's nominal broad
/// dollar index DTWEXBGS (daily, published weekly: a value counts as fresh up to
/// `daily_max_age_days` + 7 days old) with the same rule on the change from the last value on
/// or before the date `change_months` earlier. The two indices differ in level and basket, but
/// the vote reads only their relative change.
public struct DollarTrendVoter: RegimeVoter {
    public let name = "dollar_trend"
    public let uses = ["TWEXMMTH", "DTWEXBGS"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let series: [Observation]
        switch try input.freshPeriodic("TWEXMMTH", .monthly) {
        case .failure(let missing): return try broadDollar(input, monthlyMissing: missing.reason)
        case .success(let s): series = s
        }
        let last = series.last!
        guard let earlier = VoterInput.value(series, monthsBeforeLast: rules.changeMonths), earlier > 0 else {
            return abstain("no TWEXMMTH value \(rules.changeMonths) months before \(last.date)")
        }
        let change = last.value / earlier - 1
        let values = ["dollar_index": last.value, "change": change]
        let subject = "dollar index (TWEXMMTH, stand-in for the real effective exchange rate)"
        if change >= rules.dollarStressRise {
            return reading(.stress, "\(subject) up \(pct(change)) over \(rules.changeMonths) months: tightening", values)
        }
        return reading(.calm, "\(subject) \(pct(change)) over \(rules.changeMonths) months", values)
    }

    /// The DTWEXBGS reading, used when TWEXMMTH is missing (`monthlyMissing` says why).
    func broadDollar(_ input: VoterInput, monthlyMissing: String) throws -> VoterReading {
        let rules = input.rules
        let series = try input.daily("DTWEXBGS")
        let prefix = "dollar index: \(monthlyMissing); broad dollar DTWEXBGS"
        guard let last = series.last else { return abstain("\(prefix): no value on or before \(input.date)") }
        guard input.date - last.date <= rules.dailyMaxAgeDays + 7 else {
            return abstain("\(prefix) is stale: last value \(last.date)")
        }
        let target = VoterInput.addingMonths(-rules.changeMonths, to: last.date)
        guard let earlier = series.last(where: { $0.date <= target }), target - earlier.date <= 7, earlier.value > 0 else {
            return abstain("\(prefix): no value \(rules.changeMonths) months before \(last.date)")
        }
        let change = last.value / earlier.value - 1
        let values = ["dollar_index": last.value, "change": change]
        let subject = "broad dollar index (DTWEXBGS \(last.date); TWEXMMTH discontinued)"
        if change >= rules.dollarStressRise {
            return reading(.stress, "\(subject) up \(pct(change)) over \(rules.changeMonths) months: tightening", values)
        }
        return reading(.calm, "\(subject) \(pct(change)) over \(rules.changeMonths) months", values)
    }
}
