#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One point of a modelled VIX futures curve: time to expiry in years and the future in index points.
public struct VIXFuturePoint: Sendable, Hashable, Codable {
    public var timeToExpiry: Double
    public var future: Double

    public init(timeToExpiry: Double, future: Double) {
        self.timeToExpiry = timeToExpiry
        self.future = future
    }
}

/// Modelled VIX futures curve with mean reversion of the VIX level (Grünbichler & Longstaff 1996
/// style drift κ(θ - V), see `VIXTermStructureParameters`):
///
///     F(t, T) = θ + (VIX_t - θ)·e^{-κ(T-t)}
///
/// Units: VIX, θ and F in index points; τ = T - t in years (calendar time; use the futures'
/// settlement date, which is a Wednesday 30 days before the following SPX expiry). Properties:
/// F → VIX as τ → 0, F → θ as τ → ∞, and F moves monotonically from VIX toward θ, so the curve
/// is in contango (upward sloping) exactly when VIX < θ and in backwardation when VIX > θ.
///
/// Limits: one-factor and deterministic in shape, so it cannot produce humped curves or the
/// short-end kinks seen around events; parameters are assumptions (see the parameter type).
/// Invalid input (VIX not finite or ≤ 0, τ negative or not finite) throws `VIXModelError`.
public struct VIXFuturesCurve: Sendable, Hashable, Codable {
    public let parameters: VIXTermStructureParameters

    public init(parameters: VIXTermStructureParameters = .standard) {
        self.parameters = parameters
    }

    /// F(t, T) = θ + (VIX - θ)·e^{-κτ}, τ = `timeToExpiry` in years (≥ 0).
    public func future(vix: Double, timeToExpiry: Double) throws(VIXModelError) -> Double {
        try VIXCheck.positive(vix, "vix")
        try VIXCheck.nonNegative(timeToExpiry, "T")
        return uncheckedFuture(vix: vix, timeToExpiry: timeToExpiry)
    }

    /// The formula without validation (for callers that have validated already).
    public func uncheckedFuture(vix: Double, timeToExpiry: Double) -> Double {
        let theta = parameters.longRunLevel
        return theta + (vix - theta) * exp(-parameters.meanReversion * timeToExpiry)
    }

    /// The curve at each expiry of `expiries` (years, each ≥ 0), in the given order.
    public func curve(vix: Double, expiries: [Double]) throws(VIXModelError) -> [VIXFuturePoint] {
        try VIXCheck.positive(vix, "vix")
        var points: [VIXFuturePoint] = []
        points.reserveCapacity(expiries.count)
        for time in expiries {
            try VIXCheck.nonNegative(time, "T")
            points.append(VIXFuturePoint(timeToExpiry: time, future: uncheckedFuture(vix: vix, timeToExpiry: time)))
        }
        return points
    }

    /// Relative slope of the curve between two expiries, for regime voters:
    ///
    ///     contango = (F(far) - F(near)) / F(near)
    ///
    /// Positive = contango (calm regime, VIX below θ), negative = backwardation (stress, VIX
    /// above θ), 0 when VIX = θ or κ = 0. Under this model the sign is sign(θ - VIX) for every
    /// 0 ≤ near < far. A common choice is near = 1 month, far = 2 to 6 months (years: 30/365,
    /// 60/365 ... 182/365). Throws if farTime ≤ nearTime.
    public func contango(vix: Double, nearTime: Double, farTime: Double) throws(VIXModelError) -> Double {
        let near = try future(vix: vix, timeToExpiry: nearTime)
        let far = try future(vix: vix, timeToExpiry: farTime)
        guard farTime > nearTime else { throw .expiriesOutOfOrder(near: nearTime, far: farTime) }
        return (far - near) / near
    }
}
