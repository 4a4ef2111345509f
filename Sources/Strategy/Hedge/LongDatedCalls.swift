import MarketData

/// Layer 2: long-dated VIX calls accumulated in cheap relief rallies.
///
/// Rules (`HedgeRules`):
/// 1. Expiry: the first listed monthly expiry with `layer2_min_days` ≤ days ≤ `layer2_max_days`;
///    strike: the listed strike nearest `layer2_moneyness` × its future.
/// 2. Cheap: spot VIX < the `cheap_percentile` quantile of the last `cheap_lookback` VIX closes,
///    and the ~3-month future (the listed expiry closest to 91 days) < the same quantile of
///    `futureHistory` (or of the VIX history when none is given; see `HedgeInputs.futureHistory`).
/// 3. Buy: on a relief-rally day that is cheap, one tranche of `layer2_tranche_of_risk` × R of
///    premium at the ask, floored to whole contracts, and no more than leaves the layer's
///    committed premium ≤ `layer2_budget_of_risk` × R (R: the condor risk budget).
/// 4. Hold: otherwise held calls are kept (calm, stress, relief when not cheap); a call with fewer
///    than `layer2_exit_days` days left is sold; in a real resolution holdings follow the de-risk
///    schedule (× f(n)/f(n − 1)).
enum LongDatedCalls {
    static func plan(_ context: LayerContext) throws(HedgeError) -> LayerResult {
        let rules = context.rules
        let chain = context.chain
        let risk = context.inputs.condorRiskBudget
        var lines = try heldLines(context.held(.longDatedCalls), chain: chain, reason: "layer 2 hold")
        var notes: [DeferredText] = []
        let exitDays = rules.layer2ExitDays
        let (current, previous) = (context.derisk.current, context.derisk.previous)
        for index in lines.indices {
            let days = lines[index].instrument.expiry - chain.date
            if days < rules.layer2ExitDays {
                lines[index].target = 0
                lines[index].reason = DeferredText { "layer 2 exit: \(days) days left < \(exitDays)" }
            } else {
                lines[index].target = context.derisk.scaleHolding(lines[index].held)
                lines[index].reason = context.derisk.active ? DeferredText { "layer 2 de-risk: × \(current)/\(previous)" } : "layer 2 hold"
            }
        }
        let budget = rules.layer2BudgetOfRisk * risk

        // Cheapness.
        let quantile = context.inputs.trailingPercentile(context.inputs.vixHistory, percentile: rules.cheapPercentile, lookback: rules.cheapLookback)
        let vixCheap = quantile.map { chain.vix < $0 } ?? false
        let threeMonth = chain.closest(to: 91, among: chain.chain.expiries)
        var futureCheap = vixCheap
        if let history = context.inputs.futureHistory, let future = threeMonth?.forward {
            let q = context.inputs.trailingPercentile(history, percentile: rules.cheapPercentile, lookback: rules.cheapLookback)
            futureCheap = q.map { future < $0 } ?? false
            let percentile = rules.cheapPercentile
            notes.append(DeferredText { "3-month future \(future.formatted2) vs its p\(Int(percentile * 100)) \(q.map(\.formatted2) ?? "n/a (short history)")" })
        } else {
            notes.append("3-month future test taken from the VIX history (no futures history given; the model future is monotone in VIX)")
        }
        let cheap = vixCheap && futureCheap
        let (vix, percentile, lookback) = (chain.vix, rules.cheapPercentile, rules.cheapLookback)
        notes.insert(
            DeferredText {
                "VIX \(vix.formatted2) vs trailing p\(Int(percentile * 100)) \(quantile.map(\.formatted2) ?? "n/a (history < \(lookback))"): \(cheap ? "cheap" : "not cheap")"
            },
            at: 0)

        guard context.inputs.regime == .reliefRally, cheap else {
            notes.append("no accumulation (needs a relief rally and cheap volatility)")
            return LayerResult(lines: lines, weight: context.derisk.current, budget: budget, notes: notes)
        }
        guard
            let expiry = chain.chain.expiries.first(where: {
                (rules.layer2MinDays...rules.layer2MaxDays).contains(chain.days($0))
            })
        else {
            let (minDays, maxDays) = (rules.layer2MinDays, rules.layer2MaxDays)
            notes.append(DeferredText { "no listed expiry within \(minDays)–\(maxDays) days: no accumulation" })
            return LayerResult(lines: lines, weight: 1, budget: budget, notes: notes)
        }
        let strike = chain.nearestStrike(expiry, to: rules.layer2Moneyness * expiry.forward)
        let instrument = HedgeInstrument.call(expiry: expiry.expiry, strike: strike)
        let committed = lines.reduce(0) { $0 + $1.premium }
        let spend = min(rules.layer2TrancheOfRisk * risk, max(0, budget - committed))
        let index = try lines.index(of: instrument, layer: .longDatedCalls, chain: chain, reason: "layer 2")
        let ask = lines[index].quote.ask
        let contracts = ask > 0 ? Int((spend / (ask * instrument.multiplier)).rounded(.down)) : 0
        lines[index].target += contracts
        lines[index].reason = DeferredText {
            "layer 2 tranche: \(contracts) × \(instrument) at \(ask.formatted2) (cheap relief rally; committed \(Int(committed)) of \(Int(budget)))"
        }
        notes.append(DeferredText { "accumulate \(contracts) contracts, spend ≤ \(Int(spend))" })
        return LayerResult(lines: lines, weight: 1, budget: budget, notes: notes)
    }
}
