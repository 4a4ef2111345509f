// EMA.swift — exponential moving average, TA-Lib default compatibility.
//
// Formula (TA-Lib `TA_EMA` / `TA_INT_EMA`, src/ta_func/ta_EMA.c):
//     k = 2 / (n + 1)
//     seed: EMA_{n-1} = (x_0 + … + x_{n-1}) / n      (SMA of the first n values)
//     EMA_t = (x_t − EMA_{t−1}) · k + EMA_{t−1}       (this exact operation order)
// Warm-up: lookback n-1 (first output at index n-1), unstable period 0,
// `TA_COMPATIBILITY_DEFAULT` (the Metastock mode seeding with x_0 is not
// implemented).

/// Streaming EMA, seeded with the SMA of the first `period` accepted values.
public struct EMA: StreamingIndicator {
    public typealias Output = Double

    public let period: Int
    /// Smoothing factor `2 / (period + 1)`.
    public let k: Double
    @usableFromInline var count = 0
    @usableFromInline var value = 0.0  // running sum during warm-up, then the EMA

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "EMA period must be >= 1")
        self.period = period
        k = 2.0 / Double(period + 1)
    }

    public var lookback: Int { period - 1 }
    public var isReady: Bool { count >= period }

    /// Current EMA, or `nil` during warm-up.
    public var current: Double? { isReady ? value : nil }

    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        if count >= period {
            value = (x - value) * k + value
            return value
        }
        value += x
        count += 1
        guard count == period else { return nil }
        value = value / Double(period)
        return value
    }

    public mutating func reset() {
        count = 0
        value = 0
    }
}

extension Indicators {
    /// TA-Lib-compatible EMA of `values`; `nil` at indices `0..<period-1`.
    /// - Throws: `IndicatorError.nonFiniteInput` naming the first NaN/inf.
    public static func ema(_ values: [Double], period: Int) throws(IndicatorError) -> [Double?] {
        try EMA(period: period).batch(values)
    }
}
