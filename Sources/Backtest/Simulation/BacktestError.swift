/// A run asked of a timeline it cannot use.
public enum BacktestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration's dates or model parameters differ from the timeline's.
    case timelineMismatch(String)

    public var description: String {
        switch self {
        case .timelineMismatch(let reason): "backtest configuration does not match the prepared market timeline: \(reason)"
        }
    }
}
