#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fitted fallbacks of `VIXComplex`, used on days the store lacks the real input.
/// Fitted by `Tools/fits/vix_complex_fit.py` on 2007-01-01 .. 2013-12-31 (VX settlements from
/// 2007-03-26, the first day on today's scale) and tested out of sample on 2014-2016; figures
/// in `Tools/fits/RESULTS.md` and the README (re-checked from the bundled data by
/// VIXComplexFallbackTests).
///
/// Futures without settlements (Grünbichler-Longstaff mean reversion, `VIXFuturesCurve`) with a
/// long-run level that follows the past year's VIX:
///
///     F(τ) = θ + (VIX − θ)·e^{−κτ},  θ = a + b·mean(last 252 VIX closes),  τ in years (ACT/365)
///
/// a = 8.59076, b = 0.76223, κ = 3.76743/yr (least squares on VX1 and VX2 settlements).
///
/// VVIX without a real VVIX (log-linear regression, OLS):
///
///     ln VVIX = c₀ + c₁·ln VIX + c₂·ln(VIX / mean(last 50 VIX closes))
///
/// c₀ = 4.2246, c₁ = 0.0748, c₂ = 0.3347: vol of vol rises when the VIX jumps above its recent
/// average (c₂ > 0), the opposite of the inverse level law it replaces.
public struct VIXComplexParameters: Sendable, Codable, Equatable {
    public var futuresThetaIntercept: Double
    public var futuresThetaSlope: Double
    public var futuresKappa: Double
    public var futuresWindow: Int
    public var vvixIntercept: Double
    public var vvixLevelSlope: Double
    public var vvixSpikeSlope: Double
    public var vvixWindow: Int

    public static let standard = VIXComplexParameters(
        futuresThetaIntercept: 8.59076, futuresThetaSlope: 0.76223, futuresKappa: 3.76743, futuresWindow: 252,
        vvixIntercept: 4.2246, vvixLevelSlope: 0.0748, vvixSpikeSlope: 0.3347, vvixWindow: 50)

    public init(
        futuresThetaIntercept: Double, futuresThetaSlope: Double, futuresKappa: Double, futuresWindow: Int,
        vvixIntercept: Double, vvixLevelSlope: Double, vvixSpikeSlope: Double, vvixWindow: Int
    ) {
        self.futuresThetaIntercept = futuresThetaIntercept
        self.futuresThetaSlope = futuresThetaSlope
        self.futuresKappa = futuresKappa
        self.futuresWindow = futuresWindow
        self.vvixIntercept = vvixIntercept
        self.vvixLevelSlope = vvixLevelSlope
        self.vvixSpikeSlope = vvixSpikeSlope
        self.vvixWindow = vvixWindow
    }

    public func validate() throws(VolModelError) {
        guard futuresKappa > 0, futuresKappa.isFinite else {
            throw .invalidParameter(name: "vixComplex.futuresKappa", reason: "must be > 0 (got \(futuresKappa))")
        }
        let most = VIXComplexInputs.trailingCount
        guard (1...most).contains(futuresWindow), (1...most).contains(vvixWindow) else {
            throw .invalidParameter(name: "vixComplex.futuresWindow", reason: "windows must be in 1...\(most) sessions (the VIX closes loaded per day)")
        }
        for (name, value) in [
            ("futuresThetaIntercept", futuresThetaIntercept), ("futuresThetaSlope", futuresThetaSlope), ("vvixIntercept", vvixIntercept),
            ("vvixLevelSlope", vvixLevelSlope), ("vvixSpikeSlope", vvixSpikeSlope),
        ] where !value.isFinite {
            throw .invalidParameter(name: "vixComplex.\(name)", reason: "must be finite")
        }
    }

    /// θ of the fallback curve from trailing VIX closes (oldest first; the last `futuresWindow`,
    /// or all of them when fewer: early in a history the mean is over what exists). nil when
    /// there are none.
    public func fallbackTheta(recentVIX: [Double]) -> Double? {
        guard let mean = Self.mean(recentVIX.suffix(futuresWindow)) else { return nil }
        return futuresThetaIntercept + futuresThetaSlope * mean
    }

    /// The fallback VVIX for a VIX close and trailing closes (ending with that close).
    public func fallbackVVIX(vix: Double, recentVIX: [Double]) -> Double? {
        guard vix > 0, let mean = Self.mean(recentVIX.suffix(vvixWindow)), mean > 0 else { return nil }
        return exp(vvixIntercept + vvixLevelSlope * log(vix) + vvixSpikeSlope * log(vix / mean))
    }

    static func mean(_ values: ArraySlice<Double>) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
