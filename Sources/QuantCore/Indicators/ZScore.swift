// ZScore.swift — rolling z-score.
//
// Formula: over the window W_t = {x_{t−n+1}, …, x_t} (the current value is
// included),
//     z_t = (x_t − mean(W_t)) / σ(W_t),
//     σ = POPULATION standard deviation: sqrt(Σ (x − mean)² / n)   (ddof = 0).
// Warm-up: lookback n−1; the first output is at index n−1.
// Numerics: mean and σ are recomputed over the window with the corrected
// two-pass algorithm on every update (O(n), no running-sum drift).
// Constant window: if every value in the window is identical, σ = 0 and the
// z-score is defined as 0 (the value equals the mean); never NaN/inf.

/// Streaming rolling z-score with a population (ddof = 0) standard deviation.
public struct ZScore: StreamingIndicator {
    public typealias Output = Double

    public let period: Int
    @usableFromInline var window: IndicatorRingBuffer

    /// - Precondition: `period >= 2`.
    public init(period: Int) {
        precondition(period >= 2, "ZScore period must be >= 2")
        self.period = period
        window = IndicatorRingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    public var isReady: Bool { window.isFull }

    public mutating func update(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        window.push(x)
        guard window.isFull else { return nil }
        let (mean, sd) = windowMeanStdev(window, ddof: 0)
        guard sd > 0 else { return 0 }
        return (x - mean) / sd
    }

    public mutating func reset() { window.removeAll() }
}

extension Indicators {
    /// Rolling z-score (population σ) of `values`; `nil` at `0..<period-1`,
    /// 0 where the window is constant.
    /// - Throws: `IndicatorError.nonFiniteInput` naming the first NaN/inf.
    public static func zScore(_ values: [Double], period: Int) throws(IndicatorError) -> [Double?] {
        try ZScore(period: period).batch(values)
    }
}
