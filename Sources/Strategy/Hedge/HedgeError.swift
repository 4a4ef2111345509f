import MarketData

/// Why the planner could not plan: inputs out of domain, or a chain that lacks what a rule needs.
public enum HedgeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input out of its domain, named.
    case invalidInput(field: String, reason: String)
    /// The VIX chain has no expiry satisfying a rule.
    case noExpiry(rule: String, date: MarketDate)
    /// A held position cannot be priced from the chain (its expiry is not listed).
    case unpricedHolding(HedgeInstrument)

    public var description: String {
        switch self {
        case let .invalidInput(field, reason): "hedge planner input '\(field)': \(reason)"
        case let .noExpiry(rule, date): "VIX chain on \(date) has no expiry satisfying \(rule)"
        case let .unpricedHolding(instrument): "held \(instrument) is not in the VIX chain and cannot be priced"
        }
    }
}
