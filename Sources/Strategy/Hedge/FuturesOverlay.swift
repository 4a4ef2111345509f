import MarketData

/// Layer 1: a VIX futures overlay against the condor's short vega, kept in a corridor.
///
/// Rules (`HedgeRules`):
/// 1. Contract: the front-month future, or the second month when the front expires within
///    `futures_roll_days` calendar days. Futures held in any other month are rolled into it.
/// 2. Mapping: the condor loses |vega| dollars per SPX vol point; one VIX point ≈ `vix_beta` SPX
///    vol points (VIX is the SPX 30-day variance-swap vol); one VX future gains $1,000 per VIX
///    point (its own move is taken one-for-one with the VIX). Ideal contracts
///    = round(hedge_ratio × vix_beta × max(0, −vega) / 1,000) × f(n) (de-risk schedule). A
///    long-vol condor book (vega ≥ 0) gets no futures.
/// 3. Corridor: when every held future is in the chosen month and |held − ideal| ≤
///    band × ideal, nothing trades (target = held); band = `corridor_band`, × `relief_band_factor`
///    in a relief rally (tighter, so the overlay tracks the condor more closely while the rally
///    may reverse). Otherwise the target is the ideal.
/// 4. Real resolution: the total never grows above the total held, and the corridor is not
///    applied (each step of the de-risk schedule executes).
enum FuturesOverlay {
    static func plan(_ context: LayerContext) throws(HedgeError) -> LayerResult {
        let rules = context.rules
        let chain = context.chain
        let expiries = chain.chain.expiries
        guard let front = expiries.first else { throw .noExpiry(rule: "layer 1 futures", date: context.inputs.date) }
        let chosen = chain.days(front) <= rules.futuresRollDays && expiries.count > 1 ? expiries[1] : front
        let instrument = HedgeInstrument.future(expiry: chosen.expiry)

        var lines = try heldLines(context.held(.futuresOverlay), chain: chain, reason: DeferredText { "roll into \(instrument)" })
        let selected = try lines.index(of: instrument, layer: .futuresOverlay, chain: chain, reason: "futures overlay")
        let totalHeld = lines.reduce(0) { $0 + $1.held }
        let othersHeld = totalHeld - lines[selected].held

        let shortVega = max(0, -context.inputs.condorVegaDollarsPerVolPoint)
        let base = rules.hedgeRatio * rules.vixBeta * shortVega / HedgeInstrument.futuresMultiplier
        var target = Int((base * context.derisk.current).rounded())
        if context.derisk.active { target = min(target, max(0, totalHeld)) }
        let ideal = target
        let relief = context.inputs.regime == .reliefRally
        let band = rules.corridorBand * (relief ? rules.reliefBandFactor : 1)
        let deviation = abs(Double(lines[selected].held - ideal))
        let (hedgeRatio, vixBeta, factor) = (rules.hedgeRatio, rules.vixBeta, context.derisk.current)
        var notes = [
            DeferredText {
                "ideal \(ideal) = round(\(hedgeRatio) × \(vixBeta) × \(Int(shortVega.rounded())) / 1000 × \(factor)); held \(totalHeld); band \(band)\(relief ? " (relief rally, tightened)" : "")"
            }
        ]
        if othersHeld == 0, !context.derisk.active, deviation <= band * Double(ideal) {
            let held = lines[selected].held
            lines[selected].target = held
            lines[selected].reason = DeferredText { "inside corridor: |\(held) − \(ideal)| ≤ \(band) × \(ideal)" }
            notes.append("inside corridor, no trade")
        } else {
            lines[selected].target = ideal
            lines[selected].reason = DeferredText {
                "rebalance to \(ideal) (deviation \(Int(deviation)) > band \(band) × \(ideal)\(othersHeld != 0 ? ", roll" : ""))"
            }
            notes.append("outside corridor (or rolling): trade to ideal")
        }
        return LayerResult(lines: lines, weight: context.derisk.current, budget: 0, notes: notes, primary: instrument)
    }
}
