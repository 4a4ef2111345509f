#if canImport(QuantCore)
    import QuantCore
#endif

/// Why a VIX futures or VIX option model call was refused. Each case names the offending field
/// (`vix`, `T`, `K`, `F`, `r`, or a parameter name) so that callers can report it; nothing in
/// the VIX models returns NaN or a silently clamped value for invalid input.
public enum VIXModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field is NaN or infinite.
    case notFinite(field: String)
    /// A field that must be strictly positive (VIX level, future, strike, θ) is zero or negative.
    case notPositive(field: String, value: Double)
    /// A field that must be non-negative (time to expiry, κ) is negative.
    case negative(field: String, value: Double)
    /// A model parameter outside its documented domain (for example |ρ| ≥ 1, or
    /// η(1+|ρ|) > 2, which would allow butterfly arbitrage in the SSVI smile).
    case invalidParameter(name: String, value: Double, requirement: String)
    /// `contango(vix:nearTime:farTime:)` needs farTime > nearTime.
    case expiriesOutOfOrder(near: Double, far: Double)
    /// Black-76 refused the inputs (for example |r·T| > 700).
    case pricing(PricingError)

    public var field: String {
        switch self {
        case .notFinite(let field), .notPositive(let field, _), .negative(let field, _): field
        case .invalidParameter(let name, _, _): name
        case .expiriesOutOfOrder: "T"
        case .pricing(let error): error.field
        }
    }

    public var description: String {
        switch self {
        case .notFinite(let field): "\(field) must be a finite number"
        case .notPositive(let field, let value): "\(field) must be > 0 (got \(value))"
        case .negative(let field, let value): "\(field) must be >= 0 (got \(value))"
        case .invalidParameter(let name, let value, let requirement): "\(name) = \(value) is invalid: \(requirement)"
        case .expiriesOutOfOrder(let near, let far): "far expiry (\(far)) must be after near expiry (\(near))"
        case .pricing(let error): error.description
        }
    }
}

/// Input checks shared by the VIX models (same conventions as QuantCore's `InputCheck`).
enum VIXCheck {
    static func positive(_ value: Double, _ field: String) throws(VIXModelError) {
        guard value.isFinite else { throw .notFinite(field: field) }
        guard value > 0 else { throw .notPositive(field: field, value: value) }
    }

    static func nonNegative(_ value: Double, _ field: String) throws(VIXModelError) {
        guard value.isFinite else { throw .notFinite(field: field) }
        guard value >= 0 else { throw .negative(field: field, value: value) }
    }

    static func finite(_ value: Double, _ field: String) throws(VIXModelError) {
        guard value.isFinite else { throw .notFinite(field: field) }
    }
}
