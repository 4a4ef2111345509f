// MACD.swift — Moving Average Convergence/Divergence, exactly as TA-Lib's
// `TA_MACD` (src/ta_func/ta_MACD.c, default compatibility, unstable period 0).
//
// Formulas, with EMA_n(t) = (x_t − EMA_n(t−1)) · k_n + EMA_n(t−1), k_n = 2/(n+1):
//     macd_t   = EMA_fast(t) − EMA_slow(t)
//     signal_t = EMA_signal(macd)(t)
//     hist_t   = macd_t − signal_t
//
// TA-Lib's alignment quirk (reproduced here): the fast EMA is NOT started at
// index 0. Both price EMAs emit their first value at index slow−1:
//   * slow EMA seed = mean(x_0 … x_{slow−1});
//   * fast EMA seed = mean(x_{slow−fast} … x_{slow−1}) — the `fast` values
//     ending at index slow−1.
// The signal EMA is seeded with the mean of the first `signal` MACD values
// (indices slow−1 … slow+signal−2). All three outputs first appear at index
// lookback = (slow−1) + (signal−1) — 33 for (12, 26, 9) — and are nil before
// it (talib.MACD returns NaN for all three outputs there).
// As in TA-Lib, if slow < fast the two periods are swapped.

/// One MACD observation.
public struct MACDValue: Equatable, Sendable {
    public var macd: Double
    public var signal: Double
    public var histogram: Double

    public init(macd: Double, signal: Double, histogram: Double) {
        self.macd = macd
        self.signal = signal
        self.histogram = histogram
    }
}

/// Streaming MACD(fast, slow, signal), TA-Lib-exact (same operation order,
/// so results agree with TA-Lib's C code to a few ulp: compiler-level differences in
/// floating-point evaluation leave last-bit differences on some rows).
public struct MACD: StreamingIndicator {
    public typealias Output = MACDValue

    public let fastPeriod: Int
    public let slowPeriod: Int
    public let signalPeriod: Int
    @usableFromInline let fastK: Double
    @usableFromInline let slowK: Double
    @usableFromInline let signalK: Double
    /// Index of the first output: (slow − 1) + (signal − 1).
    public let lookback: Int

    @usableFromInline var count = 0        // accepted inputs, saturates at lookback + 1
    @usableFromInline var fast = 0.0       // running sum during seeding, then EMA
    @usableFromInline var slow = 0.0
    @usableFromInline var signal = 0.0

    /// - Precondition: `fastPeriod`, `slowPeriod` in 2...100_000 and
    ///   `signalPeriod` in 1...100_000 (TA-Lib's ranges).
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) {
        precondition((2...100_000).contains(fastPeriod), "MACD fastPeriod must be in 2...100000")
        precondition((2...100_000).contains(slowPeriod), "MACD slowPeriod must be in 2...100000")
        precondition((1...100_000).contains(signalPeriod), "MACD signalPeriod must be in 1...100000")
        let f = min(fastPeriod, slowPeriod)
        let s = max(fastPeriod, slowPeriod)
        self.fastPeriod = f
        self.slowPeriod = s
        self.signalPeriod = signalPeriod
        fastK = 2.0 / Double(f + 1)
        slowK = 2.0 / Double(s + 1)
        signalK = 2.0 / Double(signalPeriod + 1)
        lookback = (s - 1) + (signalPeriod - 1)
    }

    public var isReady: Bool { count > lookback }

    @inlinable
    public mutating func update(_ x: Double) -> MACDValue? {
        guard x.isFinite else { return nil }
        if count > lookback {
            fast = (x - fast) * fastK + fast
            slow = (x - slow) * slowK + slow
            let m = fast - slow
            signal = (m - signal) * signalK + signal
            return MACDValue(macd: m, signal: signal, histogram: m - signal)
        }
        return warmUp(x)
    }

    @usableFromInline
    mutating func warmUp(_ x: Double) -> MACDValue? {
        let t = count
        count += 1
        if t < slowPeriod {
            // Seed sums: slow over x_0…x_{slow−1}, fast over its last `fast` values.
            slow += x
            if t >= slowPeriod - fastPeriod { fast += x }
            if t < slowPeriod - 1 { return nil }
            slow = slow / Double(slowPeriod)
            fast = fast / Double(fastPeriod)
        } else {
            fast = (x - fast) * fastK + fast
            slow = (x - slow) * slowK + slow
        }
        let m = fast - slow
        signal += m  // running sum of MACD values for the signal seed
        guard t == lookback else { return nil }
        signal = signal / Double(signalPeriod)
        return MACDValue(macd: m, signal: signal, histogram: m - signal)
    }

    public mutating func reset() {
        count = 0
        fast = 0
        slow = 0
        signal = 0
    }
}

/// Batch MACD output, each array aligned with the input.
public struct MACDSeries: Equatable, Sendable {
    public var macd: [Double?]
    public var signal: [Double?]
    public var histogram: [Double?]
}

extension Indicators {
    /// TA-Lib-compatible MACD of `values`; all three series are `nil` at
    /// indices `0..<(slow-1)+(signal-1)` (0..<33 for the defaults).
    /// - Throws: `IndicatorError.nonFiniteInput` naming the first NaN/inf.
    public static func macd(
        _ values: [Double], fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9
    ) throws(IndicatorError) -> MACDSeries {
        let out = try MACD(fastPeriod: fastPeriod, slowPeriod: slowPeriod, signalPeriod: signalPeriod)
            .batch(values)
        return MACDSeries(
            macd: out.map { $0?.macd },
            signal: out.map { $0?.signal },
            histogram: out.map { $0?.histogram })
    }
}
