import MarketData

/// How `RiskPolicy` is applied to the layers' targets, in this order (each limit that changes
/// anything is reported as a `HedgeBinding` naming its rule):
///
/// 1. `risk.max_portfolio_vega`: net = condor vega × `hedge.vix_beta` + Σ target exposure
///    ($ per VIX point). Above +limit (over-hedged) the layer-1 futures target is cut first
///    (not below 0), then today's option additions are scaled down proportionally within a layer
///    (contracts floored), layer by layer (layer 2, layer 3, event seed), until the net fits. Below −limit (the condor's short vol not covered) the layer-1 futures target is
///    raised by the contracts needed (rounded up).
/// 2. `risk.max_hedge_budget`: when total committed premium exceeds the budget × capital, only
///    today's *additions* are scaled down, each layer proportionally across its lines (contracts
///    floored, spread legs together), in the order layer 2 (accumulation, least urgent), layer 3
///    (ladder), then the event seed, until the total fits. Held positions are never sold to meet
///    the budget (a budget already used up only blocks additions). Futures carry no premium.
/// 3. `risk.drawdown_brake`: at drawdown ≥ the brake, every line that would open or enlarge a
///    position is clipped to what is held (no new risk); reductions, sales, unwinds and the
///    de-risk schedule still execute.
enum RiskPolicyLimits {
    static let budgetOrder: [HedgeLayer] = [.longDatedCalls, .otmLadder, .eventSeed]

    static func apply(
        _ policy: RiskPolicy, rules: HedgeRules, inputs: HedgeInputs, futures: HedgeInstrument?, lines: inout [PlanLine]
    ) -> [HedgeBinding] {
        var bindings: [HedgeBinding] = []
        let condor = rules.vixBeta * inputs.condorVegaDollarsPerVolPoint
        func net() -> Double { condor + lines.reduce(0) { $0 + $1.exposure($1.target) } }

        // 1. Portfolio vega.
        let limit = policy.maxPortfolioVega
        let before = net()
        let futuresIndex = lines.firstIndex { $0.layer == .futuresOverlay && $0.instrument == futures }
        if before > limit {
            if let i = futuresIndex, lines[i].target > 0 {
                let cut = min(lines[i].target, Int(((before - limit) / HedgeInstrument.futuresMultiplier).rounded(.up)))
                lines[i].target -= cut
                lines[i].reason += "; cut \(cut) by risk.max_portfolio_vega"
            }
            for layer in budgetOrder where net() > limit {
                let indices = lines.indices.filter { lines[$0].layer == layer && lines[$0].adds }
                let additions = indices.reduce(0.0) { $0 + lines[$1].exposure(lines[$1].target) - lines[$1].exposure(lines[$1].reducingOnly) }
                guard additions > 0 else { continue }
                let factor = max(0, (additions - (net() - limit)) / additions)
                for i in indices {
                    let floor = lines[i].reducingOnly
                    lines[i].target = floor + Int((Double(lines[i].target - floor) * factor).rounded(.towardZero))
                    lines[i].reason += "; additions × \(factor.formatted2) by risk.max_portfolio_vega"
                }
            }
            bindings.append(
                HedgeBinding(
                    rule: "risk.max_portfolio_vega",
                    detail: "net exposure \(Int(before)) $/VIX pt > limit \(Int(limit)): hedges reduced to \(Int(net()))"))
        } else if before < -limit, let i = futuresIndex {
            let add = Int(((-limit - before) / HedgeInstrument.futuresMultiplier).rounded(.up))
            lines[i].target += add
            lines[i].reason += "; +\(add) by risk.max_portfolio_vega"
            bindings.append(
                HedgeBinding(
                    rule: "risk.max_portfolio_vega",
                    detail: "net exposure \(Int(before)) $/VIX pt < −\(Int(limit)): layer-1 futures raised by \(add) to \(Int(net()))"))
        }

        // 2. Budget.
        let budget = policy.maxHedgeBudget * inputs.capital
        func total() -> Double { lines.reduce(0) { $0 + $1.premium } }
        let requested = total()
        if requested > budget + 1e-6 {
            var scaled: [String] = []
            for layer in budgetOrder {
                let over = total() - budget
                guard over > 1e-6 else { break }
                let indices = lines.indices.filter { lines[$0].layer == layer && lines[$0].adds }
                guard !indices.isEmpty else { continue }
                let full = indices.reduce(0.0) { $0 + lines[$1].premium }
                let kept = indices.reduce(0.0) { $0 + lines[$1].premium(lines[$1].reducingOnly) }
                let additions = full - kept
                guard additions > 0 else { continue }
                let factor = max(0, (additions - over) / additions)
                for i in indices {
                    let floor = lines[i].reducingOnly
                    let added = Double(lines[i].target - floor) * factor
                    lines[i].target = floor + Int(added.rounded(.towardZero))
                    lines[i].reason += "; additions × \(factor.formatted2) by risk.max_hedge_budget"
                }
                scaled.append("\(layer.rawValue) additions × \(factor.formatted2)")
            }
            let fits = total() <= budget + 1e-6
            bindings.append(
                HedgeBinding(
                    rule: "risk.max_hedge_budget",
                    detail: "requested premium \(Int(requested)) > budget \(Int(budget)): \(scaled.joined(separator: ", "))"
                        + (fits ? "" : "; held premium alone exceeds the budget, no additions")))
        }

        // 3. Drawdown brake.
        if inputs.drawdown >= policy.drawdownBrake {
            var blocked = 0
            for i in lines.indices where lines[i].adds {
                lines[i].target = lines[i].reducingOnly
                lines[i].reason += "; blocked by risk.drawdown_brake"
                blocked += 1
            }
            bindings.append(
                HedgeBinding(
                    rule: "risk.drawdown_brake",
                    detail: "drawdown \(inputs.drawdown.formatted2) ≥ \(policy.drawdownBrake.formatted2): no new risk, \(blocked) opening line(s) blocked"))
        }
        return bindings
    }
}
