import MarketData

/// What a voter may read on one as-of date: the rules and point-in-time access to the store and
/// calendar. Every read passes `asOf: date`, so nothing dated after `date` (and no macro value
/// published after `date`) is ever returned; series are cut to a bounded history window so the
/// result is a pure function of the store contents up to `date`.
public struct VoterInput: Sendable {
    public let date: MarketDate
    public let calendar: TradingCalendar
    public let rules: RegimeRules
    let store: any MarketDataStore

    public init(store: any MarketDataStore, calendar: TradingCalendar, date: MarketDate, rules: RegimeRules) {
        self.store = store
        self.calendar = calendar
        self.date = date
        self.rules = rules
    }

    /// How often a macro series is published (for the staleness rule).
    public enum Periodicity: Sendable {
        case monthly, quarterly

        var months: Int { self == .monthly ? 1 : 3 }
    }

    /// Daily values of `symbol` dated in [`date` − `history_days`, `date`], oldest first: the
    /// closes of its daily bars, or its observations when it has no bars (VIX is stored as an
    /// observation series). Empty when the store has neither.
    public func daily(_ symbol: String) throws -> [Observation] {
        let from = date.adding(days: -rules.historyDays)
        let bars = try store.bars(symbol, from: from, asOf: date)
        if !bars.isEmpty { return bars.map { Observation(date: $0.date, value: $0.close) } }
        return try store.observations(symbol, from: from, asOf: date).filter { $0.date <= date }
    }

    /// `daily(symbol)` when it is fresh: at least `minimumCount` values, the last dated no more
    /// than `daily_max_age_days` before `date`. Otherwise `nil` with the reason.
    public func freshDaily(_ symbol: String, minimumCount: Int) throws -> Result<[Observation], Missing> {
        let series = try daily(symbol)
        guard let last = series.last else { return .failure(Missing("no \(symbol) data on or before \(date)")) }
        let age = date - last.date
        guard age <= rules.dailyMaxAgeDays else {
            return .failure(Missing("\(symbol) is stale: last value \(last.date), \(age) days before \(date)"))
        }
        guard series.count >= minimumCount else {
            return .failure(Missing("only \(series.count) \(symbol) values, \(minimumCount) needed"))
        }
        return .success(series)
    }

    /// Published values of a monthly or quarterly series, oldest first, when fresh: the end of
    /// the latest published period (its FRED date plus one period) is no more than
    /// `monthly_max_age_days` / `quarterly_max_age_days` before `date`. Reads the last ~15 months
    /// of periods plus `change_months` (enough for 12-month changes).
    public func freshPeriodic(_ symbol: String, _ periodicity: Periodicity) throws -> Result<[Observation], Missing> {
        let from = date.adding(days: -(31 * (15 + rules.changeMonths) + 200))
        let series = try store.observations(symbol, from: from, asOf: date)
        guard let last = series.last else { return .failure(Missing("no published \(symbol) value at \(date)")) }
        let periodEnd = Self.addingMonths(periodicity.months, to: last.date)
        let age = date - periodEnd
        let limit = periodicity == .monthly ? rules.monthlyMaxAgeDays : rules.quarterlyMaxAgeDays
        guard age <= limit else {
            return .failure(Missing("\(symbol) is stale: latest period \(last.date) ended \(age) days before \(date) (limit \(limit))"))
        }
        return .success(series)
    }

    /// Scheduled or known events named `name` (case-insensitive) dated in [`from`, `date`].
    public func events(named name: String, from: MarketDate) throws -> [CalendarEvent] {
        try store.events(from: from, through: date, asOf: date).filter { $0.event.uppercased() == name.uppercased() && $0.date <= date }
    }

    /// Whether the store's calendar covers `date` for events named `name`: one fell within the
    /// last `days` calendar days (looking back only, so the answer never depends on the future).
    public func calendarCovers(_ name: String, days: Int) throws -> Bool {
        try !events(named: name, from: date.adding(days: -days)).isEmpty
    }

    /// The value of `series` dated exactly `months` calendar months before its last value (FRED
    /// stamps periods on the 1st), or nil when that period is missing.
    public static func value(_ series: [Observation], monthsBeforeLast months: Int) -> Double? {
        guard let last = series.last else { return nil }
        let target = addingMonths(-months, to: last.date)
        return series.last { $0.date == target }?.value
    }

    /// `date` moved by `months` calendar months, on the same day of the month (clamped to the
    /// month's length).
    public static func addingMonths(_ months: Int, to date: MarketDate) -> MarketDate {
        let (y, m, d) = date.components
        let total = y * 12 + (m - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return MarketDate(year: year, month: month, day: min(d, MarketDate.daysIn(month: month, year: year)))!
    }

    /// Why a voter's data is unusable (the abstention reason).
    public struct Missing: Error, Sendable {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
