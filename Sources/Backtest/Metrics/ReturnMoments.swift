import QuantCore

/// The per-period (not annualised) Sharpe ratio and higher moments of a return series — the
/// inputs of the Probabilistic and Deflated Sharpe Ratios (Bailey & López de Prado 2012, 2014).
///
/// Estimators:
/// - `sharpe = mean(r) / s` with the **sample** standard deviation `s` (ddof = 1): QuantCore's
///   `PortfolioStatistics.sharpeRatio(returns:periodsPerYear: 1)`, i.e. the annualised Sharpe
///   divided by `sqrt(periodsPerYear)`, with no risk-free rate (pass excess returns if wanted);
/// - `skewness = m3 / m2^(3/2)` and `kurtosis = m4 / m2²` from the **population** central
///   moments `m_k = (1/T) Σ (r - mean)^k` (the moment estimators g1 and g2 + 3, equal to
///   `scipy.stats.skew(r)` and `scipy.stats.kurtosis(r, fisher=False)`); kurtosis is
///   **non-excess**, 3 for a normal distribution.
public struct ReturnMoments: Equatable, Sendable {
    /// Number of returns `T`.
    public let count: Int
    /// Per-period Sharpe ratio `mean / sample stdev`.
    public let sharpe: Double
    /// Skewness γ3 (0 for symmetric returns).
    public let skewness: Double
    /// Non-excess kurtosis γ4 (3 for normal returns; always >= 1 + γ3²).
    public let kurtosis: Double

    /// - Throws: `.statistics(.insufficientData)` (< 2 returns), `.statistics(.nonFiniteInput)`,
    ///   `.statistics(.zeroVolatility)` (constant returns: Sharpe and moments are 0/0).
    public init(returns: [Double]) throws(MetricsError) {
        do {
            sharpe = try PortfolioStatistics.sharpeRatio(returns: returns, periodsPerYear: 1)
        } catch {
            throw .statistics(error)
        }
        let n = Double(returns.count)
        let mean = compensatedSum(returns) / n
        let d = returns.map { $0 - mean }
        let m2 = compensatedSum(d.lazy.map { $0 * $0 }) / n
        let m3 = compensatedSum(d.lazy.map { $0 * $0 * $0 }) / n
        let m4 = compensatedSum(d.lazy.map { ($0 * $0) * ($0 * $0) }) / n
        count = returns.count
        skewness = m3 / (m2 * m2.squareRoot())
        kurtosis = m4 / (m2 * m2)
    }

    /// Moments given directly (e.g. from the paper's example).
    public init(count: Int, sharpe: Double, skewness: Double, kurtosis: Double) {
        self.count = count
        self.sharpe = sharpe
        self.skewness = skewness
        self.kurtosis = kurtosis
    }
}
