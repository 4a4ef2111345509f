extension PortfolioStatistics {
    /// Calmar ratio over the whole supplied curve (Young 1991 uses a trailing
    /// 36-month window; pass that slice if you want the classic definition).
    ///
    /// Formula: `Calmar = CAGR / maxDrawdown.depth`, with CAGR from
    /// ``cagr(equity:periodsPerYear:)`` (years = (n-1)/periodsPerYear) and depth from
    /// ``maxDrawdown(equity:)`` as a positive fraction. Dimensionless.
    ///
    /// - Throws: everything ``cagr(equity:periodsPerYear:)`` throws, and
    ///   `.zeroDrawdown` when the curve never fell below a previous high.
    public static func calmarRatio(equity: [Double], periodsPerYear: Double = tradingDaysPerYear) throws(StatisticsError) -> Double {
        let growth = try cagr(equity: equity, periodsPerYear: periodsPerYear)
        let dd = try maxDrawdown(equity: equity)
        guard dd.depth > 0 else { throw .zeroDrawdown }
        return growth / dd.depth
    }
}
