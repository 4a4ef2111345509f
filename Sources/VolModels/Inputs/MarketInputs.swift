import MarketData

/// What the models need for one valuation date, read point-in-time from the store: the S&P 500
/// and VIX closes of that session, the Treasury curve, the trading calendar and the scheduled
/// events still ahead. Valuation is at the close (16:00 ET); times to expiry are calendar days
/// between the valuation date and the expiry date over 365 (ACT/365, both at the close).
public struct MarketInputs: Sendable {
    public var date: MarketDate
    public var spot: Double
    public var vix: Double
    public var rates: RateCurve
    /// Scheduled events after the valuation date, in date order.
    public var pendingEvents: [CalendarEvent]
    /// Events on the valuation date itself (already released by the close; quotes are wider).
    public var eventsToday: [CalendarEvent]
    /// The VIX complex as the store knows it at the close (each nil/empty when the store has no
    /// such data for the date: the VIX models then fall back and say so, see `VIXComplex`).
    public var vixComplex: VIXComplexInputs
    /// The day's Cboe SKEW close, if the store has it (the SPX smile's skew is calibrated to it,
    /// see `SPXMarketModel`).
    public var skew: Double?

    public init(
        date: MarketDate, spot: Double, vix: Double, rates: RateCurve, pendingEvents: [CalendarEvent], eventsToday: [CalendarEvent] = [],
        vixComplex: VIXComplexInputs = VIXComplexInputs(), skew: Double? = nil
    ) {
        self.skew = skew
        self.vixComplex = vixComplex
        self.date = date
        self.spot = spot
        self.vix = vix
        self.rates = rates
        self.pendingEvents = pendingEvents
        self.eventsToday = eventsToday
    }

    /// Loads the inputs for `date` as known at its close. `date` must be a session with both an
    /// S&P 500 and a VIX close in the store.
    public static func load(_ store: some MarketDataStore, date: MarketDate, spotSymbol: String = "SPX", vixSymbol: String = "VIX") throws -> MarketInputs {
        guard let bar = try store.bars(spotSymbol, from: date, asOf: date).last, bar.date == date else {
            throw VolModelError.missingMarketData("no \(spotSymbol) close on \(date)")
        }
        guard let vix = try store.observations(vixSymbol, from: date, asOf: date).last, vix.date == date else {
            throw VolModelError.missingMarketData("no \(vixSymbol) close on \(date)")
        }
        let rates: RateCurve
        if let curve = try store.treasuryCurve(asOf: date), date - curve.date <= 7 {
            rates = try RateCurve(curve)
        } else {
            rates = try RateCurve.fromDailyYields(store, asOf: date)
        }
        // Events on the valuation date itself (FOMC at 14:00, CPI at 08:30) have passed by the close.
        let events = try store.events(from: date.adding(days: 1), through: date.adding(days: 400), asOf: date)
        let today = try store.events(from: date, through: date, asOf: date)
        let skew = try store.observations("SKEW", from: date, asOf: date).last.flatMap { $0.date == date ? $0.value : nil }
        return MarketInputs(
            date: date, spot: bar.close, vix: vix.value, rates: rates, pendingEvents: events, eventsToday: today,
            vixComplex: try VIXComplexInputs.load(store, date: date), skew: skew)
    }

    /// ACT/365 year fraction from the valuation date to `day`.
    public func years(to day: MarketDate) -> Double { Double(day - date) / 365 }
}
