import MarketData

/// `spx_trend`: S&P 500 closes against their `spx_sma_period` (50) session simple moving average,
/// with the 1-session return r1 = C_t/C_{t−1} − 1 and the 5-session return r5 = C_t/C_{t−5} − 1.
/// Rules, first match wins:
///
/// 1. stress: r1 ≤ −`spx_day_drop` (−2%) or r5 ≤ −`spx_week_drop` (−3%): a sharp fall.
/// 2. relief_rally: r5 ≥ `spx_week_rally` (+2.5%) and some close of the last
///    `relief_lookback_sessions` (10) was below its SMA: a sharp rebound from below trend.
/// 3. stress: close ≤ (1 − `spx_trend_break`) · SMA (5% below trend): a broken trend.
/// 4. calm: otherwise.
/// - abstain: SPX missing, stale, or shorter than the SMA plus the lookback.
public struct SPXTrendVoter: RegimeVoter {
    public let name = "spx_trend"
    public let uses = ["SPX"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let period = rules.spxSMAPeriod
        let lookback = max(rules.reliefLookbackSessions, 6)
        let series: [Observation]
        switch try input.freshDaily("SPX", minimumCount: period + lookback) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        let closes = series.map(\.value)
        let n = closes.count
        func sma(endingAt index: Int) -> Double {
            closes[(index - period + 1)...index].reduce(0, +) / Double(period)
        }
        let close = closes[n - 1]
        let average = sma(endingAt: n - 1)
        let r1 = close / closes[n - 2] - 1
        let r5 = close / closes[n - 6] - 1
        let belowRecently = ((n - rules.reliefLookbackSessions)..<n).contains { closes[$0] < sma(endingAt: $0) }
        let gap = close / average - 1
        let values = ["close": close, "sma": average, "return_1d": r1, "return_5d": r5, "gap_to_sma": gap]
        if r1 <= -rules.spxDayDrop || r5 <= -rules.spxWeekDrop {
            return reading(.stress, "SPX sharp fall: 1-day \(pct(r1)), 5-day \(pct(r5))", values)
        }
        if r5 >= rules.spxWeekRally, belowRecently {
            return reading(.reliefRally, "SPX rebound: 5-day \(pct(r5)) after closing below its \(period)-day SMA", values)
        }
        if gap <= -rules.spxTrendBreak {
            return reading(.stress, "SPX \(pct(gap)) below its \(period)-day SMA: trend broken", values)
        }
        return reading(.calm, "SPX \(pct(gap)) from its \(period)-day SMA, 5-day \(pct(r5))", values)
    }
}
