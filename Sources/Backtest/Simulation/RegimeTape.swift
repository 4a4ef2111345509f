import MarketData
import Strategy

/// The regime path of a run: the posture after each session and how many sessions it has
/// been held. Each session's posture is the canonical one, the same `RegimeEngine` replay that
/// `signal` makes for that date (start in calm `warmup_sessions` sessions earlier, apply the
/// quorum up to the date), so every date has one posture whoever asks and wherever a run
/// starts; the sessions held are the trailing run of that posture in the replay, as `signal`
/// counts them. The voters' readings are computed once per calendar session and shared by the
/// overlapping windows. It depends only on the data and the regime rules, never on the book,
/// so variants that share their regime rules share one tape.
struct RegimeTape: Sendable {
    let rules: RegimeRules
    var postures: [Regime] = []
    var heldSessions: [Int] = []

    init(rules: RegimeRules, sessions: [MarketDate], store: some MarketDataStore, calendar: TradingCalendar, parallel: Bool) throws {
        self.rules = rules
        guard !sessions.isEmpty else { return }
        try rules.validate()
        let engine = RegimeEngine(rules: rules)
        // Each session's window: up to `warmup_sessions` calendar sessions before it, then itself.
        let windows: [[MarketDate]] = sessions.map { date in
            var days: [MarketDate] = [date]
            var cursor = date
            while days.count <= rules.warmupSessions, let previous = calendar.previousSession(before: cursor) {
                days.append(previous)
                cursor = previous
            }
            return days.reversed()
        }
        var needed = Set<MarketDate>()
        for window in windows { needed.formUnion(window) }
        let days = needed.sorted()
        let voters = engine.voters
        // The quorum reads only each day's votes; the readings' evidence is not kept.
        let counts = try ParallelMap.map(days.count, parallel: parallel) { index in
            let input = VoterInput(store: store, calendar: calendar, date: days[index], rules: rules)
            return RegimeQuorum.Count(try voters.map { try $0.read(input) })
        }
        let byDay = Dictionary(uniqueKeysWithValues: zip(days, counts))
        let quorum = RegimeQuorum(rules: rules)
        // The windows are independent replays (each starts in calm), about 31 decisions each.
        // `advance` restarts the count at 1 on a change and adds 1 otherwise, so after a window
        // (never empty: it ends with its session) the count is the posture's trailing run.
        let ends = try ParallelMap.map(windows.count, parallel: parallel) { index -> (Regime, Int) in
            var posture = Regime.calm
            var held = 0
            for day in windows[index] {
                quorum.advance(posture: &posture, heldSessions: &held, count: byDay[day]!)
            }
            return (posture, held)
        }
        postures = ends.map(\.0)
        heldSessions = ends.map(\.1)
    }
}
