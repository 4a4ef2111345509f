import MarketData

/// `credit_spread` (confirmation voter): Moody's Baa corporate yield minus the 10-year Treasury
/// (FRED BAA − GS10, monthly averages, percentage points) for the latest published month, and
/// its change over `change_months` (3) months.
///
/// - stress: spread ≥ `credit_stress_level` (3.25) or change ≥ +`credit_stress_widening` (+0.40):
///   credit stressed or widening fast.
/// - real_resolution: change ≤ −`credit_tightening` (−0.20): credit tightening, confirming.
/// - calm: otherwise.
/// - abstain: either series missing or stale (monthly rule), months misaligned, or no value
///   `change_months` earlier.
public struct CreditSpreadVoter: RegimeVoter {
    public let name = "credit_spread"
    public let uses = ["BAA", "GS10"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let pair: MonthlyPair
        switch try MonthlyPair.read("BAA", "GS10", input) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let p): pair = p
        }
        let spread = pair.differences.last!.value
        guard let earlier = VoterInput.value(pair.differences, monthsBeforeLast: rules.changeMonths) else {
            return abstain("no BAA − GS10 value \(rules.changeMonths) months before \(pair.differences.last!.date)", ["spread": spread])
        }
        let change = spread - earlier
        let values = ["spread": spread, "change": change]
        let month = pair.differences.last!.date
        if spread >= rules.creditStressLevel {
            return reading(.stress, "BAA − GS10 \(fmt(spread)) pp (\(month)) ≥ \(fmt(rules.creditStressLevel)): credit stressed", values)
        }
        if change >= rules.creditStressWidening {
            return reading(.stress, "BAA − GS10 widened \(fmt(change)) pp over \(rules.changeMonths) months to \(fmt(spread))", values)
        }
        if change <= -rules.creditTightening {
            return reading(.realResolution, "BAA − GS10 tightened \(fmt(-change)) pp over \(rules.changeMonths) months to \(fmt(spread))", values)
        }
        return reading(.calm, "BAA − GS10 \(fmt(spread)) pp, \(rules.changeMonths)-month change \(fmt(change))", values)
    }
}
