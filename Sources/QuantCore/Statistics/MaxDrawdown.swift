/// The deepest peak-to-trough decline of an equity curve.
///
/// Indices are positions in the equity array; map them to dates with your own
/// parallel date array (e.g. `dayNumbers[drawdown.peakIndex]`).
public struct MaxDrawdown: Equatable, Sendable {
    /// Depth as a positive fraction of the peak: `(peak - trough) / peak`, in `[0, 1)`.
    /// `0.25` means the account fell 25 % below its running high.
    public let depth: Double
    /// Index of the running high the decline started from (the **latest** index at
    /// which that high was reached before the trough).
    public let peakIndex: Int
    /// Index of the lowest point relative to that high (the first one, on ties).
    public let troughIndex: Int
    /// First index after the trough whose value is `>=` the peak value, or `nil`
    /// if the curve has not recovered by its last point.
    public let recoveryIndex: Int?

    public init(depth: Double, peakIndex: Int, troughIndex: Int, recoveryIndex: Int?) {
        self.depth = depth
        self.peakIndex = peakIndex
        self.troughIndex = troughIndex
        self.recoveryIndex = recoveryIndex
    }
}

extension PortfolioStatistics {
    /// Maximum drawdown of an equity curve.
    ///
    /// Formula: with running peak `P[t] = max_{s<=t} E[s]`, the drawdown at `t` is
    /// `D[t] = (P[t] - E[t]) / P[t]` and `depth = max_t D[t]` (positive fraction).
    ///
    /// Edge case: a curve that never falls below its running high has
    /// `depth == 0` and `peakIndex == troughIndex == recoveryIndex == 0`.
    ///
    /// - Parameter equity: at least 2 finite, strictly positive values, oldest first.
    /// - Throws: `.insufficientData`, `.nonFiniteInput`, `.nonPositiveValue`.
    public static func maxDrawdown(equity: [Double]) throws(StatisticsError) -> MaxDrawdown {
        try validatePositive(equity, needed: 2)
        var peakValue = equity[0]
        var peakIdx = 0
        var best = 0.0
        var bestPeak = 0
        var bestTrough = 0
        for (i, v) in equity.enumerated() {
            if v >= peakValue {
                peakValue = v
                peakIdx = i
                continue
            }
            let d = (peakValue - v) / peakValue
            if d > best {
                best = d
                bestPeak = peakIdx
                bestTrough = i
            }
        }
        if best == 0 {
            return MaxDrawdown(depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0)
        }
        let target = equity[bestPeak]
        var recovery: Int? = nil
        for i in (bestTrough + 1)..<equity.count where equity[i] >= target {
            recovery = i
            break
        }
        return MaxDrawdown(depth: best, peakIndex: bestPeak, troughIndex: bestTrough, recoveryIndex: recovery)
    }
}
