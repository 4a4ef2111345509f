import MarketData

/// One target line of the plan: what a layer should hold in one instrument after today's orders.
public struct HedgeTarget: Sendable, Codable, Equatable {
    public var layer: HedgeLayer
    public var instrument: HedgeInstrument
    /// Signed target contracts (negative = short leg of a call spread).
    public var contracts: Int
    /// Contracts held before the plan.
    public var held: Int
    /// Today's execution-side price per unit: the ask for a long line, the bid for a short line
    /// (futures: model future ± `hedge.futures_half_spread`).
    public var price: Double
    /// Committed premium in dollars: held contracts kept at their average price plus added
    /// contracts at `price`, × 100 (shorts negative, so a spread nets to its debit). 0 for futures.
    public var premium: Double
    /// Exposure in $ per VIX point: futures 1,000 × contracts, calls 100 × delta × contracts
    /// (delta to the option's own future, which is taken to move one-for-one with the VIX).
    public var exposurePerVIXPoint: Double
    public var reason: DeferredText
}

/// Buy or sell.
public enum OrderSide: String, Sendable, Codable { case buy, sell }

/// One order from the book to the targets.
public struct HedgeOrder: Sendable, Codable, Equatable {
    public var layer: HedgeLayer
    public var side: OrderSide
    public var instrument: HedgeInstrument
    /// Contracts, > 0.
    public var quantity: Int
    /// The chain's ask for buys and bid for sells (futures: model future ± half spread).
    public var limitPrice: Double
    public var reason: DeferredText
}

/// A risk-policy limit that changed the plan, with the rule (`risk.<key>`) and what it did.
public struct HedgeBinding: Sendable, Codable, Equatable {
    public var rule: String
    public var detail: String
}

/// One layer's sizing inputs and result.
public struct HedgeLayerSummary: Sendable, Codable, Equatable {
    public var layer: HedgeLayer
    /// Regime weight multiplier × de-risk factor applied to the layer's base size.
    public var weight: Double
    /// The layer's own budget in dollars before the risk policy (futures: 0).
    public var budget: Double
    /// Committed premium of the layer's targets after the risk policy.
    public var premium: Double
    public var notes: [DeferredText]
}

/// The day's hedge plan: per-layer targets, the orders that get the book there, the total
/// committed premium, and every risk-policy limit that bound.
///
/// Invariant: for every (layer, instrument), held + signed order quantity = target contracts.
public struct HedgePlan: Sendable, Codable, Equatable {
    public var date: MarketDate
    public var regime: Regime
    public var capital: Double
    /// The condor risk budget R in dollars that every option layer's budget is a multiple of.
    public var condorRiskBudget: Double
    /// De-risk factor f(n) of the day (1 outside a real resolution).
    public var deriskFactor: Double
    public var targets: [HedgeTarget]
    public var orders: [HedgeOrder]
    public var layers: [HedgeLayerSummary]
    /// Σ target premium (dollars).
    public var totalPremium: Double
    /// `risk.max_hedge_budget` × capital.
    public var budget: Double
    /// Condor vega × beta, $ per VIX point.
    public var condorExposurePerVIXPoint: Double
    /// Condor plus hedge targets, $ per VIX point.
    public var netExposurePerVIXPoint: Double
    public var bindings: [HedgeBinding]
    /// Whether the drawdown brake was on (only reducing orders allowed).
    public var brakeEngaged: Bool
    public var notes: [String]

    public func targets(_ layer: HedgeLayer) -> [HedgeTarget] { targets.filter { $0.layer == layer } }
    public func orders(_ layer: HedgeLayer) -> [HedgeOrder] { orders.filter { $0.layer == layer } }
    public func summary(_ layer: HedgeLayer) -> HedgeLayerSummary? { layers.first { $0.layer == layer } }
    public func premium(_ layer: HedgeLayer) -> Double { targets(layer).reduce(0) { $0 + $1.premium } }
    /// Whether a rule (e.g. `risk.max_hedge_budget`) bound.
    public func bound(_ rule: String) -> Bool { bindings.contains { $0.rule == rule } }
}
