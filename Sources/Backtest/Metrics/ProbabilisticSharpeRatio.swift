import QuantCore

/// The Probabilistic Sharpe Ratio (Bailey & López de Prado 2012, "The Sharpe Ratio Efficient
/// Frontier", J. of Risk 15(2); restated as eq. (2) of Bailey & López de Prado 2014, "The
/// Deflated Sharpe Ratio", J. Portfolio Management 40(5)).
///
/// The probability that the true Sharpe ratio exceeds a benchmark `SR_b`, given the observed
/// per-period Sharpe `SR`, the number of returns `T`, and their skewness γ3 and non-excess
/// kurtosis γ4 (Mertens' 2002 standard error for non-normal returns):
///
///     PSR(SR_b) = Φ( (SR - SR_b) · sqrt(T - 1) / sqrt(1 - γ3·SR + (γ4 - 1)/4 · SR²) )
///
/// Both Sharpe ratios are **per period** (not annualised): divide an annualised Sharpe by
/// `sqrt(periodsPerYear)` first, or the PSR saturates at 0 or 1.
public enum ProbabilisticSharpeRatio {
    /// The standardised statistic inside Φ (a z-score).
    /// - Throws: `.insufficientData` (`observations < 2`), `.invalidParameter` (a non-finite
    ///   input, or `1 - γ3·SR + (γ4-1)/4·SR² <= 0`, impossible for moments of real data since
    ///   γ4 >= 1 + γ3² makes it `>= (1 - γ3·SR/2)²`).
    public static func zScore(
        sharpe: Double, benchmark: Double, observations: Int, skewness: Double, kurtosis: Double
    ) throws(MetricsError) -> Double {
        guard observations >= 2 else { throw .insufficientData(needed: 2, got: observations) }
        for (name, v) in [("sharpe", sharpe), ("benchmark", benchmark), ("skewness", skewness), ("kurtosis", kurtosis)]
        where !v.isFinite {
            throw .invalidParameter(name: name, reason: "must be finite, got \(v)")
        }
        let variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe
        guard variance > 0, variance.isFinite else {
            throw .invalidParameter(
                name: "kurtosis", reason: "1 - skew·SR + (kurtosis-1)/4·SR² = \(variance) must be > 0")
        }
        let z = (sharpe - benchmark) * Double(observations - 1).squareRoot() / variance.squareRoot()
        guard z.isFinite else { throw .invalidParameter(name: "sharpe", reason: "z-score overflows") }
        return z
    }

    /// PSR(benchmark) in [0, 1] from given moments. See ``zScore(sharpe:benchmark:observations:skewness:kurtosis:)``.
    public static func probability(
        sharpe: Double, benchmark: Double, observations: Int, skewness: Double, kurtosis: Double
    ) throws(MetricsError) -> Double {
        NormalDistribution.cdf(
            try zScore(sharpe: sharpe, benchmark: benchmark, observations: observations,
                       skewness: skewness, kurtosis: kurtosis))
    }

    /// PSR(benchmark) of a return series, with the estimators of ``ReturnMoments``.
    /// - Parameter benchmark: per-period benchmark Sharpe (0 = "is the Sharpe positive?").
    public static func probability(returns: [Double], benchmark: Double = 0) throws(MetricsError) -> Double {
        try probability(moments: ReturnMoments(returns: returns), benchmark: benchmark)
    }

    /// PSR(benchmark) from precomputed moments.
    public static func probability(moments m: ReturnMoments, benchmark: Double = 0) throws(MetricsError) -> Double {
        try probability(sharpe: m.sharpe, benchmark: benchmark, observations: m.count,
                        skewness: m.skewness, kurtosis: m.kurtosis)
    }
}
