// RealizedVolatility.swift — rolling close-to-close realised volatility.
//
// Formula: with log returns r_t = ln(p_t / p_{t−1}) and the last n of them,
//     σ_t = sqrt( Σ (r − r̄)² / (n − 1) ) · sqrt(periodsPerYear)
// i.e. SAMPLE standard deviation (ddof = 1, as pandas `rolling(n).std()` /
// numpy `std(ddof=1)`), annualised by sqrt(252) by default. Returns are not
// assumed to have zero mean (the mean is subtracted).
// Warm-up: n returns need n + 1 prices, so lookback = n and the first output
// is at index n.
// Domain: prices must be finite and > 0. Streaming `update` ignores other
// values (returns nil, state unchanged: the next return spans the gap);
// the batch function throws `nonFiniteInput` / `outOfDomainInput`.
// Numerics: corrected two-pass over the window on every update (O(n)).
// Constant window: if all n returns are identical (e.g. flat prices) the
// volatility is exactly 0; never NaN.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// Streaming annualised realised volatility of log returns (sample σ).
public struct RealizedVolatility: StreamingIndicator {
    public typealias Output = Double

    /// Number of log returns in the window.
    public let period: Int
    public let periodsPerYear: Double
    @usableFromInline let annualisation: Double
    @usableFromInline var returns: IndicatorRingBuffer
    @usableFromInline var previousPrice: Double? = nil

    /// - Precondition: `period >= 2`, `periodsPerYear > 0`.
    public init(period: Int, periodsPerYear: Double = 252) {
        precondition(period >= 2, "RealizedVolatility period must be >= 2")
        precondition(periodsPerYear > 0 && periodsPerYear.isFinite, "periodsPerYear must be > 0")
        self.period = period
        self.periodsPerYear = periodsPerYear
        annualisation = periodsPerYear.squareRoot()
        returns = IndicatorRingBuffer(capacity: period)
    }

    public var lookback: Int { period }
    public var isReady: Bool { returns.isFull }

    /// Prices must be finite and strictly positive.
    public func accepts(_ x: Double) -> Bool { x.isFinite && x > 0 }

    public mutating func update(_ x: Double) -> Double? {
        guard accepts(x) else { return nil }
        defer { previousPrice = x }
        guard let prev = previousPrice else { return nil }
        returns.push(log(x / prev))
        guard returns.isFull else { return nil }
        return windowMeanStdev(returns, ddof: 1).stdev * annualisation
    }

    public mutating func reset() {
        returns.removeAll()
        previousPrice = nil
    }
}

extension Indicators {
    /// Annualised realised volatility (sample σ of `period` log returns ×
    /// sqrt(periodsPerYear)) of a price series; `nil` at indices `0..<period`.
    /// - Throws: `nonFiniteInput` for NaN/inf, `outOfDomainInput` for a price ≤ 0.
    public static func realizedVolatility(
        _ prices: [Double], period: Int, periodsPerYear: Double = 252
    ) throws(IndicatorError) -> [Double?] {
        try RealizedVolatility(period: period, periodsPerYear: periodsPerYear).batch(prices)
    }
}
