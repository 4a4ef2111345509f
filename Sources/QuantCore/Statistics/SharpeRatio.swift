extension PortfolioStatistics {
    /// Annualised Sharpe ratio (Sharpe 1994, ex-post, with the sqrt-of-time rule).
    ///
    /// Formula: with per-period risk-free `rf_p = riskFreeRate / periodsPerYear`
    /// (simple division of the annual rate, **not** `(1+rf)^(1/p) - 1`) and excess
    /// returns `x[i] = r[i] - rf_p`,
    /// `Sharpe = mean(x) / stdev(x) * sqrt(periodsPerYear)` with the sample standard
    /// deviation (ddof = 1). Dimensionless.
    ///
    /// - Parameters:
    ///   - returns: per-period simple returns (fractions), at least 2, all finite.
    ///   - riskFreeRate: annual decimal rate (0.05 = 5 %/yr), finite; default 0.
    ///   - periodsPerYear: default 252.
    /// - Throws: `.insufficientData`, `.nonFiniteInput`, `.invalidParameter`,
    ///   `.zeroVolatility` when the returns are constant (e.g. flat equity), where the
    ///   ratio would be 0/0 or x/0.
    public static func sharpeRatio(
        returns: [Double],
        riskFreeRate: Double = 0,
        periodsPerYear: Double = tradingDaysPerYear
    ) throws(StatisticsError) -> Double {
        try validatePeriodsPerYear(periodsPerYear)
        guard riskFreeRate.isFinite else {
            throw .invalidParameter(name: "riskFreeRate", reason: "must be finite")
        }
        try validateFinite(returns, needed: 2)
        let rfPerPeriod = riskFreeRate / periodsPerYear
        let excess = returns.map { $0 - rfPerPeriod }
        let sd = sampleStandardDeviation(excess)
        if isNumericallyZeroDispersion(sd, of: returns) { throw .zeroVolatility }
        return mean(excess) / sd * periodsPerYear.squareRoot()
    }
}
