import MarketData

/// Layer 3: OTM VIX calls laddered across ~30/60/90 days.
///
/// Rules (`HedgeRules`):
/// 1. Rungs: for each tenor of `ladder_days`, in order, the not-yet-used listed monthly expiry
///    closest to it among those with ≥ `layer3_min_days` days (ties → earlier).
/// 2. Weight: `ladder_weights[i]` × the regime multiplier — calm 1, relief rally
///    `relief_weight_multiplier`, stress `stress_weight_multiplier`, real resolution the de-risk
///    factor f(n). Rung budget = `layer3_budget_of_risk` × R × weight (R: the condor risk budget).
/// 3. Strike: a held call of that expiry whose moneyness K/F is within
///    ± `layer3_strike_tolerance` of `layer3_moneyness` is kept (closest one); otherwise the listed
///    strike nearest `layer3_moneyness` × F. A new rung buys ⌊rung budget / (ask × 100)⌋.
/// 4. A held rung is sized at cost, not at market: its committed premium C = held × average
///    price × 100 is compared with the rung budget B. Below B × (1 − `option_rebalance_band`)
///    (the regime multiplier rose) it is topped up with ⌊(B − C) / (ask × 100)⌋; above
///    B × (1 + band) (the multiplier or the equity fell) it is cut to ⌊held × B / C⌋; otherwise
///    held. Why at cost: sized at market, a rung re-bought whenever its calls decayed, paying
///    the decay again and again (2007-2026: 3,006 ladder purchases, $3.9M of premium on a
///    $10,000 budget). In a real resolution a held rung follows the de-risk schedule
///    (× f(n)/f(n − 1), as layer 2).
/// 5. Everything else held in the layer (expired rungs, re-struck strikes) is sold.
enum CallLadder {
    static func multiplier(_ rules: HedgeRules, _ regime: Regime, _ derisk: DeriskSchedule) -> Double {
        switch regime {
        case .calm: 1
        case .reliefRally: rules.reliefWeightMultiplier
        case .stress: rules.stressWeightMultiplier
        case .realResolution: derisk.current
        }
    }

    static func plan(_ context: LayerContext) throws(HedgeError) -> LayerResult {
        let rules = context.rules
        let chain = context.chain
        let risk = context.inputs.condorRiskBudget
        var lines = try heldLines(context.held(.otmLadder), chain: chain, reason: "layer 3: not a rung any more, sold")
        let m = multiplier(rules, context.inputs.regime, context.derisk)
        let regime = context.inputs.regime
        var notes = [DeferredText { "regime multiplier \(m) (\(regime.rawValue))" }]
        var candidates = chain.chain.expiries.filter { chain.days($0) >= rules.layer3MinDays }
        var budget = 0.0
        for (tenor, weight) in zip(rules.ladderDays, rules.ladderWeights) {
            guard let expiry = chain.closest(to: tenor, among: candidates) else {
                notes.append(DeferredText { "no listed expiry for the \(tenor)-day rung" })
                continue
            }
            candidates.removeAll { $0.expiry == expiry.expiry }
            let rungBudget = rules.layer3BudgetOfRisk * risk * weight * m
            budget += rungBudget
            let future = expiry.forward
            let kept = lines.filter {
                $0.instrument.expiry == expiry.expiry && abs(($0.instrument.strike ?? 0) / future - rules.layer3Moneyness) <= rules.layer3StrikeTolerance
            }.min { abs(($0.instrument.strike ?? 0) / future - rules.layer3Moneyness) < abs(($1.instrument.strike ?? 0) / future - rules.layer3Moneyness) }
            let strike = kept?.instrument.strike ?? chain.nearestStrike(expiry, to: rules.layer3Moneyness * future)
            let instrument = HedgeInstrument.call(expiry: expiry.expiry, strike: strike)
            let index = try lines.index(of: instrument, layer: .otmLadder, chain: chain, reason: "layer 3")
            let ask = lines[index].quote.ask
            let held = lines[index].held
            let days = chain.days(expiry)
            let rung = { @Sendable in "\(tenor)-day rung (\(days) days), weight \(weight) × \(m)" }
            let unit = ask * instrument.multiplier
            guard held > 0 else {
                let contracts = unit > 0 ? Int((rungBudget / unit).rounded(.down)) : 0
                lines[index].target = contracts
                lines[index].reason = DeferredText { "layer 3 \(rung()): \(contracts) × \(instrument) at \(ask.formatted2) for \(Int(rungBudget))" }
                continue
            }
            let committed = Double(held) * lines[index].averagePrice * instrument.multiplier
            let band = rules.optionRebalanceBand
            if context.derisk.active {
                lines[index].target = context.derisk.scaleHolding(held)
                let (current, previous) = (context.derisk.current, context.derisk.previous)
                lines[index].reason = DeferredText { "layer 3 \(rung()): de-risk × \(current)/\(previous)" }
            } else if committed < rungBudget * (1 - band) {
                let added = unit > 0 ? Int(((rungBudget - committed) / unit).rounded(.down)) : 0
                lines[index].target = held + added
                lines[index].reason = DeferredText { "layer 3 \(rung()): \(Int(committed)) at cost below \(Int(rungBudget)), top up \(added) at \(ask.formatted2)" }
            } else if committed > rungBudget * (1 + band) {
                let target = Int((Double(held) * rungBudget / committed).rounded(.down))
                lines[index].target = target
                lines[index].reason = DeferredText { "layer 3 \(rung()): \(Int(committed)) at cost above \(Int(rungBudget)), cut to \(target)" }
            } else {
                lines[index].target = held
                lines[index].reason = DeferredText { "layer 3 \(rung()): held \(held), \(Int(committed)) at cost within band of \(Int(rungBudget))" }
            }
        }
        return LayerResult(lines: lines, weight: m, budget: budget, notes: notes)
    }
}
