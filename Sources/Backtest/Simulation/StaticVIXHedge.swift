import MarketData
import QuantCore
import Strategy
import VolModels

extension SimulationState {
    /// The VXTH-style baseline hedge: when no static calls are held (at the start and after each
    /// expiry, at most once per calendar month), buy VIX calls of the first monthly expiry at least 20 days out, at the listed
    /// strike whose model delta is closest to 0.30, for `VXTHWeight` of equity in premium at the
    /// fill price; hold to expiry (settled at the SOQ stand-in, the VIX open of the expiry day).
    mutating func tradeStaticHedge(day: MarketDate, market: MarketDay, pricer: CondorModelPricer) throws {
        let d = day.dayNumber
        let inputs = market.inputs
        var kept: [HedgePosition] = []
        for position in hedges.positions {
            guard position.instrument.expiry <= day else {
                kept.append(position)
                continue
            }
            try ledger.post(day: d, component: .layer3, kind: .settlement, amount: Cents(dollars: try hedgePricing.markValue(position, vix: try market.vixComplex.get(), inputs: inputs)),
                            memo: "settle \(position.instrument)")
        }
        hedges = HedgeBook(positions: kept)
        try mark(day: day, market: market, pricer: pricer)
        // Monthly: at most one purchase per calendar month (the roll after each expiry).
        let month = day.year * 12 + day.month
        guard hedges.positions.isEmpty, staticHedgeMonth != month else { return }
        staticHedgeMonth = month
        let chain = try market.vixChain.get()
        guard let expiry = chain.expiries.first(where: { $0.expiry - day >= 20 }) else { return }
        let weight = try VXTHWeight.weight(forVIXFuture: expiry.forward)
        guard weight > 0 else { return }
        guard let index = expiry.calls.indices.min(by: { abs(expiry.calls[$0].valuation.delta - 0.30) < abs(expiry.calls[$1].valuation.delta - 0.30) })
        else { return }
        let quote = expiry.calls[index]
        let price = configuration.fill.fillPrice(side: .buy, bid: quote.bid, ask: quote.ask)
        let contracts = Int(weight * ledger.equity.dollars / (price * 100))
        guard contracts > 0 else { return }
        let instrument = HedgeInstrument.call(expiry: expiry.expiry, strike: expiry.strikes[index])
        let fees = configuration.fees.fees(contracts: contracts, instrument: .vixOption)
        let check = configuration.margin.checkAvailableCapital(
            for: .longOptions(contracts: contracts), premiumPaid: price * 100 * Double(contracts), fees: fees, freeCash: freeCash())
        if case .rejected(let reason) = check {
            rejections.append("\(day): hedge order refused: buy \(contracts) \(instrument): \(reason)")
            return
        }
        try ledger.post(day: d, component: .layer3, kind: .premium, amount: Cents(dollars: -price * 100 * Double(contracts)), memo: "static hedge \(instrument)")
        try ledger.post(day: d, component: .layer3, kind: .fee, amount: Cents(dollars: -fees), memo: "fees \(instrument)")
        hedges = HedgeBook(positions: [HedgePosition(layer: .otmLadder, instrument: instrument, contracts: contracts, averagePrice: price)])
    }
}
