import MarketData
import QuantCore

/// The SPX surface for one valuation date: listed expiries from the trading calendar, pending
/// events as jump variance, the surface calibrated to that day's VIX (see `SPXVolSurface`).
public struct SPXMarketModel: Sendable {
    public let inputs: MarketInputs
    public internal(set) var expiryDates: [MarketDate]
    public private(set) var surface: SPXVolSurface
    public let parameters: ChainModelParameters

    public init(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()) throws {
        try parameters.validate()
        self.inputs = inputs
        self.parameters = parameters
        expiryDates = try Self.listedExpiries(after: inputs.date, calendar: calendar, schedule: parameters.expiries)
        let events = inputs.pendingEvents.map { Self.pendingEvent($0, from: inputs.date, parameters: parameters.events) }
        let times = expiryDates.map(inputs.years(to:))
        func calibrate(_ vix: Double) throws -> SPXVolSurface {
            do {
                return try SPXVolSurface.calibrated(
                    vix: vix, spot: inputs.spot, rate: inputs.rates.rate(years: 30.0 / 365),
                    dividendYield: parameters.surface.dividendYield, expiries: times, events: events, parameters: parameters.surface)
            } catch {
                throw VolModelError.numerical("SPX surface on \(inputs.date): \(error)")
            }
        }
        surface = try calibrate(inputs.vix)
        // The published VIX is Cboe's discrete computation over listed strikes, interpolated
        // linearly in total variance between the two expiries around 30 days; the surface's
        // anchor is the continuous 30-day variance swap. They differ when an event falls between
        // day 30 and the next expiry, and by the strike grid's truncation. Rescale the anchor
        // until the Cboe computation over this model's own chain gives the day's VIX (a few
        // hundredths of a point; usually one or two steps).
        anchorVIX = inputs.vix
        for _ in 0..<4 {
            guard let computed = try? ModelVIX.cboe(self), computed > 0 else { break }
            if abs(computed - inputs.vix) <= 0.005 { break }
            anchorVIX *= inputs.vix / computed
            surface = try calibrate(anchorVIX)
        }
    }

    /// A model whose surface is fitted to a real chain of that date instead of derived from the
    /// VIX (see `RealChainCalibration`); `fit` reports the fit error.
    public init(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters(), realChain: [OptionQuote]) throws {
        try parameters.validate()
        self.inputs = inputs
        self.parameters = parameters
        expiryDates = try Self.listedExpiries(after: inputs.date, calendar: calendar, schedule: parameters.expiries)
        let fit = try RealChainCalibration.fit(realChain, inputs: inputs, parameters: parameters.surface)
        surface = fit.surface
        self.fit = fit
        anchorVIX = fit.surface.modelVIX
    }

    /// The model for a date from the store: fitted to the real SPX chain imported for that date
    /// when there is one (`RealChainCalibration`), otherwise calibrated to the VIX.
    public static func forDate(
        _ store: some MarketDataStore, inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()
    ) throws -> SPXMarketModel {
        let real = try store.optionQuotes(underlying: "SPX", quoteDate: inputs.date)
        if real.isEmpty { return try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: parameters) }
        return try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: parameters, realChain: real)
    }

    /// Set when the surface was fitted to a real chain.
    public private(set) var fit: SurfaceFit?

    /// The VIX level fed to the surface's 30-day variance-swap anchor after matching the Cboe
    /// computation (equal to the input VIX unless an event or the strike grid moved it).
    public private(set) var anchorVIX: Double = 0

    /// Friday weeklies within `weeklyDays`, standard monthlies within `monthlyDays`, and none
    /// beyond the trading calendar's last session (near the end of the bundled calendar,
    /// 2026-12-31, the longest expiries are not listed rather than guessed).
    public static func listedExpiries(after date: MarketDate, calendar: TradingCalendar, schedule: ExpiryScheduleParameters) throws -> [MarketDate] {
        let end = min(date.adding(days: schedule.monthlyDays), calendar.lastSession)
        guard let all = calendar.spxExpiries(from: date.adding(days: 1), through: end, includeWeeklies: true) else {
            throw VolModelError.missingMarketData("trading calendar does not cover \(date) .. \(end)")
        }
        let listed = all.filter { expiry in
            if expiry - date <= schedule.weeklyDays { return true }
            let (y, m, _) = expiry.components
            // Monthly if it is this month's standard expiry (third Friday or the session before it).
            return calendar.spxMonthlyExpiry(year: y, month: m) == expiry
                || calendar.spxMonthlyExpiry(year: m == 12 ? y + 1 : y, month: m % 12 + 1) == expiry
        }
        guard !listed.isEmpty else { throw VolModelError.missingMarketData("no SPX expiries after \(date)") }
        return listed
    }

    /// A calendar event as jump variance. τ counts to the release time: an 08:30 CPI or a 14:00
    /// FOMC statement falls before the 16:00 close of its day, so options expiring that day
    /// already carry it.
    public static func pendingEvent(_ event: CalendarEvent, from date: MarketDate, parameters: EventVarianceParameters) -> PendingEvent {
        let jump = event.isFOMC ? parameters.fomc : (event.isCPI ? parameters.cpi : parameters.other)
        var hoursBeforeClose = 2.0
        if let time = event.timeET, let hour = Double(time.prefix(2)), let minute = Double(time.suffix(2)) {
            hoursBeforeClose = max(0, 16 - hour - minute / 60)
        }
        let days = Double(event.date - date) - hoursBeforeClose / 24
        return PendingEvent(name: event.event, timeToEvent: days / 365, jumpVariance: jump)
    }
}
