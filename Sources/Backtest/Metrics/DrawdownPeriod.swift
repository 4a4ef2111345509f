import QuantCore

/// The maximum drawdown of an equity curve with its dates.
///
/// Wraps QuantCore's ``MaxDrawdown`` (which reports array indices) and maps the indices to
/// the curve's day numbers. Formula (from `PortfolioStatistics.maxDrawdown(equity:)`):
/// with running peak `P[t] = max_{s<=t} E[s]`, `depth = max_t (P[t] - E[t]) / P[t]`.
public struct DrawdownPeriod: Equatable, Sendable {
    /// Depth as a positive fraction of the peak, in `[0, 1)`: `0.25` = 25 % below the high.
    public let depth: Double
    /// Day of the running high the decline started from (the latest day that high was hit).
    public let peakDay: Int
    /// Day of the lowest point relative to that high (the first such day on ties).
    public let troughDay: Int
    /// First day after the trough with equity back at or above the peak value; `nil` if the
    /// curve had not recovered by its last point.
    public let recoveryDay: Int?
    /// The underlying QuantCore result (indices into the equity curve).
    public let indices: MaxDrawdown

    /// A curve that never falls below its running high has `depth == 0` and peak, trough
    /// and recovery all on the first day (QuantCore's convention, indices 0).
    public init(_ drawdown: MaxDrawdown, dayNumbers: [Int]) {
        depth = drawdown.depth
        peakDay = dayNumbers[drawdown.peakIndex]
        troughDay = dayNumbers[drawdown.troughIndex]
        recoveryDay = drawdown.recoveryIndex.map { dayNumbers[$0] }
        indices = drawdown
    }

    /// Calendar days from the peak to the recovery, `nil` while still under water.
    public var daysToRecovery: Int? { recoveryDay.map { $0 - peakDay } }
}
