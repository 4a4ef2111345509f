import MarketData

/// Why a regime decision could not be made.
public enum RegimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The decision date lies outside the trading calendar's covered range.
    case dateOutsideCalendar(MarketDate)

    public var description: String {
        switch self {
        case .dateOutsideCalendar(let date): "regime: \(date) is outside the trading calendar"
        }
    }
}
