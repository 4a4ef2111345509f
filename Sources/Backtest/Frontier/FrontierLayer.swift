import MarketData
import Strategy

/// A hedge layer as the hedge frontier scales it: which ruleset keys its budget is, how to
/// scale them, and which ledger component holds its money.
public enum FrontierLayer: String, Sendable, Codable, CaseIterable {
    /// Layer 1, the VIX futures overlay: `hedge.hedge_ratio` (no premium: futures).
    case futures = "layer1_futures"
    /// The pre-FOMC call-spread seed (part of layer 1): `hedge.pre_event_of_risk`.
    case eventSeed = "event_seed"
    /// Layer 2, long-dated calls bought in cheap relief rallies: `hedge.layer2_budget_of_risk`
    /// and `hedge.layer2_tranche_of_risk` together.
    case longDated = "layer2"
    /// Layer 3, the OTM call ladder: `hedge.layer3_budget_of_risk`.
    case ladder = "layer3"

    public var label: String {
        switch self {
        case .futures: "L1 VIX futures overlay"
        case .eventSeed: "pre-FOMC call spreads"
        case .longDated: "L2 long-dated calls"
        case .ladder: "L3 OTM call ladder"
        }
    }

    /// The keys the scale multiplies, with their values in `ruleset`.
    public func settings(_ ruleset: Ruleset) -> [String: Double] {
        let hedge = ruleset.hedge
        switch self {
        case .futures: return ["hedge.hedge_ratio": hedge.hedgeRatio]
        case .eventSeed: return ["hedge.pre_event_of_risk": hedge.preEventOfRisk]
        case .longDated: return ["hedge.layer2_budget_of_risk": hedge.layer2BudgetOfRisk, "hedge.layer2_tranche_of_risk": hedge.layer2TrancheOfRisk]
        case .ladder: return ["hedge.layer3_budget_of_risk": hedge.layer3BudgetOfRisk]
        }
    }

    /// `ruleset` with this layer's budget keys multiplied by `scale` (the others unchanged).
    public func scaled(_ ruleset: Ruleset, by scale: Double) -> Ruleset {
        var result = ruleset
        switch self {
        case .futures: result.hedge.hedgeRatio *= scale
        case .eventSeed: result.hedge.preEventOfRisk *= scale
        case .longDated:
            result.hedge.layer2BudgetOfRisk *= scale
            result.hedge.layer2TrancheOfRisk *= scale
        case .ladder: result.hedge.layer3BudgetOfRisk *= scale
        }
        return result
    }

    /// The ledger component that holds the layer's money (the futures and the seed share layer 1).
    public var component: LedgerComponent {
        switch self {
        case .futures, .eventSeed: .layer1
        case .longDated: .layer2
        case .ladder: .layer3
        }
    }

    /// Option premium the layer paid over a run (its component's premium debits; in layer 1
    /// only the seed's options pay premium, so the futures line reports none).
    func premiumPaid(_ ledger: Ledger) -> Cents {
        guard self != .futures else { return .zero }
        return -ledger.entries.filter { $0.component == component && $0.kind == .premium && $0.amount < .zero }.map(\.amount).sum()
    }
}
