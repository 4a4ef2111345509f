import MarketData
import QuantCore

/// `breadth_macd` (confirmation voter): MACD(12, 26, 9) of the advance/decline line, the running
/// sum of the daily net-advances series `breadth_symbol` (default `ADVDEC`) over the history
/// window. The bundled data has no breadth series, so by default this voter abstains.
///
/// - real_resolution: MACD > 0 and histogram > 0: breadth broadening, confirming a rally.
/// - stress: MACD < 0 and histogram < 0: breadth deteriorating.
/// - calm: otherwise.
/// - abstain: the series is missing, stale, or too short.
public struct BreadthMACDVoter: RegimeVoter {
    public let name = "breadth_macd"
    public let uses: [String]

    public init(rules: RegimeRules) {
        uses = [rules.breadthSymbol]
    }

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        var macd = MACD(fastPeriod: rules.macdFast, slowPeriod: rules.macdSlow, signalPeriod: rules.macdSignal)
        let series: [Observation]
        switch try input.freshDaily(rules.breadthSymbol, minimumCount: macd.lookback + 1) {
        case .failure(let missing): return abstain("no breadth data: " + missing.reason)
        case .success(let s): series = s
        }
        var line = 0.0
        var last: MACDValue?
        for observation in series {
            line += observation.value
            last = macd.update(line)
        }
        guard let value = last else { return abstain("breadth MACD not defined") }
        let values = ["ad_line": line, "macd": value.macd, "histogram": value.histogram]
        if value.macd > 0, value.histogram > 0 {
            return reading(.realResolution, "A/D line MACD \(fmt(value.macd)) and histogram \(fmt(value.histogram)) > 0: breadth confirms", values)
        }
        if value.macd < 0, value.histogram < 0 {
            return reading(.stress, "A/D line MACD \(fmt(value.macd)) and histogram \(fmt(value.histogram)) < 0: breadth deteriorating", values)
        }
        return reading(.calm, "A/D line MACD \(fmt(value.macd)), histogram \(fmt(value.histogram)): mixed", values)
    }
}
