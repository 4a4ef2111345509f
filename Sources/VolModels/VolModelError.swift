/// Why a model could not be built or evaluated. Each case says what is missing or invalid.
public enum VolModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A model parameter is out of its domain (named).
    case invalidParameter(name: String, reason: String)
    /// The market data needed for a date is missing or unusable.
    case missingMarketData(String)
    case invalidMarketData(String)
    /// A numerical procedure failed to converge or bracket its root.
    case numerical(String)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let reason): "parameter '\(name)': \(reason)"
        case .missingMarketData(let what): "missing market data: \(what)"
        case .invalidMarketData(let what): "invalid market data: \(what)"
        case .numerical(let what): "numerical failure: \(what)"
        }
    }
}
