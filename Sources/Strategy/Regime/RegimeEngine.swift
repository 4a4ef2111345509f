import MarketData

/// Classifies a date into a `Regime` with the twelve voters (`RegimeVoters.standard`) and the
/// quorum rule (`RegimeQuorum`).
///
/// The posture is path dependent (a change needs its quorum *on the change day*), so each
/// decision replays a fixed window: start in `calm` `warmup_sessions` (30) sessions before
/// `date`, then apply `RegimeQuorum` on each of those sessions and finally on `date` itself (also
/// when `date` is not a session). Every voter reads with `asOf` = the day it votes on, so no data
/// dated (or, for macro series, published) after `date` is ever read; the result is a pure
/// function of the store's contents up to `date`, the calendar and the rules. Two decisions for
/// neighbouring dates replay different windows and so may, rarely, disagree on the path.
public struct RegimeEngine: Sendable {
    public let rules: RegimeRules
    public let voters: [any RegimeVoter]

    public init(rules: RegimeRules = RegimeRules()) {
        self.rules = rules
        voters = RegimeVoters.standard(rules)
    }

    /// The decision for `date`: the posture, yesterday's posture, and every voter's reading.
    /// Throws `RulesetError` for invalid rules, `RegimeError` when `date` is outside the calendar,
    /// and the store's errors.
    public func decide(store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate) throws -> RegimeDecision {
        try replay(store: store, calendar: calendar, date: date).last!
    }

    /// Every decision of the replayed window, oldest first, ending with `date` (see the type).
    public func replay(store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate) throws -> [RegimeDecision] {
        try rules.validate()
        guard calendar.covers(date) else { throw RegimeError.dateOutsideCalendar(date) }
        var days: [MarketDate] = []
        var cursor = date
        while days.count < rules.warmupSessions, let previous = calendar.previousSession(before: cursor) {
            days.append(previous)
            cursor = previous
        }
        days.reverse()
        days.append(date)
        let quorum = RegimeQuorum(rules: rules)
        var posture = Regime.calm
        var held = 0
        var decisions: [RegimeDecision] = []
        for day in days {
            let input = VoterInput(store: store, calendar: calendar, date: day, rules: rules)
            let readings = try voters.map { try $0.read(input) }
            decisions.append(quorum.advance(date: day, posture: &posture, heldSessions: &held, readings: readings))
        }
        return decisions
    }
}
