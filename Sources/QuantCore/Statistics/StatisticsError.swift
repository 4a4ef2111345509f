/// Errors thrown by the portfolio-statistics functions in ``PortfolioStatistics``.
///
/// House rule: no statistic ever returns a silent `NaN` or `±infinity`. Any input that
/// would make a result undefined (too few points, non-finite values, non-positive equity,
/// zero dispersion, no root, ...) is reported with one of these cases instead.
///
/// Indices are zero-based positions in the array that was passed in.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The series is too short for the statistic (e.g. a sample standard deviation
    /// needs at least 2 observations).
    case insufficientData(needed: Int, got: Int)
    /// The element at `index` is `NaN` or infinite.
    case nonFiniteInput(index: Int)
    /// The element at `index` is zero or negative where a strictly positive value
    /// (e.g. an equity level) is required.
    case nonPositiveValue(index: Int)
    /// A scalar parameter (years, periods per year, risk-free rate, ...) is out of range.
    case invalidParameter(name: String, reason: String)
    /// The returns have zero (or numerically zero) sample standard deviation, so a
    /// ratio that divides by it (Sharpe) is undefined.
    case zeroVolatility
    /// No period fell below the minimum acceptable return, so the downside deviation
    /// is zero and the Sortino ratio is undefined.
    case zeroDownsideDeviation
    /// The equity curve never fell below a previous peak, so the Calmar ratio
    /// (CAGR / max drawdown) is undefined.
    case zeroDrawdown
    /// Cash flows do not contain at least one strictly positive and one strictly
    /// negative amount, so NPV cannot change sign and no IRR exists.
    case noSignChange
    /// The root finder could not find a rate where NPV = 0 in its search domain.
    case noRoot(reason: String)

    public var description: String {
        switch self {
        case let .insufficientData(needed, got):
            return "insufficient data: need at least \(needed) values, got \(got)"
        case let .nonFiniteInput(index):
            return "non-finite input (NaN or infinity) at index \(index)"
        case let .nonPositiveValue(index):
            return "value at index \(index) must be strictly positive"
        case let .invalidParameter(name, reason):
            return "invalid parameter '\(name)': \(reason)"
        case .zeroVolatility:
            return "returns have zero standard deviation; ratio is undefined"
        case .zeroDownsideDeviation:
            return "no returns below the minimum acceptable return; downside deviation is zero"
        case .zeroDrawdown:
            return "equity curve has no drawdown; Calmar ratio is undefined"
        case .noSignChange:
            return "cash flows need at least one positive and one negative amount"
        case let .noRoot(reason):
            return "no IRR root found: \(reason)"
        }
    }
}
