extension PortfolioStatistics {
    /// Simple period returns of an equity curve.
    ///
    /// Formula: `r[i] = E[i+1] / E[i] - 1` for `i = 0 ..< n-1` (arithmetic returns,
    /// fractions, e.g. `0.01` = +1 %). The result has `n - 1` elements.
    ///
    /// - Parameter equity: account values (any currency unit), oldest first; at least 2,
    ///   all finite and strictly positive (a return from a zero or negative equity is
    ///   undefined).
    /// - Throws: `.insufficientData` (fewer than 2 points), `.nonFiniteInput`,
    ///   `.nonPositiveValue`.
    public static func simpleReturns(equity: [Double]) throws(StatisticsError) -> [Double] {
        try validatePositive(equity, needed: 2)
        var out: [Double] = []
        out.reserveCapacity(equity.count - 1)
        for i in 1..<equity.count {
            out.append(equity[i] / equity[i - 1] - 1)
        }
        return out
    }
}
