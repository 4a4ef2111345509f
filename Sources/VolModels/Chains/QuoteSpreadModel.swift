/// Bid/ask around a model mid price. No quote history is available offline, so spreads are a
/// stated model, not data: half-spread h = max(minimum, base + proportional·mid), widened by
/// (1 + moneynessWidening·|z|) where z = ln(K/F)/(σ√T) is the strike's distance in standard
/// deviations, and by `eventMultiplier` on event days (fast markets around headlines).
/// Prices are rounded outward to the exchange tick (0.05 below `tickBreak`, else 0.10, as for
/// SPX and VIX options), bids are floored at 0, so a far wing shows a zero bid (which the Cboe
/// VIX computation then truncates) and the mid of the rounded quotes stays within a tick of
/// the model mid. Outward rounding keeps put-call parity of the model mids inside the spread.
public struct QuoteSpreadModel: Sendable, Codable, Equatable {
    public var minimumHalfSpread: Double
    public var baseHalfSpread: Double
    public var proportionalHalfSpread: Double
    public var moneynessWidening: Double
    public var eventMultiplier: Double
    public var smallTick: Double
    public var largeTick: Double
    public var tickBreak: Double

    /// SPX: about $0.10-$0.20 wide near the money for cheap options, ~1.5% of premium for
    /// expensive ones (typical of SPX EOD quotes in 2014-2018; an assumption, not data).
    public static let spx = QuoteSpreadModel(
        minimumHalfSpread: 0.05, baseHalfSpread: 0.05, proportionalHalfSpread: 0.0075, moneynessWidening: 0.10,
        eventMultiplier: 1.5, smallTick: 0.05, largeTick: 0.10, tickBreak: 3)

    /// VIX options: wider relative to premium (an assumption, not data).
    public static let vix = QuoteSpreadModel(
        minimumHalfSpread: 0.025, baseHalfSpread: 0.025, proportionalHalfSpread: 0.02, moneynessWidening: 0.10,
        eventMultiplier: 1.5, smallTick: 0.05, largeTick: 0.10, tickBreak: 3)

    public init(
        minimumHalfSpread: Double, baseHalfSpread: Double, proportionalHalfSpread: Double, moneynessWidening: Double,
        eventMultiplier: Double, smallTick: Double, largeTick: Double, tickBreak: Double
    ) {
        self.minimumHalfSpread = minimumHalfSpread
        self.baseHalfSpread = baseHalfSpread
        self.proportionalHalfSpread = proportionalHalfSpread
        self.moneynessWidening = moneynessWidening
        self.eventMultiplier = eventMultiplier
        self.smallTick = smallTick
        self.largeTick = largeTick
        self.tickBreak = tickBreak
    }

    public func validate() throws(VolModelError) {
        for (name, value) in [
            ("minimumHalfSpread", minimumHalfSpread), ("baseHalfSpread", baseHalfSpread),
            ("proportionalHalfSpread", proportionalHalfSpread), ("moneynessWidening", moneynessWidening),
        ] where !(value >= 0 && value.isFinite) {
            throw .invalidParameter(name: name, reason: "must be a finite number >= 0 (got \(value))")
        }
        guard eventMultiplier >= 1, eventMultiplier.isFinite else {
            throw .invalidParameter(name: "eventMultiplier", reason: "must be >= 1 (got \(eventMultiplier))")
        }
        guard smallTick > 0, largeTick > 0, tickBreak > 0 else {
            throw .invalidParameter(name: "smallTick", reason: "ticks and tickBreak must be > 0")
        }
    }

    /// (bid, ask) for a model mid; `standardDeviations` = |ln(K/F)|/(σ√T).
    @inlinable
    public func quote(mid: Double, standardDeviations: Double, eventDay: Bool) -> (bid: Double, ask: Double) {
        var half = max(minimumHalfSpread, baseHalfSpread + proportionalHalfSpread * mid)
        half *= 1 + moneynessWidening * standardDeviations
        if eventDay { half *= eventMultiplier }
        let lowTick = mid - half < tickBreak ? smallTick : largeTick
        let highTick = mid + half < tickBreak ? smallTick : largeTick
        // 1e-9 guards exact multiples against division noise; the final rounding to cents
        // removes binary noise such as 0.15000000000000002.
        let bid = max(0, (((mid - half) / lowTick) + 1e-9).rounded(.down) * lowTick)
        let ask = max((((mid + half) / highTick) - 1e-9).rounded(.up) * highTick, highTick)
        return ((bid * 100).rounded() / 100, (ask * 100).rounded() / 100)
    }
}
