import MarketData
import Strategy

/// The regime path of a run: the posture after each session and how many sessions it has
/// been held. It depends only on the data and the regime rules, never on the book, so variants
/// that share their regime rules share one tape. The first session starts from the posture
/// the `RegimeEngine` replay reaches on the sessions before it.
struct RegimeTape: Sendable {
    let rules: RegimeRules
    var postures: [Regime] = []
    var heldSessions: [Int] = []

    init(rules: RegimeRules, sessions: [MarketDate], store: some MarketDataStore, calendar: TradingCalendar, parallel: Bool) throws {
        self.rules = rules
        guard let first = sessions.first else { return }
        let engine = RegimeEngine(rules: rules)
        let warmup = try engine.replay(store: store, calendar: calendar, date: first).dropLast()
        var posture = warmup.last?.regime ?? .calm
        var held = max(1, warmup.reversed().prefix { $0.regime == posture }.count)
        let voters = engine.voters
        let readings = try ParallelMap.map(sessions.count, parallel: parallel) { index in
            let input = VoterInput(store: store, calendar: calendar, date: sessions[index], rules: rules)
            return try voters.map { try $0.read(input) }
        }
        let quorum = RegimeQuorum(rules: rules)
        postures.reserveCapacity(sessions.count)
        heldSessions.reserveCapacity(sessions.count)
        for (day, dayReadings) in zip(sessions, readings) {
            _ = quorum.advance(date: day, posture: &posture, heldSessions: &held, readings: dayReadings)
            postures.append(posture)
            heldSessions.append(held)
        }
    }
}
