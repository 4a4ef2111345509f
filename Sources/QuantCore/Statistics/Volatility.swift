extension PortfolioStatistics {
    /// Annualised volatility of periodic returns.
    ///
    /// Formula: `sigma_annual = s * sqrt(periodsPerYear)` where `s` is the **sample**
    /// standard deviation (ddof = 1, i.e. divide by `n - 1`) of the per-period simple
    /// returns. Units: annual decimal (0.16 = 16 % vol). Constant returns give exactly
    /// 0, which is a valid volatility (not an error).
    ///
    /// - Parameters:
    ///   - returns: per-period simple returns (fractions), at least 2, all finite.
    ///   - periodsPerYear: default 252 (daily data).
    /// - Throws: `.insufficientData`, `.nonFiniteInput`, `.invalidParameter`.
    public static func annualizedVolatility(returns: [Double], periodsPerYear: Double = tradingDaysPerYear) throws(StatisticsError) -> Double {
        try validatePeriodsPerYear(periodsPerYear)
        try validateFinite(returns, needed: 2)
        let sd = sampleStandardDeviation(returns)
        if isNumericallyZeroDispersion(sd, of: returns) { return 0 }
        return sd * periodsPerYear.squareRoot()
    }
}
