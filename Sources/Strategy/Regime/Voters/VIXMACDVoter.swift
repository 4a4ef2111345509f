import MarketData
import QuantCore

/// `vix_macd`: momentum of the VIX. MACD(`macd_fast`, `macd_slow`, `macd_signal`) = (12, 26, 9)
/// of the daily VIX closes over the history window (TA-Lib conventions), read at the last close.
///
/// - stress: histogram ≥ `vix_macd_stress_histogram` (1.0): VIX accelerating upward.
/// - relief_rally: histogram ≤ −`vix_macd_relief_histogram` (−1.0) while the MACD line is > 0:
///   VIX falling fast from above its averages.
/// - calm: otherwise.
/// - abstain: VIX missing, stale, or too short for the MACD.
public struct VIXMACDVoter: RegimeVoter {
    public let name = "vix_macd"
    public let uses = ["VIX"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        var macd = MACD(fastPeriod: rules.macdFast, slowPeriod: rules.macdSlow, signalPeriod: rules.macdSignal)
        let series: [Observation]
        switch try input.freshDaily("VIX", minimumCount: macd.lookback + 1) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        var last: MACDValue?
        for observation in series { last = macd.update(observation.value) }
        guard let value = last else { return abstain("VIX MACD not defined at \(series.last!.date)") }
        let values = ["vix": series.last!.value, "macd": value.macd, "signal": value.signal, "histogram": value.histogram]
        if value.histogram >= rules.vixMacdStressHistogram {
            return reading(.stress, "VIX MACD histogram \(fmt(value.histogram)) ≥ \(fmt(rules.vixMacdStressHistogram)): VIX accelerating up", values)
        }
        if value.histogram <= -rules.vixMacdReliefHistogram, value.macd > 0 {
            return reading(
                .reliefRally, "VIX MACD histogram \(fmt(value.histogram)) ≤ −\(fmt(rules.vixMacdReliefHistogram)) with MACD \(fmt(value.macd)) > 0: VIX falling fast from elevated", values)
        }
        return reading(.calm, "VIX MACD histogram \(fmt(value.histogram)): no sharp VIX momentum", values)
    }
}

/// Two-decimal formatting for vote reasons (deterministic, locale-free).
func fmt(_ x: Double) -> String {
    guard x.isFinite else { return String(describing: x) }
    let scaled = (abs(x) * 100).rounded()
    let whole = Int(scaled) / 100
    let cents = Int(scaled) % 100
    return (x < 0 && scaled > 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0" : "") + "\(cents)"
}

/// Percent formatting (0.0345 → "3.45%").
func pct(_ x: Double) -> String { fmt(x * 100) + "%" }
