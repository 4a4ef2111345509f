/// An option's value and first-order sensitivities (plus gamma), in the conventions used
/// throughout VixShield:
/// - `price` in the currency of the underlying, per unit of underlying (no contract multiplier);
/// - `delta` = ∂V/∂S (or ∂V/∂F for Black-76), `gamma` = ∂²V/∂S²;
/// - `vega` = ∂V/∂σ per 1.00 of volatility (divide by 100 for "per vol point");
/// - `theta` = -∂V/∂T per year, T being time to expiry (negative for a typical long option;
///   divide by 365 for "per calendar day");
/// - `rho` = ∂V/∂r per 1.00 of the continuously compounded rate (for Black-76 with F held fixed).
public struct OptionValuation: Sendable, Equatable {
    public var price: Double
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double
    public var rho: Double

    @inlinable
    public init(price: Double, delta: Double, gamma: Double, vega: Double, theta: Double, rho: Double) {
        self.price = price
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
        self.rho = rho
    }
}
