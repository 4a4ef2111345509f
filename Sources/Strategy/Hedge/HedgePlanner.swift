import MarketData
import VolModels

/// The ALVH planner: a pure function from the day's inputs and the current hedge book to the
/// day's `HedgePlan`.
///
/// Steps:
/// 1. Settled positions (expiry on or before the date) are dropped from the book (noted).
/// 2. Each layer plans its lines: `FuturesOverlay` (layer 1), `EventSeed` (layer 1, pre-FOMC),
///    `LongDatedCalls` (layer 2), `CallLadder` (layer 3); the regime enters through their
///    weights and the `DeriskSchedule`.
/// 3. In a real resolution no option line may grow (de-risking only sells).
/// 4. `RiskPolicyLimits` applies the portfolio vega limit, the budget and the drawdown brake.
/// 5. Orders = target − held per (layer, instrument), priced by the fill model on the modelled
///    quote (buys toward the ask, sells toward the bid): the price every budget was sized at
///    is the price the fill pays.
public struct HedgePlanner: Sendable {
    public let rules: HedgeRules
    public let risk: RiskPolicy
    public let fill: any FillModel

    /// Validates both rule sets (errors name `hedge.<key>` / `risk.<key>`).
    public init(rules: HedgeRules = HedgeRules(), risk: RiskPolicy = RiskPolicy(), fill: any FillModel = FractionOfSpreadFill.halfSpread) throws(RulesetError) {
        try rules.validate()
        try risk.validate()
        self.rules = rules
        self.risk = risk
        self.fill = fill
    }

    public func plan(
        date: MarketDate, regime: Regime, sessionsInRegime: Int, condorVegaDollarsPerVolPoint: Double, capital: Double,
        condorRiskBudget: Double, drawdown: Double, vixChain: VIXQuoteSheet, vixHistory: [Double], futureHistory: [Double]? = nil,
        nextFOMC: MarketDate? = nil, sessionsToNextFOMC: Int? = nil, memo: HedgeSessionMemo? = nil, book: HedgeBook = HedgeBook()
    ) throws(HedgeError) -> HedgePlan {
        try plan(
            HedgeInputs(
                date: date, regime: regime, sessionsInRegime: sessionsInRegime, condorVegaDollarsPerVolPoint: condorVegaDollarsPerVolPoint,
                capital: capital, condorRiskBudget: condorRiskBudget, drawdown: drawdown, vixChain: vixChain, vixHistory: vixHistory, futureHistory: futureHistory,
                nextFOMC: nextFOMC, sessionsToNextFOMC: sessionsToNextFOMC, memo: memo),
            book: book)
    }

    public func plan(_ inputs: HedgeInputs, book: HedgeBook = HedgeBook()) throws(HedgeError) -> HedgePlan {
        try inputs.validate()
        let chain = VIXChainView(chain: inputs.vixChain, halfSpread: rules.futuresHalfSpread, fill: fill)
        var notes: [String] = []
        let settled = book.positions.filter { $0.instrument.expiry <= inputs.date }
        for position in settled { notes.append("settled, ignored: \(position.contracts) × \(position.instrument) (\(position.layer.rawValue))") }
        let live = book.positions.filter { $0.instrument.expiry > inputs.date }
        let derisk = DeriskSchedule(rules: rules, regime: inputs.regime, sessionsInRegime: inputs.sessionsInRegime)
        let context = LayerContext(rules: rules, inputs: inputs, chain: chain, book: live, derisk: derisk)

        let overlay = try FuturesOverlay.plan(context)
        let results: [(HedgeLayer, LayerResult)] = [
            (.futuresOverlay, overlay),
            (.eventSeed, try EventSeed.plan(context)),
            (.longDatedCalls, try LongDatedCalls.plan(context)),
            (.otmLadder, try CallLadder.plan(context)),
        ]
        var lines = results.flatMap(\.1.lines)
        if derisk.active {
            for i in lines.indices where !lines[i].instrument.isFuture && lines[i].adds {
                lines[i].target = lines[i].reducingOnly
                lines[i].reason += "; real resolution: no new option hedges"
            }
        }
        let bindings = RiskPolicyLimits.apply(risk, rules: rules, inputs: inputs, futures: overlay.primary, lines: &lines)
        lines.removeAll { $0.held == 0 && $0.target == 0 }

        let targets = lines.map { line in
            HedgeTarget(
                layer: line.layer, instrument: line.instrument, contracts: line.target, held: line.held,
                price: line.target < 0 ? line.quote.bid : line.quote.ask, premium: line.premium,
                exposurePerVIXPoint: line.exposure(line.target), reason: line.reason)
        }
        let orders = lines.compactMap { line -> HedgeOrder? in
            let quantity = line.target - line.held
            guard quantity != 0 else { return nil }
            return HedgeOrder(
                layer: line.layer, side: quantity > 0 ? .buy : .sell, instrument: line.instrument, quantity: abs(quantity),
                limitPrice: line.executionPrice(quantity), reason: line.reason)
        }
        let layers = results.map { layer, result in
            HedgeLayerSummary(
                layer: layer, weight: result.weight, budget: result.budget,
                premium: targets.filter { $0.layer == layer }.reduce(0) { $0 + $1.premium }, notes: result.notes)
        }
        let condor = rules.vixBeta * inputs.condorVegaDollarsPerVolPoint
        return HedgePlan(
            date: inputs.date, regime: inputs.regime, capital: inputs.capital, condorRiskBudget: inputs.condorRiskBudget, deriskFactor: derisk.current, targets: targets,
            orders: orders, layers: layers, totalPremium: targets.reduce(0) { $0 + $1.premium },
            budget: risk.maxHedgeBudget * inputs.capital, condorExposurePerVIXPoint: condor,
            netExposurePerVIXPoint: condor + targets.reduce(0) { $0 + $1.exposurePerVIXPoint }, bindings: bindings,
            brakeEngaged: inputs.drawdown >= risk.drawdownBrake, notes: notes)
    }
}
