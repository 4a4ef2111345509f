import MarketData
import QuantCore
import Strategy
import VolModels

/// Model values of hedge positions at a close, on the day's calibrated VIX complex
/// (`VIXComplex`: futures through the day's settlements or the fallback curve, options on the
/// VVIX-calibrated smile): VIX options at the model mid (Black-76 on the future of their
/// expiry), VIX futures as their open P&L against the average price, (F − avg)·1,000·contracts.
/// On their expiry day both settle at the Special Opening Quotation, for which the day's VIX
/// open is the stand-in (the VIX close when the store has no open for that day, or after it).
struct HedgePricing: Sendable {
    /// The settlement value of VIX derivatives expiring on or before the valuation date.
    static func settlementValue(expiry: MarketDate, inputs: MarketInputs) -> Double {
        if expiry == inputs.date, let open = inputs.vixComplex.vixOpen { return open }
        return inputs.vix
    }

    /// The first trading days of Cboe's VIX futures (2004-03-26) and VIX options (2006-02-24):
    /// a run before them refuses the instrument with that reason.
    static func firstListing(_ instrument: HedgeInstrument) -> MarketDate? {
        instrument.isFuture ? MarketDate(year: 2004, month: 3, day: 26) : MarketDate(year: 2006, month: 2, day: 24)
    }

    func future(_ expiry: MarketDate, vix: VIXComplex, inputs: MarketInputs) throws -> Double {
        let t = inputs.years(to: expiry)
        guard t > 0 else { return Self.settlementValue(expiry: expiry, inputs: inputs) }
        return vix.future(years: t)
    }

    /// Per-unit model price of a call (index points), intrinsic against the settlement value at
    /// or after expiry.
    func callPrice(expiry: MarketDate, strike: Double, vix: VIXComplex, inputs: MarketInputs) throws -> Double {
        let t = inputs.years(to: expiry)
        guard t > 0 else { return max(Self.settlementValue(expiry: expiry, inputs: inputs) - strike, 0) }
        return try vix.price(.call, strike: strike, future: vix.future(years: t), time: t, rate: inputs.rates.rate(years: t)).price
    }

    func markValue(_ position: HedgePosition, vix: VIXComplex, inputs: MarketInputs) throws -> Double {
        switch position.instrument {
        case .future(let expiry):
            return (try future(expiry, vix: vix, inputs: inputs) - position.averagePrice) * position.instrument.multiplier * Double(position.contracts)
        case .call(let expiry, let strike):
            return try callPrice(expiry: expiry, strike: strike, vix: vix, inputs: inputs) * position.instrument.multiplier * Double(position.contracts)
        }
    }
}

extension SimulationState {
    /// Settles expiring hedges, asks the hedge planner for the day's orders on the current
    /// book and executes them at the fill model's prices on the modelled quotes.
    mutating func tradeHedges(day: MarketDate, market: MarketDay, calendar: TradingCalendar, pricer: CondorModelPricer) throws {
        let d = day.dayNumber
        let inputs = market.inputs
        // Expiries: options pay intrinsic at the SOQ stand-in, futures settle against their average.
        var kept: [HedgePosition] = []
        for position in hedges.positions {
            guard position.instrument.expiry <= day else {
                kept.append(position)
                continue
            }
            let value = try hedgePricing.markValue(position, vix: try market.vixComplex.get(), inputs: inputs)
            try ledger.post(day: d, component: Self.component(position.layer), kind: .settlement, amount: Cents(dollars: value),
                            memo: "settle \(position.instrument)")
        }
        hedges = HedgeBook(positions: kept)
        try mark(day: day, market: market, pricer: pricer)

        let vixChain = try market.vixChain.get()
        let fomc = inputs.pendingEvents.first { $0.isFOMC }
        var condorVega = 0.0
        if let open = condor {
            let years = inputs.years(to: open.condor.expiry)
            let c = open.condor
            for (type, strike, sign) in c.signedLegs {
                condorVega += sign * pricer.value(type, strike: strike, spot: inputs.spot, years: years).vega
            }
            condorVega *= c.pointValue / 100  // dollars per SPX vol point
        }
        let equity = ledger.equity.dollars
        let planner = try HedgePlanner(rules: configuration.ruleset.hedge, risk: configuration.ruleset.risk)
        let plan: HedgePlan
        do {
            plan = try planner.plan(
                date: day, regime: posture, sessionsInRegime: heldSessions, condorVegaDollarsPerVolPoint: condorVega,
                capital: equity, drawdown: max(0, 1 - equity / peakEquity), vixChain: vixChain, vixHistory: inputs.vixComplex.recentVIX,
                nextFOMC: fomc?.date, sessionsToNextFOMC: fomc.flatMap { calendar.sessionCount(from: day, to: $0.date) }, book: hedges)
        } catch {
            // (planner.plan throws only HedgeError.) No instrument the rules allow is a refusal; a planner input out of its domain or a
            // holding the chain cannot price is a failure naming the date.
            guard case .noExpiry = error else { throw BacktestError.marketData("\(day): the hedge planner failed: \(error)") }
            rejections.append(Refusal(date: day, kind: .noHedgePlan, reason: "no hedge plan: \(error)"))
            return
        }
        for order in executionOrder(plan.orders) {
            if let listed = HedgePricing.firstListing(order.instrument), day < listed {
                rejections.append(
                    Refusal(date: day, kind: .notListed, reason: "\(order.instrument) refused: no VIX \(order.instrument.isFuture ? "future" : "option") traded before \(listed)"))
                continue
            }
            try execute(order, day: day, market: market, chain: vixChain)
            // Re-mark so that the next order's free cash sees this one: a futures reduction
            // realises its loss in cash, and the old mark would count it a second time.
            try mark(day: day, market: market, pricer: pricer)
        }
    }

