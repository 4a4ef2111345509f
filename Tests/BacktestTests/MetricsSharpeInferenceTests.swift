import QuantCore
import Testing
@testable import Backtest

// Expected values: mpmath at 40 digits (script below, run by hand), cross-checked with
// numpy/scipy (np.std ddof=1, scipy.stats.skew, scipy.stats.kurtosis(fisher=False)):
//
//   from mpmath import mp, mpf, sqrt, ncdf, erfinv, e, euler; mp.dps = 40
//   qnorm = lambda p: sqrt(2)*erfinv(2*mpf(p)-1)
//   emax = lambda N, V: sqrt(V)*((1-euler)*qnorm(1-mpf(1)/N) + euler*qnorm(1-1/(N*e)))
//   z = lambda sr, b, T, sk, ku: (sr-b)*sqrt(T-1)/sqrt(1 - sk*sr + (ku-1)/4*sr**2)
//   DSR = ncdf(z(SR, emax(N, V), T, skew, kurt));  PSR(b) = ncdf(z(SR, b, T, skew, kurt))
//
// Tolerance 1e-12 relative: QuantCore's Φ and Φ⁻¹ are accurate to a few ulps and the rest is
// a handful of double operations (observed differences ~1e-15).
@Suite("Probabilistic and Deflated Sharpe ratios") struct MetricsSharpeInferenceTests {
    // Bailey & López de Prado (2014), numerical example: annualised SR 2.5 over 5 years of daily
    // returns (T = 1250, 250 per year), N = 100 trials with annualised Sharpe variance 0.5,
    // skewness -3, kurtosis 10. The paper reports E[max SR] ≈ 0.1132 (per day) and DSR ≈ 0.9004.
    //   SR = 2.5/sqrt(250) = 0.15811388300841897, V = 0.5/250 = 0.002
    //   emax(100, 0.002) = 0.11317200186513203, z = 1.2838160365336578, DSR = 0.90039683444939096
    @Test func papersNumericalExample() throws {
        let moments = ReturnMoments(count: 1250, sharpe: 2.5 / 250.0.squareRoot(), skewness: -3, kurtosis: 10)
        let dsr = try DeflatedSharpeRatio(moments: moments, trials: 100, trialSharpeVariance: 0.5 / 250)
        #expect(metricsClose(dsr.expectedMaximumSharpe, 0.11317200186513203))
        #expect(metricsClose(dsr.zScore, 1.2838160365336578))
        #expect(metricsClose(dsr.probability, 0.90039683444939096))
        #expect(abs(dsr.probability - 0.9004) < 5e-5)  // the paper's rounded figure
    }

    // E[max] of N standard-normal Sharpe ratios (V = 1): N = 2, 10, 1000.
    @Test func expectedMaximumSharpe() throws {
        #expect(metricsClose(try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 2, sharpeVariance: 1), 0.51975534428059392))
        #expect(metricsClose(try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 10, sharpeVariance: 1), 1.57459830134575))
        #expect(metricsClose(try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 1000, sharpeVariance: 1), 3.2551215136527256))
        // Scales with sqrt(V); zero dispersion across trials means no selection bias.
        #expect(metricsClose(try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 10, sharpeVariance: 4), 2 * 1.57459830134575))
        #expect(try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 10, sharpeVariance: 0) == 0)
    }

    // r = [0.012, -0.004, 0.007, 0.015, -0.021, 0.003, 0.009, -0.006, 0.011, 0.002, -0.013, 0.018]
    // T = 12, SR = 0.23330918370349806, skew = -0.65071897009728258, kurt = 2.4562075619884615
    // PSR(0) = 0.76265780268719177, PSR(0.1) = 0.65853568778330627
    // Trials [SR, 0.05, -0.1, 0.2, 0.12]: V (ddof 1) = 0.017667287080084073,
    //   E[max] = 0.1585176237543935, z = 0.22916734136463617, DSR = 0.59063057251766607
    static let returns = [0.012, -0.004, 0.007, 0.015, -0.021, 0.003, 0.009, -0.006, 0.011, 0.002, -0.013, 0.018]

    @Test func momentsOfAReturnSeries() throws {
        let m = try ReturnMoments(returns: Self.returns)
        #expect(m.count == 12)
        #expect(metricsClose(m.sharpe, 0.23330918370349806))
        #expect(metricsClose(m.skewness, -0.65071897009728258))
        #expect(metricsClose(m.kurtosis, 2.4562075619884615))
        // Per-period Sharpe is QuantCore's annualised Sharpe / sqrt(periodsPerYear).
        let annual = try PortfolioStatistics.sharpeRatio(returns: Self.returns)
        #expect(metricsClose(m.sharpe, annual / 252.0.squareRoot()))
    }

