#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif
import QuantCore

/// The Deflated Sharpe Ratio (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio:
/// Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio
/// Management 40(5), 94-107, eqs. (1)-(2)).
///
/// When the best of `N` strategy variants is selected, its Sharpe ratio is biased upward even if
/// none has skill. The DSR is the PSR (``ProbabilisticSharpeRatio``) whose benchmark is the
/// expected maximum Sharpe of `N` independent unskilled trials:
///
///     E[max SR] ≈ sqrt(V) · ( (1 - γ) · Φ⁻¹(1 - 1/N) + γ · Φ⁻¹(1 - 1/(N·e)) )
///     DSR = Φ( (SR - E[max SR]) · sqrt(T - 1) / sqrt(1 - γ3·SR + (γ4 - 1)/4 · SR²) )
///
/// with γ the Euler–Mascheroni constant, `V` the variance of the `N` trials' Sharpe ratios,
/// `SR` the selected strategy's per-period Sharpe, `T` its number of returns, γ3 its skewness
/// and γ4 its non-excess kurtosis. All Sharpe ratios (SR, the trials', `V`) are **per period**,
/// not annualised. `N` counts every variant tried, including the selected one, and should be
/// the number of *effectively independent* trials (correlated variants count for less).
///
/// A DSR of 0.95 reads "95 % confidence that the selected strategy's true Sharpe beats what the
/// best of N lucky draws would show".
public struct DeflatedSharpeRatio: Equatable, Sendable {
    /// The Euler–Mascheroni constant γ.
    public static let eulerMascheroni = 0.577_215_664_901_532_860_61

    /// The DSR, a probability in [0, 1].
    public let probability: Double
    /// The z-score inside Φ.
    public let zScore: Double
    /// The benchmark E[max SR] (per period).
    public let expectedMaximumSharpe: Double
    /// The selected strategy's moments used.
    public let moments: ReturnMoments
    /// Number of trials N.
    public let trials: Int
    /// Variance V of the trials' per-period Sharpe ratios.
    public let trialSharpeVariance: Double

    /// E[max SR] of `trials` independent unskilled strategies whose Sharpe estimates have
    /// variance `sharpeVariance` (mean 0), by the extreme-value approximation above.
    /// - Throws: `.insufficientTrials` for `trials < 2` (at N = 1, Φ⁻¹(0) = -∞: there is no
    ///   selection, the right benchmark is 0 — use PSR(0)); `.invalidParameter` for a negative
    ///   or non-finite variance.
    public static func expectedMaximumSharpe(trials: Int, sharpeVariance: Double) throws(MetricsError) -> Double {
        guard trials >= 2 else { throw .insufficientTrials(needed: 2, got: trials) }
        guard sharpeVariance.isFinite, sharpeVariance >= 0 else {
            throw .invalidParameter(name: "sharpeVariance", reason: "must be finite and >= 0, got \(sharpeVariance)")
        }
        let n = Double(trials)
        let g = eulerMascheroni
        let e = exp(1.0)
        let spread = (1 - g) * NormalDistribution.quantile(1 - 1 / n) + g * NormalDistribution.quantile(1 - 1 / (n * e))
        return sharpeVariance.squareRoot() * spread
    }

    /// DSR from given moments (as in the paper's numerical example).
    /// - Throws: everything ``expectedMaximumSharpe(trials:sharpeVariance:)`` and
    ///   ``ProbabilisticSharpeRatio/zScore(sharpe:benchmark:observations:skewness:kurtosis:)`` throw.
    public init(moments: ReturnMoments, trials: Int, trialSharpeVariance: Double) throws(MetricsError) {
        let benchmark = try Self.expectedMaximumSharpe(trials: trials, sharpeVariance: trialSharpeVariance)
        let z = try ProbabilisticSharpeRatio.zScore(
            sharpe: moments.sharpe, benchmark: benchmark, observations: moments.count,
            skewness: moments.skewness, kurtosis: moments.kurtosis)
        self.probability = NormalDistribution.cdf(z)
        self.zScore = z
        self.expectedMaximumSharpe = benchmark
        self.moments = moments
        self.trials = trials
        self.trialSharpeVariance = trialSharpeVariance
    }

    /// DSR of the selected strategy's returns against the per-period Sharpe ratios of all the
    /// trials (the selected one included). `V` is the **sample** variance (ddof = 1) of
    /// `trialSharpeRatios` and `N = trialSharpeRatios.count`.
    /// - Throws: `.insufficientTrials` (fewer than 2 trial Sharpe ratios),
    ///   `.nonFiniteValue(field: "trialSharpeRatios", ...)`, `.statistics(...)` from the returns
    ///   (fewer than 2, non-finite, constant), and everything the moments initialiser throws.
    public init(returns: [Double], trialSharpeRatios: [Double]) throws(MetricsError) {
        guard trialSharpeRatios.count >= 2 else {
            throw .insufficientTrials(needed: 2, got: trialSharpeRatios.count)
        }
        for (i, s) in trialSharpeRatios.enumerated() where !s.isFinite {
            throw .nonFiniteValue(field: "trialSharpeRatios", index: i)
        }
        let n = Double(trialSharpeRatios.count)
        let mean = compensatedSum(trialSharpeRatios) / n
        let variance = compensatedSum(trialSharpeRatios.lazy.map { ($0 - mean) * ($0 - mean) }) / (n - 1)
        try self.init(moments: ReturnMoments(returns: returns), trials: trialSharpeRatios.count,
                      trialSharpeVariance: variance)
    }
}
