import QuantCore

/// Errors thrown by the backtest metrics (``BacktestMetrics``, ``ComponentReturn``,
/// ``VXTHWeight``, ``BuyAndHold``, the Sharpe-ratio inference types and ``WalkForward``).
///
/// House rule (shared with QuantCore's ``StatisticsError``): a metric is never `NaN` or
/// `±infinity`. *Malformed input* (non-finite numbers, dates out of order, a trade that exits
/// before it enters, a bad parameter) throws one of these cases; a metric that is simply
/// *undefined for valid input* (e.g. the Sharpe ratio of a flat equity curve) is reported as
/// ``MetricValue/unavailable(_:)`` with a ``MetricUnavailableReason`` instead.
///
/// Indices are zero-based positions in the array that was passed in.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two parallel arrays (e.g. day numbers and equity values) have different lengths.
    case lengthMismatch(dayNumbers: Int, values: Int)
    /// `dayNumbers[index]` is not strictly greater than `dayNumbers[index - 1]`.
    case daysNotIncreasing(index: Int)
    /// A number in `field` at `index` is `NaN` or infinite.
    case nonFiniteValue(field: String, index: Int)
    /// A number in `field` at `index` is zero or negative where it must be strictly positive.
    case nonPositiveValue(field: String, index: Int)
    /// The trade at `index` has `exitDay < entryDay`.
    case exitBeforeEntry(index: Int)
    /// A scalar parameter is out of range.
    case invalidParameter(name: String, reason: String)
    /// Too few observations (returns, closes, sessions) for the computation.
    case insufficientData(needed: Int, got: Int)
    /// The Deflated Sharpe Ratio needs at least two trials: with one trial there is no
    /// selection to correct for, and the expected-maximum formula hits Φ⁻¹(0) = -∞
    /// (use ``ProbabilisticSharpeRatio`` with a benchmark of 0 instead).
    case insufficientTrials(needed: Int, got: Int)
    /// A QuantCore statistic failed on input that was required to succeed (e.g. the Sharpe
    /// ratio of the selected strategy's returns in the Deflated Sharpe Ratio).
    case statistics(StatisticsError)

    public var description: String {
        switch self {
        case let .lengthMismatch(days, values):
            return "day numbers (\(days)) and values (\(values)) differ in length"
        case let .daysNotIncreasing(index):
            return "day number at index \(index) is not after the previous one"
        case let .nonFiniteValue(field, index):
            return "'\(field)' at index \(index) is NaN or infinite"
        case let .nonPositiveValue(field, index):
            return "'\(field)' at index \(index) must be strictly positive"
        case let .exitBeforeEntry(index):
            return "trade at index \(index) exits before it enters"
        case let .invalidParameter(name, reason):
            return "invalid parameter '\(name)': \(reason)"
        case let .insufficientData(needed, got):
            return "insufficient data: need at least \(needed), got \(got)"
        case let .insufficientTrials(needed, got):
            return "need at least \(needed) trials, got \(got)"
        case let .statistics(error):
            return error.description
        }
    }
}
