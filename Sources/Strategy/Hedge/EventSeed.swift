import MarketData

/// Pre-event seeding: VIX call spreads bought ahead of each FOMC statement (part of layer 1).
///
/// Rules (`HedgeRules`):
/// 1. Window: 1 ≤ sessions to the next FOMC ≤ `pre_event_sessions` (and the FOMC date is known).
/// 2. Spread: the first listed expiry strictly after the FOMC date (VIX expiries settle at the
///    open, before a 14:00 statement that day); buy the strike nearest
///    `pre_event_long_moneyness` × future, sell the strike nearest `pre_event_short_moneyness` ×
///    future (the next strike up if they coincide).
/// 3. Size: ⌊`pre_event_of_risk` × R / (net debit × 100)⌋ (R: the condor risk budget) spreads, net debit = long ask −
///    short bid. Bought on the first session of the window and then held as is (not re-sized).
/// 4. Unwind: outside the window (on the statement day, when sessions to it is 0, or once the next
///    FOMC is further away) the seed is closed. In a real resolution a held seed follows the
///    de-risk schedule and no new seed is opened.
enum EventSeed {
    static func plan(_ context: LayerContext) throws(HedgeError) -> LayerResult {
        let rules = context.rules
        let chain = context.chain
        var lines = try heldLines(context.held(.eventSeed), chain: chain, reason: "event seed: outside the pre-FOMC window, unwind")
        let budget = rules.preEventOfRisk * context.inputs.condorRiskBudget
        guard rules.preEventSessions > 0, let fomc = context.inputs.nextFOMC, let sessions = context.inputs.sessionsToNextFOMC,
            (1...rules.preEventSessions).contains(sessions)
        else {
            let toFOMC = context.inputs.sessionsToNextFOMC
            let note = DeferredText { "outside the pre-FOMC window (sessions to FOMC: \(toFOMC.map(String.init) ?? "unknown"))" }
            return LayerResult(lines: lines, weight: 0, budget: 0, notes: [note])
        }
        guard let expiry = chain.chain.expiries.first(where: { $0.expiry > fomc }) else {
            throw .noExpiry(rule: "hedge.pre_event_sessions (expiry after FOMC \(fomc))", date: context.inputs.date)
        }
        let seedExpiry = expiry.expiry
        var notes = [DeferredText { "\(sessions) session(s) before FOMC \(fomc): seed in \(seedExpiry)" }]
        if lines.contains(where: { $0.instrument.expiry == expiry.expiry && $0.held != 0 }) {
            for index in lines.indices where lines[index].instrument.expiry == expiry.expiry {
                lines[index].target = context.derisk.scaleHolding(lines[index].held)
                lines[index].reason = DeferredText { "event seed held through FOMC \(fomc)" }
            }
            notes.append("seed already held: kept")
            return LayerResult(lines: lines, weight: context.derisk.current, budget: budget, notes: notes)
        }
        let longStrike = chain.nearestStrike(expiry, to: rules.preEventLongMoneyness * expiry.forward)
        var shortStrike = chain.nearestStrike(expiry, to: rules.preEventShortMoneyness * expiry.forward)
        if shortStrike <= longStrike { shortStrike = chain.strike(above: longStrike, in: expiry) }
        let long = try lines.index(of: .call(expiry: expiry.expiry, strike: longStrike), layer: .eventSeed, chain: chain, reason: "")
        let short = try lines.index(of: .call(expiry: expiry.expiry, strike: shortStrike), layer: .eventSeed, chain: chain, reason: "")
        let debit = lines[long].quote.ask - lines[short].quote.bid
        var spreads = debit > 0 ? Int((budget / (debit * HedgeInstrument.optionMultiplier)).rounded(.down)) : 0
        if context.derisk.active { spreads = 0 }
        let (seeded, short_) = (spreads, shortStrike)
        let text = { @Sendable in
            "event seed \(seeded) × \(longStrike.formatted2)/\(short_.formatted2) call spread \(seedExpiry), debit \(debit.formatted2), before FOMC \(fomc)"
        }
        lines[long].target = spreads
        lines[long].reason = DeferredText { text() + " (long leg)" }
        lines[short].target = -spreads
        lines[short].reason = DeferredText { text() + " (short leg)" }
        notes.append(context.derisk.active ? "real resolution: no new seed" : DeferredText { "buy \(seeded) spreads for ≤ \(Int(budget))" })
        return LayerResult(lines: lines, weight: context.derisk.active ? 0 : 1, budget: budget, notes: notes)
    }
}
