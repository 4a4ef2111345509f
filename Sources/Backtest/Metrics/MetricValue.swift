import QuantCore

/// A metric that is either computed or unavailable for a stated reason; never `NaN`.
///
/// `value` is `nil` exactly when `unavailableReason` is not, so reports can print
/// "n/a (returns have zero standard deviation; ratio is undefined)" instead of a number
/// that means nothing.
public enum MetricValue<Value: Sendable & Equatable>: Sendable, Equatable {
    case available(Value)
    case unavailable(MetricUnavailableReason)

    /// The value, or `nil` when the metric is unavailable.
    public var value: Value? {
        if case let .available(v) = self { return v }
        return nil
    }

    /// Why the metric is unavailable, or `nil` when it has a value.
    public var unavailableReason: MetricUnavailableReason? {
        if case let .unavailable(reason) = self { return reason }
        return nil
    }

    /// Runs a throwing QuantCore statistic; its ``StatisticsError`` becomes the reason.
    static func catching(_ body: () throws(StatisticsError) -> Value) -> MetricValue {
        do {
            return .available(try body())
        } catch {
            return .unavailable(.statistics(error))
        }
    }
}

/// Why a ``MetricValue`` has no value.
public enum MetricUnavailableReason: Sendable, Equatable, CustomStringConvertible {
    /// A QuantCore statistic was undefined for this input, e.g.
    /// `.zeroVolatility` (flat equity: Sharpe is 0/0), `.zeroDownsideDeviation` (no losing
    /// period: Sortino is x/0), `.zeroDrawdown` (Calmar is x/0), `.insufficientData`
    /// (fewer than 2 equity points), `.nonPositiveValue` (equity reached zero or below, so
    /// returns are undefined), `.noSignChange` / `.noRoot` (no IRR).
    case statistics(StatisticsError)
    /// The trade list is empty, so win rate, profit factor and holding time are undefined.
    case noTrades
    /// No trade lost money, so the profit factor (gross profit / gross loss) divides by zero.
    case noLosingTrades
    /// Nothing was paid (no premium paid, no fees), so a return on cost divides by zero.
    case zeroCost

    public var description: String {
        switch self {
        case let .statistics(error): return error.description
        case .noTrades: return "no closed trades"
        case .noLosingTrades: return "no losing trades; gross loss is zero"
        case .zeroCost: return "no premium paid and no fees; cost is zero"
        }
    }
}
