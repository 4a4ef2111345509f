/// Parameters of the mean-reverting VIX futures curve (`VIXFuturesCurve`).
///
/// The VIX level is modelled, under the pricing measure, with the linear mean-reverting drift of
/// Grünbichler & Longstaff (1996, "Valuing futures and options on volatility", Journal of Banking
/// & Finance 20:985-1001): dV = κ(θ - V)dt + (diffusion). Any diffusion term gives the same
/// futures curve, because a future is the risk-neutral expectation of the settlement VIX and the
/// drift is linear.
///
/// Defaults and where they come from (both are ASSUMPTIONS for an educational tool, not fitted
/// estimates; calibrate them to quoted VIX futures whenever such quotes are available):
/// - `longRunLevel` θ = 19.5 index points: roughly the average VIX close over 1990-2018. The
///   bundled `market/vix.csv` (2014-01-03 .. 2019-01-03, 1,259 closes) averages 14.9, a calm
///   period, so θ is deliberately above the recent sample mean. Because futures embed a
///   volatility risk premium, a risk-neutral θ is, if anything, higher than the historical mean.
/// - `meanReversion` κ = 4.0 per year: half-life ln 2/κ ≈ 0.17 years ≈ 63 calendar days, so a
///   1-month future sits about 28% of the way from spot to θ and a 6-month future about 86%.
///   No published point estimate was available to cite here. For context: Zhang & Zhu (2006,
///   "VIX futures", Journal of Futures Markets 26:521-531) report that parameters estimated over
///   1990-2005 misprice VIX futures by 16-44% while parameters from the latest year reduce the
///   error to 2-12%, i.e. the mean-reversion parameters are regime-dependent; and a daily AR(1)
///   on the bundled 2014-2018 closes gives a physical κ ≈ 16 per year (half-life ≈ 11 trading
///   days), far faster than the reversion that quoted futures curves imply. κ = 4 is a middle
///   value chosen to give the familiar shape (a few points of contango from 1 to 6 months when VIX
///   is in its low teens), not an estimate.
///
/// Limits: one factor (no central tendency or stochastic volatility of VIX, cf. Mencía &
/// Sentana 2013), constant θ and κ, no jumps; VIX-squared convexity and the premium between the
/// physical and risk-neutral drift are folded into θ and κ.
public struct VIXTermStructureParameters: Sendable, Hashable, Codable, CustomStringConvertible {
    /// θ, long-run VIX level in index points; must be finite and > 0.
    public let longRunLevel: Double
    /// κ, speed of mean reversion per year; must be finite and ≥ 0 (0 = flat curve F = VIX).
    public let meanReversion: Double

    /// θ = 19.5, κ = 4.0 (see the type documentation for sources and assumptions).
    public static let standard = VIXTermStructureParameters(unchecked: 19.5, 4.0)

    public init(longRunLevel: Double = 19.5, meanReversion: Double = 4.0) throws(VIXModelError) {
        try VIXCheck.positive(longRunLevel, "longRunLevel")
        try VIXCheck.nonNegative(meanReversion, "meanReversion")
        self.longRunLevel = longRunLevel
        self.meanReversion = meanReversion
    }

    private init(unchecked longRunLevel: Double, _ meanReversion: Double) {
        self.longRunLevel = longRunLevel
        self.meanReversion = meanReversion
    }

    /// Half-life of a VIX deviation from θ, ln 2/κ, in years (+∞ when κ = 0).
    public var halfLife: Double { meanReversion > 0 ? 0.693_147_180_559_945_3 / meanReversion : .infinity }

    private enum CodingKeys: String, CodingKey { case longRunLevel, meanReversion }

    /// Decoding validates exactly like `init(longRunLevel:meanReversion:)` and throws
    /// `VIXModelError` for values outside the domain.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            longRunLevel: container.decode(Double.self, forKey: .longRunLevel),
            meanReversion: container.decode(Double.self, forKey: .meanReversion))
    }

    public var description: String { "theta=\(longRunLevel) kappa=\(meanReversion)/yr" }
}
