/// Why an option could not be priced. Each case names the offending input field so that callers
/// (the CLI, importers) can report file, line and field.
public enum PricingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field is NaN or infinite.
    case notFinite(field: String)
    /// A field that must be strictly positive (spot, forward, strike) is zero or negative.
    case notPositive(field: String, value: Double)
    /// A field that must be non-negative (time, volatility) is negative.
    case negative(field: String, value: Double)
    /// A product such as r·T whose exponential would overflow or underflow a double.
    case outOfRange(field: String, value: Double, limit: Double)
    /// Batch columns of different lengths.
    case mismatchedLengths(String)

    public var field: String {
        switch self {
        case .notFinite(let field), .notPositive(let field, _), .negative(let field, _), .outOfRange(let field, _, _): field
        case .mismatchedLengths: "lengths"
        }
    }

    public var description: String {
        switch self {
        case .notFinite(let field): "\(field) must be a finite number"
        case .notPositive(let field, let value): "\(field) must be > 0 (got \(value))"
        case .negative(let field, let value): "\(field) must be >= 0 (got \(value))"
        case .outOfRange(let field, let value, let limit): "\(field) out of range: |\(field)·T| = \(abs(value)) exceeds \(limit)"
        case .mismatchedLengths(let detail): "columns differ in length: \(detail)"
        }
    }
}

@usableFromInline
enum InputCheck {
    @inlinable
    static func positive(_ value: Double, _ field: String) throws(PricingError) {
        guard value.isFinite else { throw .notFinite(field: field) }
        guard value > 0 else { throw .notPositive(field: field, value: value) }
    }

    @inlinable
    static func nonNegative(_ value: Double, _ field: String) throws(PricingError) {
        guard value.isFinite else { throw .notFinite(field: field) }
        guard value >= 0 else { throw .negative(field: field, value: value) }
    }

    @inlinable
    static func finite(_ value: Double, _ field: String) throws(PricingError) {
        guard value.isFinite else { throw .notFinite(field: field) }
    }

    /// e^{±rate·T} must stay a normal double: |rate·T| ≤ 700.
    @inlinable
    static func exponent(_ rate: Double, time: Double, _ field: String) throws(PricingError) {
        guard abs(rate * time) <= 700 else { throw .outOfRange(field: field, value: rate * time, limit: 700) }
    }
}
