// RSI.swift — Wilder's Relative Strength Index, exactly as TA-Lib's `TA_RSI`
// (src/ta_func/ta_RSI.c, default compatibility, unstable period 0).
//
// With d_t = x_t − x_{t−1}, gain_t = max(d_t, 0), loss_t = max(−d_t, 0):
//     seed (index n):  avgGain_n = (gain_1 + … + gain_n) / n,  same for loss
//     then (Wilder):   avg_t = (avg_{t−1} · (n − 1) + current_t) / n
//     RSI_t = 100 · avgGain_t / (avgGain_t + avgLoss_t)
// (algebraically equal to 100 − 100/(1 + RS); TA-Lib uses the form above and
// so does this code.)
// Warm-up: lookback n; first output at index n (14 for the default).
//
// Arithmetic order: the seed is computed exactly as TA-Lib (sum / n). The
// Wilder step is evaluated as avg·((n−1)/n) + current·(1/n), branch-free,
// instead of TA-Lib's (avg·(n−1) + current)/n: this removes a division from
// the loop-carried dependency chain (≈2× faster streaming). The difference
// is a few ulps per step and does not accumulate (the recursion contracts by
// (n−1)/n); measured max |Δ| vs TA-Lib on the test series ≈ 1e-13.
//
// Zero denominator: when avgGain + avgLoss == 0 (a flat series) the output
// is 0, as in TA-Lib. TA-Lib 0.4 tested |sum| < 1e-8 (`TA_IS_ZERO`); the
// TA-Lib C library 0.8.1 bundled with the Python `ta-lib` 0.8.2 wrapper (the
// reference used for the tests) returns 0 only for an exactly-zero sum
// (checked: a rise of 1e-322 after a flat run already gives 100), and that
// is what is implemented here.

/// Streaming RSI(n) with Wilder smoothing: TA-Lib warm-up and seeding; values
/// agree with TA-Lib to ~1e-13 (see the arithmetic-order note above).
public struct RSI: StreamingIndicator {
    public typealias Output = Double

    public let period: Int
    @usableFromInline let n: Double
    @usableFromInline let decay: Double       // (n − 1) / n
    @usableFromInline let weight: Double      // 1 / n
    @usableFromInline var count = 0           // accepted inputs, saturates at period + 1
    @usableFromInline var previous = 0.0
    @usableFromInline var avgGain = 0.0       // sum during warm-up, then Wilder average
    @usableFromInline var avgLoss = 0.0

    /// - Precondition: `period` in 2...100_000 (TA-Lib's range).
    public init(period: Int = 14) {
        precondition((2...100_000).contains(period), "RSI period must be in 2...100000")
        self.period = period
        n = Double(period)
        decay = Double(period - 1) / Double(period)
        weight = 1.0 / Double(period)
    }

    public var lookback: Int { period }
    public var isReady: Bool { count > period }

    @inlinable
    var value: Double {
        let s = avgGain + avgLoss
        return s != 0 ? 100.0 * (avgGain / s) : 0.0
    }

    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        if count > period {
            let d = x - previous
            previous = x
            // Branch-free split (the sign of d is unpredictable, and the
            // compiler turns `d > 0 ? d : 0` into a branch). Both are exact:
            // d + |d| is 2d or 0, and scaling by 0.5 is exact.
            let m = abs(d)
            let gain = (d + m) * 0.5
            let loss = (m - d) * 0.5
            avgGain = avgGain * decay + gain * weight
            avgLoss = avgLoss * decay + loss * weight
            return value
        }
        return warmUp(x)
    }

    @usableFromInline
    mutating func warmUp(_ x: Double) -> Double? {
        defer { previous = x }
        count += 1
        if count == 1 { return nil }
        let d = x - previous
        if d < 0 { avgLoss -= d } else { avgGain += d }
        guard count == period + 1 else { return nil }
        avgLoss /= n
        avgGain /= n
        return value
    }

    public mutating func reset() {
        count = 0
        previous = 0
        avgGain = 0
        avgLoss = 0
    }
}

extension Indicators {
    /// TA-Lib-compatible RSI of `values`; `nil` at indices `0..<period`.
    /// - Throws: `IndicatorError.nonFiniteInput` naming the first NaN/inf.
    public static func rsi(_ values: [Double], period: Int = 14) throws(IndicatorError) -> [Double?] {
        try RSI(period: period).batch(values)
    }
}
