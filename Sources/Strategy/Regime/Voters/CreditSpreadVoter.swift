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
///
/// When BAA − GS10 cannot be read (FRED's Moody's Baa series ends 2022-09 in the bundled data,
/// and its newer vintages may not be redistributed), the voter reads the short-rate
/// differential DGS2 − DFF instead (daily, percentage points): the 2-year yield falling fast
/// below the overnight rate is the market pricing emergency cuts, as in 2008, 2020-03 and
/// 2024-08.
/// - stress: DGS2 − DFF fell by ≥ `short_rate_stress_drop` (0.50) over `short_rate_window_days` (30).
/// - calm: otherwise.
/// - abstain: both sources missing or stale; the reason names both.
public struct CreditSpreadVoter: RegimeVoter {
    public let name = "credit_spread"
    public let uses = ["BAA", "GS10", "DGS2", "DFF"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let pair: MonthlyPair
        switch try MonthlyPair.read("BAA", "GS10", input) {
        case .failure(let missing): return try shortRateDifferential(input, baaMissing: missing.reason)
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

    /// The DGS2 − DFF reading, used when BAA − GS10 is missing (`baaMissing` says why).
    func shortRateDifferential(_ input: VoterInput, baaMissing: String) throws -> VoterReading {
        let rules = input.rules
        let twoYear: [Observation], overnight: [Observation]
        switch (try input.freshDaily("DGS2", minimumCount: 2), try input.freshDaily("DFF", minimumCount: 2)) {
        case (.success(let a), .success(let b)): (twoYear, overnight) = (a, b)
        case (.failure(let missing), _), (_, .failure(let missing)):
            return abstain("\(baaMissing); short-rate fallback: \(missing.reason)")
        }
        let funds = Dictionary(overnight.map { ($0.date, $0.value) }, uniquingKeysWith: { _, last in last })
        let differential = twoYear.compactMap { o in funds[o.date].map { Observation(date: o.date, value: o.value - $0) } }
        guard let last = differential.last else {
            return abstain("\(baaMissing); short-rate fallback: DGS2 and DFF share no date")
        }
        let cutoff = last.date.adding(days: -rules.shortRateWindowDays)
        guard let earlier = differential.last(where: { $0.date <= cutoff }), last.date - earlier.date <= rules.shortRateWindowDays + 7 else {
            return abstain("\(baaMissing); short-rate fallback: no DGS2 − DFF value \(rules.shortRateWindowDays) days before \(last.date)")
        }
        let change = last.value - earlier.value
        let values = ["short_rate_differential": last.value, "change": change]
        let subject = "BAA − GS10 unavailable; DGS2 − DFF \(fmt(last.value)) pp (\(last.date))"
        if change <= -rules.shortRateStressDrop {
            return reading(.stress, "\(subject) fell \(fmt(-change)) pp over \(rules.shortRateWindowDays) days: cuts priced in a rush", values)
        }
        return reading(.calm, "\(subject), \(rules.shortRateWindowDays)-day change \(fmt(change))", values)
    }
}
