import MarketData

/// Layer 3: OTM VIX calls laddered across ~30/60/90 days.
///
/// Rules (`HedgeRules`):
/// 1. Rungs: for each tenor of `ladder_days`, in order, the not-yet-used listed monthly expiry
///    closest to it among those with ≥ `layer3_min_days` days (ties → earlier).
/// 2. Weight: `ladder_weights[i]` × the regime multiplier — calm 1, relief rally
///    `relief_weight_multiplier`, stress `stress_weight_multiplier`, real resolution the de-risk
///    factor f(n). Rung budget = `layer3_budget` × capital × weight.
/// 3. Strike: a held call of that expiry whose moneyness K/F is within
///    ± `layer3_strike_tolerance` of `layer3_moneyness` is kept (closest one); otherwise the listed
///    strike nearest `layer3_moneyness` × F. Contracts = ⌊rung budget / (ask × 100)⌋.
/// 4. Hysteresis: a held rung is only re-sized when |held − contracts| > `option_rebalance_band`
///    × contracts (not in a real resolution, where the schedule always executes).
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
        let capital = context.inputs.capital
        var lines = try heldLines(context.held(.otmLadder), chain: chain, reason: "layer 3: not a rung any more, sold")
        let m = multiplier(rules, context.inputs.regime, context.derisk)
        var notes = ["regime multiplier \(m) (\(context.inputs.regime.rawValue))"]
        var candidates = chain.chain.expiries.filter { chain.days($0) >= rules.layer3MinDays }
        var budget = 0.0
        for (tenor, weight) in zip(rules.ladderDays, rules.ladderWeights) {
            guard let expiry = chain.closest(to: tenor, among: candidates) else {
                notes.append("no listed expiry for the \(tenor)-day rung")
                continue
            }
            candidates.removeAll { $0.expiry == expiry.expiry }
            let rungBudget = rules.layer3Budget * capital * weight * m
            budget += rungBudget
            let future = expiry.forward
            let kept = lines.filter {
                $0.instrument.expiry == expiry.expiry && abs(($0.instrument.strike ?? 0) / future - rules.layer3Moneyness) <= rules.layer3StrikeTolerance
            }.min { abs(($0.instrument.strike ?? 0) / future - rules.layer3Moneyness) < abs(($1.instrument.strike ?? 0) / future - rules.layer3Moneyness) }
            let strike = kept?.instrument.strike ?? chain.nearestStrike(expiry, to: rules.layer3Moneyness * future)
            let instrument = HedgeInstrument.call(expiry: expiry.expiry, strike: strike)
            let index = try lines.index(of: instrument, layer: .otmLadder, chain: chain, reason: "layer 3")
            let ask = lines[index].quote.ask
            let contracts = ask > 0 ? Int((rungBudget / (ask * instrument.multiplier)).rounded(.down)) : 0
            let held = lines[index].held
            let rung = "\(tenor)-day rung (\(chain.days(expiry)) days), weight \(weight) × \(m)"
            if held > 0, !context.derisk.active, abs(Double(held - contracts)) <= rules.optionRebalanceBand * Double(contracts) {
                lines[index].target = held
                lines[index].reason = "layer 3 \(rung): held \(held) within band of \(contracts)"
            } else {
                lines[index].target = contracts
                lines[index].reason = "layer 3 \(rung): \(contracts) × \(instrument) at \(ask.formatted2) for \(Int(rungBudget))"
            }
        }
        return LayerResult(lines: lines, weight: m, budget: budget, notes: notes)
    }
}
