/// A scheduled event (FOMC decision, CPI release, …) still ahead of the valuation time, modelled
/// as a jump in the log-price at `timeToEvent` with variance `jumpVariance` ("event variance";
/// Dubinsky, Johannes, Kaeck & Seeger 2019, "Option pricing of earnings announcement risks";
/// practitioners' "temporal theta"). Every expiry after the event carries the extra total
/// variance e; once the event has passed (timeToEvent ≤ 0) it is ignored and those expiries lose
/// e of total implied variance at once — the post-event volatility crush.
///
/// `jumpVariance` is a total (not annualised) variance: e = (typical absolute move)², so
/// 1.0e-4 ≈ a 1% one-day move. Defaults are assumptions for the SPX: FOMC 1.0e-4, CPI 0.6e-4
/// (≈ 0.77%), in line with the average absolute SPX moves on those days in 2022–2024.
public struct PendingEvent: Codable, Sendable, Hashable {
    public var name: String
    /// τ, years from the valuation time to the event (ACT/365 like the expiries).
    public var timeToEvent: Double
    /// e ≥ 0, total variance of the jump.
    public var jumpVariance: Double

    public init(name: String, timeToEvent: Double, jumpVariance: Double) {
        self.name = name
        self.timeToEvent = timeToEvent
        self.jumpVariance = jumpVariance
    }

    public static let fomcJumpVariance = 1.0e-4
    public static let cpiJumpVariance = 0.6e-4

    public static func fomc(timeToEvent: Double, jumpVariance: Double = fomcJumpVariance) -> PendingEvent {
        PendingEvent(name: "FOMC", timeToEvent: timeToEvent, jumpVariance: jumpVariance)
    }

    public static func cpi(timeToEvent: Double, jumpVariance: Double = cpiJumpVariance) -> PendingEvent {
        PendingEvent(name: "CPI", timeToEvent: timeToEvent, jumpVariance: jumpVariance)
    }
}
