extension PortfolioStatistics {
    /// Historical conditional value at risk (expected shortfall) of periodic returns, as a
    /// positive loss fraction.
    ///
    /// Formula (Acerbi & Tasche 2002, the discrete "tail mean" of the empirical distribution):
    /// sort the n returns ascending, take the k = ⌈(1 − level)·n⌉ worst and report
    /// `−mean(worst k)`. Units: the returns' (0.031 = a 3.1% average loss on the worst days).
    /// A negative result means even the worst k returns averaged a gain. Edge cases: k is at
    /// least 1, so a short series reports its worst return.
    ///
    /// - Parameters:
    ///   - returns: per-period simple returns (fractions), at least 1, all finite.
    ///   - level: confidence level in (0, 1), e.g. 0.95 for the worst 5%.
    /// - Throws: `.insufficientData`, `.nonFiniteInput`, `.invalidParameter`.
    public static func conditionalValueAtRisk(returns: [Double], level: Double = 0.95) throws(StatisticsError) -> Double {
        guard level.isFinite, level > 0, level < 1 else {
            throw .invalidParameter(name: "level", reason: "must be in (0, 1), got \(level)")
        }
        try validateFinite(returns, needed: 1)
        // 1 − 0.95 is 0.050000000000000044 in binary: without the small allowance 100 returns
        // would count 6 tail days instead of 5.
        let count = max(1, Int((Double(returns.count) * (1 - level) - 1e-9).rounded(.up)))
        let worst = returns.sorted().prefix(count)
        return -worst.reduce(0, +) / Double(count)
    }
}