    @Test func probabilisticSharpeRatio() throws {
        #expect(metricsClose(try ProbabilisticSharpeRatio.probability(returns: Self.returns), 0.76265780268719177))
        #expect(metricsClose(try ProbabilisticSharpeRatio.probability(returns: Self.returns, benchmark: 0.1),
                             0.65853568778330627))
        // Benchmark equal to the observed Sharpe: exactly one half.
        let m = try ReturnMoments(returns: Self.returns)
        #expect(try ProbabilisticSharpeRatio.probability(moments: m, benchmark: m.sharpe) == 0.5)
        // Normal returns (skew 0, kurtosis 3): z = SR·sqrt(T-1)/sqrt(1 + SR²/2).
        let z = try ProbabilisticSharpeRatio.zScore(sharpe: 0.1, benchmark: 0, observations: 101, skewness: 0, kurtosis: 3)
        #expect(metricsClose(z, 0.1 * 10 / (1.005).squareRoot()))
    }

    @Test func deflatedSharpeFromTrials() throws {
        let trials = [0.23330918370349806, 0.05, -0.1, 0.2, 0.12]
        let dsr = try DeflatedSharpeRatio(returns: Self.returns, trialSharpeRatios: trials)
        #expect(dsr.trials == 5)
        #expect(metricsClose(dsr.trialSharpeVariance, 0.017667287080084073))
        #expect(metricsClose(dsr.expectedMaximumSharpe, 0.1585176237543935))
        #expect(metricsClose(dsr.zScore, 0.22916734136463617))
        #expect(metricsClose(dsr.probability, 0.59063057251766607))
        // Deflation: the DSR is below the PSR against 0.
        #expect(dsr.probability < (try ProbabilisticSharpeRatio.probability(returns: Self.returns)))
    }

    @Test func moreTrialsDeflateMore() throws {
        let m = ReturnMoments(count: 1250, sharpe: 0.1, skewness: -1, kurtosis: 6)
        var last = 1.0
        for n in [2, 5, 10, 100, 1000, 10_000] {
            let p = try DeflatedSharpeRatio(moments: m, trials: n, trialSharpeVariance: 0.001).probability
            #expect(p < last && p >= 0 && p <= 1)
            last = p
        }
    }

    @Test func singleTrialIsAnError() {
        #expect(throws: MetricsError.insufficientTrials(needed: 2, got: 1)) {
            try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 1, sharpeVariance: 0.5)
        }
        #expect(throws: MetricsError.insufficientTrials(needed: 2, got: 1)) {
            try DeflatedSharpeRatio(returns: Self.returns, trialSharpeRatios: [0.2])
        }
        #expect(throws: MetricsError.insufficientTrials(needed: 2, got: 0)) {
            try DeflatedSharpeRatio(moments: ReturnMoments(count: 10, sharpe: 0.1, skewness: 0, kurtosis: 3),
                                    trials: 0, trialSharpeVariance: 0.1)
        }
    }

    @Test func degenerateInputsThrow() {
        #expect(throws: MetricsError.statistics(.zeroVolatility)) {
            try ReturnMoments(returns: [0.01, 0.01, 0.01])
        }
        #expect(throws: MetricsError.statistics(.insufficientData(needed: 2, got: 1))) {
            try ProbabilisticSharpeRatio.probability(returns: [0.01])
        }
        #expect(throws: MetricsError.insufficientData(needed: 2, got: 1)) {
            try ProbabilisticSharpeRatio.probability(sharpe: 0.1, benchmark: 0, observations: 1, skewness: 0, kurtosis: 3)
        }
        // 1 - skew·SR + (kurt-1)/4·SR² = 1 - 2·1 + 0 < 0: impossible moments.
        #expect(throws: MetricsError.self) {
            try ProbabilisticSharpeRatio.probability(sharpe: 1, benchmark: 0, observations: 10, skewness: 2, kurtosis: 1)
        }
        #expect(throws: MetricsError.self) {
            try ProbabilisticSharpeRatio.probability(sharpe: .nan, benchmark: 0, observations: 10, skewness: 0, kurtosis: 3)
        }
        #expect(throws: MetricsError.self) {
            try DeflatedSharpeRatio.expectedMaximumSharpe(trials: 10, sharpeVariance: -1)
        }
        #expect(throws: MetricsError.nonFiniteValue(field: "trialSharpeRatios", index: 1)) {
            try DeflatedSharpeRatio(returns: Self.returns, trialSharpeRatios: [0.1, .nan])
        }
    }
}
