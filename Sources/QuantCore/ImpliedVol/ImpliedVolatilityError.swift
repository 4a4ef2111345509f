/// Why a price has no implied volatility. `status` is the short code the CLI prints.
public enum ImpliedVolatilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The price is NaN or infinite.
    case priceNotFinite
    /// Price is zero (or negative with zero intrinsic value): every σ down to 0 fits equally badly.
    case zeroPrice
    /// Price is strictly below the discounted intrinsic value: no σ ≥ 0 reaches it.
    case belowIntrinsic
    /// Price equals the intrinsic value: only σ = 0 fits, and the inverse is infinitely ill-posed.
    case atIntrinsic
    /// Price is at or above the model's upper bound (S·e^{-qT} for a call, K·e^{-rT} for a put).
    case aboveMaximum
    /// Time to expiry is zero: the price carries no information about volatility.
    case zeroTime
    /// Another input is invalid (named field).
    case invalidInput(PricingError)

    public var status: String {
        switch self {
        case .priceNotFinite: "price_not_finite"
        case .zeroPrice: "zero_price"
        case .belowIntrinsic: "below_intrinsic"
        case .atIntrinsic: "at_intrinsic"
        case .aboveMaximum: "above_max"
        case .zeroTime: "zero_time"
        case .invalidInput: "invalid_input"
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        default: status.replacingUnderscores()
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
