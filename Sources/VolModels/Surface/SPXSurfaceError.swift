/// Why an SPX surface could not be built; each case names the input.
public enum SPXSurfaceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A market input (vix, spot, rate, dividendYield, expiries[i], events[i]…) is invalid.
    case invalidInput(field: String, value: Double, reason: String)
    /// A model parameter (rho, eta, gamma, meanReversion, longRunVolatility, dividendYield).
    case invalidParameter(field: String, value: Double, reason: String)
    /// The event variance inside 30 days is at least the whole VIX variance: no diffusive
    /// variance would be left.
    case eventsExceedVIX(eventVariance: Double, vixTotalVariance: Double)
    /// The variance-swap root finder failed (should not happen for valid inputs).
    case calibrationFailed(expiry: Double, target: Double)

    public var field: String {
        switch self {
        case .invalidInput(let f, _, _), .invalidParameter(let f, _, _): f
        case .eventsExceedVIX: "events"
        case .calibrationFailed: "expiries"
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let f, let v, let r): "\(f) = \(v): \(r)"
        case .invalidParameter(let f, let v, let r): "parameter \(f) = \(v): \(r)"
        case .eventsExceedVIX(let e, let v):
            "event variance within 30 days (\(e)) leaves no diffusive variance in the VIX (30-day total variance \(v))"
        case .calibrationFailed(let t, let target): "no ATM variance reproduces variance-swap total variance \(target) at T = \(t)"
        }
    }
}
