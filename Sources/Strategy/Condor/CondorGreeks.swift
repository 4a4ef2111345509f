/// Position greeks of a condor in dollars: Σ over the legs of sign · greek · 100 · qty
/// (sign +1 long, −1 short; greeks per unit from `OptionValuation`).
///
/// - `delta`: dollars per 1 SPX point (∂P&L/∂S).
/// - `gamma`: change of `delta` per 1 SPX point (dollars per point²).
/// - `vega`: dollars per 1.00 of implied volatility (divide by 100 for one vol point).
/// - `thetaPerYear`: −∂V/∂T of the position in dollars per year (positive for a short condor:
///   it earns time decay); `thetaPerDay` = thetaPerYear / 365 (calendar day).
public struct CondorGreeks: Sendable, Codable, Equatable {
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var thetaPerYear: Double

    public init(delta: Double, gamma: Double, vega: Double, thetaPerYear: Double) {
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.thetaPerYear = thetaPerYear
    }

    /// Dollars per calendar day.
    public var thetaPerDay: Double { thetaPerYear / 365 }

    /// Sums the legs for `quantity` contracts of each.
    public init(legs: [CondorLeg], quantity: Int) {
        let scale = IronCondor.multiplier * Double(quantity)
        var d = 0.0, g = 0.0, v = 0.0, t = 0.0
        for leg in legs {
            let s = leg.role.sign * scale
            d += s * leg.delta
            g += s * leg.gamma
            v += s * leg.vega
            t += s * leg.theta
        }
        self.init(delta: d, gamma: g, vega: v, thetaPerYear: t)
    }
}
