import MarketData

/// `headline_relief`: the VIX reaction to a scheduled headline event (`headline_event` =
/// FOMC). The voter looks for the latest such event e with 0 ≤ sessions(e → as-of) ≤
/// `headline_window_sessions` (3; the event day itself counts 0), takes the reference VIX close of
/// the last session before e, and measures change = VIX(as-of) / reference − 1 (so the move
/// spans 1 to 4 sessions, the event's own reaction included).
///
/// - relief_rally: change ≤ −`headline_relief_drop` (−10%): the headline calmed the market.
/// - stress: change ≥ `headline_shock_rise` (+20%): volatility jumped in the sessions after it.
/// - calm: a smaller move, or no such event in the window (nothing notable).
/// - abstain: VIX missing or stale, no VIX close before the event, or no such event in the last
///   120 days (the calendar does not cover the date: FOMC meetings are at most ~8 weeks apart,
///   and the bundled FOMC calendar starts 2014-01-29, so before it the voter abstains rather
///   than read "no event" as calm).
public struct HeadlineReliefVoter: RegimeVoter {
    public let name = "headline_relief"
    public let uses: [String]

    public init(rules: RegimeRules) {
        uses = ["VIX", "events:\(rules.headlineEvent)"]
    }

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let series: [Observation]
        switch try input.freshDaily("VIX", minimumCount: 2) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        let vix = series.last!.value
        let from = input.date.adding(days: -(rules.headlineWindowSessions * 2 + 10))
        let events = try input.events(named: rules.headlineEvent, from: from)
        let inWindow = events.last { event in
            guard let sessions = input.calendar.sessionCount(from: event.date, to: input.date) else { return false }
            return (0...rules.headlineWindowSessions).contains(sessions)
        }
        guard let event = inWindow else {
            guard try input.calendarCovers(rules.headlineEvent, days: 120) else {
                return abstain("no \(rules.headlineEvent) dates in the store in the 120 days before \(input.date): the calendar does not cover it", ["vix": vix])
            }
            return reading(.calm, "no \(rules.headlineEvent) event in the last \(rules.headlineWindowSessions) sessions", ["vix": vix])
        }
        guard let reference = series.last(where: { $0.date < event.date }) else {
            return abstain("no VIX close before the \(rules.headlineEvent) of \(event.date)", ["vix": vix])
        }
        let change = vix / reference.value - 1
        let sessions = Double(input.calendar.sessionCount(from: event.date, to: input.date) ?? 0)
        let values = ["vix": vix, "vix_before_event": reference.value, "change": change, "sessions_after_event": sessions]
        let label = "\(rules.headlineEvent) \(event.date)"
        if change <= -rules.headlineReliefDrop {
            return reading(.reliefRally, "VIX \(pct(change)) since the close before \(label): headline relief", values)
        }
        if change >= rules.headlineShockRise {
            return reading(.stress, "VIX +\(pct(change)) since the close before \(label): headline shock", values)
        }
        return reading(.calm, "VIX \(pct(change)) since the close before \(label): no notable reaction", values)
    }
}
