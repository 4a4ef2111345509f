import MarketData

/// `dollar_trend`: the trade-weighted dollar index TWEXMMTH (FRED, monthly; discontinued, the
/// bundled series ends 2019-12), a stand-in for the real effective exchange rate, as its
/// `change_months` (3) month change x_t / x_{t−3} − 1.
///
/// - stress: change ≥ `dollar_stress_rise` (+3%): a sharp dollar rise tightens global financial
///   conditions.
/// - calm: otherwise.
/// - abstain: the series missing or stale (so from mid-March 2020 on), or no value 3 months back.
public struct DollarTrendVoter: RegimeVoter {
    public let name = "dollar_trend"
    public let uses = ["TWEXMMTH"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let series: [Observation]
        switch try input.freshPeriodic("TWEXMMTH", .monthly) {
        case .failure(let missing): return abstain("dollar index (stand-in for the real effective exchange rate): " + missing.reason)
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
}