    /// One order: options pay or receive premium at the fill price; futures realise P&L
    /// against the average price when reduced, and open at the fill price.
    mutating func execute(_ order: HedgeOrder, day: MarketDate, market: MarketDay, chain: SyntheticChain) throws {
        let side: Side = order.side == .buy ? .buy : .sell
        let quantity = order.quantity
        let signed = side == .buy ? quantity : -quantity
        let component = Self.component(order.layer)
        let d = day.dayNumber
        let (bid, ask) = try quote(order.instrument, market: market, chain: chain)
        let price = configuration.fill.fillPrice(side: side, bid: bid, ask: ask)
        let multiplier = order.instrument.multiplier
        let kind: InstrumentKind = order.instrument.isFuture ? .vixFuture : .vixOption
        let fees = configuration.fees.fees(contracts: quantity, instrument: kind)
        if let reason = refusal(order, price: price, fees: fees) {
            rejections.append(Refusal(date: day, kind: .hedgeOrder, reason: "hedge order refused: \(order.side.rawValue) \(quantity) \(order.instrument): \(reason)"))
            return
        }
        try ledger.post(day: d, component: component, kind: .fee, amount: Cents(dollars: -fees), memo: "fees \(order.instrument)")
        var positions = hedges.positions
        let index = positions.firstIndex { $0.layer == order.layer && $0.instrument == order.instrument }
        var position = index.map { positions[$0] } ?? HedgePosition(layer: order.layer, instrument: order.instrument, contracts: 0, averagePrice: price)
        if order.instrument.isFuture {
            let held = position.contracts
            if held != 0 && (held > 0) != (signed > 0) {
                // Reducing: realise P&L on the closed contracts at the fill.
                let closed = min(abs(signed), abs(held)) * (held > 0 ? 1 : -1)
                try ledger.post(day: d, component: component, kind: .variationMargin,
                                amount: Cents(dollars: (price - position.averagePrice) * multiplier * Double(closed)), memo: "close \(order.instrument)")
            }
        } else {
            try ledger.post(day: d, component: component, kind: .premium, amount: Cents(dollars: -price * multiplier * Double(signed)),
                            memo: "\(order.side.rawValue) \(quantity) \(order.instrument)")
        }
        let newContracts = position.contracts + signed
        if newContracts != 0 && (position.contracts == 0 || (position.contracts > 0) == (signed > 0)) {
            // Adding to (or opening) a position: average the price.
            position.averagePrice = (position.averagePrice * Double(position.contracts) + price * Double(signed)) / Double(newContracts)
        } else if newContracts != 0 && (newContracts > 0) != (position.contracts > 0) {
            // Through zero: the remainder is a new position opened at this fill.
            position.averagePrice = price
        }
        position.contracts = newContracts
        if let index {
            if newContracts == 0 { positions.remove(at: index) } else { positions[index] = position }
        } else if newContracts != 0 {
            positions.append(position)
        }
        hedges = HedgeBook(positions: positions)
        orders.append(
            BookOrder(
                symbol: InstrumentSymbol(order.instrument), side: side == .buy ? .buy : .sell, quantity: quantity, limit: price,
                layer: component.rawValue))
    }

    /// Modelled bid/ask of a hedge instrument: options from the day's VIX chain (or the model
    /// price with the VIX spread model when the strike is not listed), futures at the model
    /// future ± the hedge rules' half-spread.
    func quote(_ instrument: HedgeInstrument, market: MarketDay, chain: SyntheticChain) throws -> (Double, Double) {
        let inputs = market.inputs
        switch instrument {
        case .future(let expiry):
            let f = try hedgePricing.future(expiry, vix: try market.vixComplex.get(), inputs: inputs)
            let half = configuration.ruleset.hedge.futuresHalfSpread
            return (f - half, f + half)
        case .call(let expiry, let strike):
            if let slice = chain.expiries.first(where: { $0.expiry == expiry }), let index = slice.strikes.firstIndex(of: strike) {
                return (slice.calls[index].bid, slice.calls[index].ask)
            }
            let mid = try hedgePricing.callPrice(expiry: expiry, strike: strike, vix: try market.vixComplex.get(), inputs: inputs)
            let q = configuration.models.vixSpreads.quote(mid: mid, standardDeviations: 0, eventDay: !inputs.eventsToday.isEmpty)
            return (q.bid, q.ask)
        }
    }
}
