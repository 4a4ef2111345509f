/// Why a run could not go on: a timeline it cannot use, or market data a session needs.
public enum BacktestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration's dates or model parameters differ from the timeline's.
    case timelineMismatch(String)
    /// A session lacks a model the run needs; the message names the date and cause.
    case marketData(String)

    public var description: String {
        switch self {
        case .timelineMismatch(let reason): "backtest configuration does not match the prepared market timeline: \(reason)"
        case .marketData(let reason): reason
        }
    }
}
