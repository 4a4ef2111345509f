#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

extension PortfolioStatistics {
    /// Compound annual growth rate from a start value, an end value and elapsed years.
    ///
    /// Formula: `CAGR = (endValue / startValue)^(1 / years) - 1` (annual decimal rate).
    ///
    /// - Parameters:
    ///   - startValue: initial equity, finite and > 0.
    ///   - endValue: final equity, finite and > 0 (a total wipe-out has no finite
    ///     log-growth and is rejected rather than silently reported as -100 %).
    ///   - years: elapsed time in years, finite and > 0.
    /// - Throws: `.invalidParameter` for any out-of-range argument.
    public static func cagr(startValue: Double, endValue: Double, years: Double) throws(StatisticsError) -> Double {
        guard startValue.isFinite, startValue > 0 else {
            throw .invalidParameter(name: "startValue", reason: "must be finite and > 0, got \(startValue)")
        }
        guard endValue.isFinite, endValue > 0 else {
            throw .invalidParameter(name: "endValue", reason: "must be finite and > 0, got \(endValue)")
        }
        guard years.isFinite, years > 0 else {
            throw .invalidParameter(name: "years", reason: "must be finite and > 0, got \(years)")
        }
        // exp(log(ratio)/years) is the same as pow; pow keeps agreement with numpy.
        let growth = pow(endValue / startValue, 1 / years)
        guard growth.isFinite else {
            throw .invalidParameter(name: "years", reason: "growth factor overflows for such a short period")
        }
        return growth - 1
    }

    /// CAGR of an equity curve sampled at a fixed frequency.
    ///
    /// Convention: a curve of `n` points spans `n - 1` periods, so
    /// `years = (n - 1) / periodsPerYear`; e.g. 253 daily closes = 252 periods = 1 year
    /// at the default 252 trading days per year. Then
    /// `CAGR = (E[n-1] / E[0])^(1 / years) - 1`.
    ///
    /// - Throws: `.insufficientData` (< 2 points), `.nonFiniteInput`,
    ///   `.nonPositiveValue`, `.invalidParameter` (bad `periodsPerYear`).
    public static func cagr(equity: [Double], periodsPerYear: Double = tradingDaysPerYear) throws(StatisticsError) -> Double {
        try validatePeriodsPerYear(periodsPerYear)
        try validatePositive(equity, needed: 2)
        let years = Double(equity.count - 1) / periodsPerYear
        return try cagr(startValue: equity[0], endValue: equity[equity.count - 1], years: years)
    }
}
