import MarketData

/// What every layer reads: the rules, the day's inputs, the chain, the held positions and the
/// de-risk schedule.
struct LayerContext {
    let rules: HedgeRules
    let inputs: HedgeInputs
    let chain: VIXChainView
    let book: [HedgePosition]
    let derisk: DeriskSchedule

    func held(_ layer: HedgeLayer) -> [HedgePosition] { book.filter { $0.layer == layer } }
}

/// One layer's lines and summary before the risk policy.
struct LayerResult {
    var lines: [PlanLine]
    var weight: Double
    var budget: Double
    var notes: [DeferredText]
    /// The instrument the layer trades today (layer 1: the chosen future).
    var primary: HedgeInstrument? = nil
}
