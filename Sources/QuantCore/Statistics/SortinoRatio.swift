extension PortfolioStatistics {
    /// Annualised Sortino ratio (Sortino & Price 1994; target downside deviation as in
    /// Rollinger & Hoffman, "Sortino: a 'sharper' ratio").
    ///
    /// Formula: with per-period MAR `m = minimumAcceptableReturn / periodsPerYear`
    /// (simple division, same convention as the Sharpe risk-free rate),
    /// - downside deviation `DD = sqrt( (1/N) * sum_{i=1..N} min(r[i] - m, 0)^2 )`,
    ///   averaged over **all N periods** (periods above the MAR count as 0; divide by
    ///   N, not by the number of losing periods and not by N-1),
    /// - `Sortino = mean(r - m) / DD * sqrt(periodsPerYear)`. Dimensionless.
    ///
    /// - Parameters:
    ///   - returns: per-period simple returns (fractions), at least 2, all finite.
    ///   - minimumAcceptableReturn: annual decimal MAR (target), default 0.
    ///   - periodsPerYear: default 252.
    /// - Throws: `.insufficientData`, `.nonFiniteInput`, `.invalidParameter`,
    ///   `.zeroDownsideDeviation` if no period is below the MAR.
    public static func sortinoRatio(
        returns: [Double],
        minimumAcceptableReturn: Double = 0,
        periodsPerYear: Double = tradingDaysPerYear
    ) throws(StatisticsError) -> Double {
        try validatePeriodsPerYear(periodsPerYear)
        guard minimumAcceptableReturn.isFinite else {
            throw .invalidParameter(name: "minimumAcceptableReturn", reason: "must be finite")
        }
        try validateFinite(returns, needed: 2)
        let dd = try downsideDeviation(returns: returns, minimumAcceptableReturn: minimumAcceptableReturn,
                                       periodsPerYear: periodsPerYear)
        // dd is annualised; compare its per-period size with the rounding noise of the returns.
        guard dd > 0, !isNumericallyZeroDispersion(dd / periodsPerYear.squareRoot(), of: returns) else {
            throw .zeroDownsideDeviation
        }
        let m = minimumAcceptableReturn / periodsPerYear
        let excessMean = mean(returns.map { $0 - m })
        return excessMean / dd * periodsPerYear.squareRoot()
    }

    /// Per-period (not annualised) downside deviation,
    /// `sqrt( (1/N) * sum min(r[i] - m, 0)^2 )` with `m = minimumAcceptableReturn / periodsPerYear`.
    /// Returns 0 when no period is below the MAR. Needs at least 1 finite return.
    public static func downsideDeviation(
        returns: [Double],
        minimumAcceptableReturn: Double = 0,
        periodsPerYear: Double = tradingDaysPerYear
    ) throws(StatisticsError) -> Double {
        try validatePeriodsPerYear(periodsPerYear)
        guard minimumAcceptableReturn.isFinite else {
            throw .invalidParameter(name: "minimumAcceptableReturn", reason: "must be finite")
        }
        try validateFinite(returns, needed: 1)
        let m = minimumAcceptableReturn / periodsPerYear
        let squares = returns.map { r -> Double in
            let d = min(r - m, 0)
            return d * d
        }
        return (compensatedSum(squares) / Double(returns.count)).squareRoot()
    }
}
