import MarketData
import QuantCore

/// `vix_rsi`: Wilder RSI(`rsi_period` = 14) of the daily VIX closes, read at the last close.
///
/// - stress: RSI ≥ `vix_rsi_stress` (70): VIX overbought, a spike under way.
/// - relief_rally: RSI ≤ `vix_rsi_relief` (40) and the highest VIX close of the last
///   `relief_lookback_sessions` (10) closes is ≥ `vix_elevated` (20): VIX falling back after a spike.
/// - calm: otherwise.
/// - abstain: VIX missing, stale, or too short for the RSI.
public struct VIXRSIVoter: RegimeVoter {
    public let name = "vix_rsi"
    public let uses = ["VIX"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        var rsi = RSI(period: rules.rsiPeriod)
        let series: [Observation]
        switch try input.freshDaily("VIX", minimumCount: max(rsi.lookback + 1, rules.reliefLookbackSessions)) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        var last: Double?
        for observation in series { last = rsi.update(observation.value) }
        guard let value = last else { return abstain("VIX RSI not defined at \(series.last!.date)") }
        let recentHigh = series.suffix(rules.reliefLookbackSessions).map(\.value).max()!
        let values = ["vix": series.last!.value, "rsi": value, "vix_recent_high": recentHigh]
        if value >= rules.vixRsiStress {
            return reading(.stress, "VIX RSI \(fmt(value)) ≥ \(fmt(rules.vixRsiStress)): VIX spiking", values)
        }
        if value <= rules.vixRsiRelief, recentHigh >= rules.vixElevated {
            return reading(
                .reliefRally, "VIX RSI \(fmt(value)) ≤ \(fmt(rules.vixRsiRelief)) after a VIX high of \(fmt(recentHigh)) ≥ \(fmt(rules.vixElevated))", values)
        }
        return reading(.calm, "VIX RSI \(fmt(value)): neither spiking nor falling back from a spike", values)
    }
}
