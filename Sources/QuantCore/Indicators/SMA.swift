// SMA.swift — simple moving average.
//
// Formula (TA-Lib `TA_SMA`, src/ta_func/ta_SMA.c):
//     SMA_t = (x_{t-n+1} + … + x_t) / n
// Warm-up: lookback n-1; the first output is at index n-1.
//
// Numerics: TA-Lib keeps a plain running sum (add newest, subtract oldest).
// Here the running sum is Neumaier-compensated, so rounding error does not
// accumulate over long series (or after a huge value leaves the window);
// results agree with TA-Lib to a few ulps.

/// Streaming simple moving average over the last `period` accepted values.
public struct SMA: StreamingIndicator {
    public typealias Output = Double

    public let period: Int
    @usableFromInline var window: IndicatorRingBuffer
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "SMA period must be >= 1")
        self.period = period
        window = IndicatorRingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    public var isReady: Bool { window.isFull }

    @inlinable
    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        if let evicted = window.push(x) { add(-evicted) }
        add(x)
        guard window.isFull else { return nil }
        return (sum + compensation) / Double(period)
    }

    public mutating func reset() {
        window.removeAll()
        sum = 0
        compensation = 0
    }
}

extension Indicators {
    /// Simple moving average of `values`; `nil` at indices `0..<period-1`.
    /// - Throws: `IndicatorError.nonFiniteInput` naming the first NaN/inf.
    public static func sma(_ values: [Double], period: Int) throws(IndicatorError) -> [Double?] {
        try SMA(period: period).batch(values)
    }
}
