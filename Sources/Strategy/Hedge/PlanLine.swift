import MarketData

/// Working line of a plan: one (layer, instrument) with what is held and the target so far.
struct PlanLine {
    var layer: HedgeLayer
    var instrument: HedgeInstrument
    var held: Int
    var averagePrice: Double
    var target: Int
    var quote: InstrumentQuote
    var reason: DeferredText

    /// Execution-side price for a signed quantity: ask to buy, bid to sell.
    func executionPrice(_ quantity: Int) -> Double { quantity > 0 ? quote.ask : quote.bid }

    /// Committed premium of `contracts` (see `HedgeTarget.premium`): held contracts kept at the
    /// average price, additions at the execution price, × 100; futures 0.
    func premium(_ contracts: Int) -> Double {
        guard !instrument.isFuture, contracts != 0 else { return 0 }
        let m = instrument.multiplier
        if held != 0, held.signum() == contracts.signum() {
            if abs(contracts) <= abs(held) { return Double(contracts) * averagePrice * m }
            let added = contracts - held
            return (Double(held) * averagePrice + Double(added) * executionPrice(added)) * m
        }
        return Double(contracts) * executionPrice(contracts) * m
    }

    var premium: Double { premium(target) }

    /// Exposure in $ per VIX point of `contracts`.
    func exposure(_ contracts: Int) -> Double { Double(contracts) * instrument.multiplier * quote.delta }

    /// Whether the target opens or enlarges a position (|target| > |held| or a sign flip).
    var adds: Bool { target != 0 && (abs(target) > abs(held) || target.signum() != held.signum() && held != 0) }

    /// The largest target toward `target` that only shrinks the holding (no new risk).
    var reducingOnly: Int {
        guard held != 0, target.signum() == held.signum() else { return 0 }
        return abs(target) <= abs(held) ? target : held
    }
}

/// Lines for every held position of `layer`, target 0 (layers then set the ones they keep).
func heldLines(_ positions: [HedgePosition], chain: VIXChainView, reason: DeferredText) throws(HedgeError) -> [PlanLine] {
    var lines: [PlanLine] = []
    for position in positions {
        lines.append(
            PlanLine(
                layer: position.layer, instrument: position.instrument, held: position.contracts, averagePrice: position.averagePrice,
                target: 0, quote: try chain.quote(position.instrument), reason: reason))
    }
    return lines
}

extension Array where Element == PlanLine {
    /// Index of the line for `instrument`, appending a new zero line when absent.
    mutating func index(of instrument: HedgeInstrument, layer: HedgeLayer, chain: VIXChainView, reason: DeferredText) throws(HedgeError) -> Int {
        if let index = firstIndex(where: { $0.instrument == instrument }) { return index }
        append(PlanLine(layer: layer, instrument: instrument, held: 0, averagePrice: 0, target: 0, quote: try chain.quote(instrument), reason: reason))
        return count - 1
    }
}
