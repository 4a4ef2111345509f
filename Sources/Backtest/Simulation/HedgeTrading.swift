import MarketData
import QuantCore
import Strategy
import VolModels

/// The hedge layers' part of a session: settle expiring hedges, plan on the current book, and
/// execute the orders one by one under the capital and cover checks (`HedgeOrderCheck`).
extension SimulationState {
    /// Settles expiring hedges, asks the hedge planner for the day's orders on the current
    /// book and executes them at the fill model's prices on the modelled quotes.
    mutating func tradeHedges(
        day: MarketDate, market: MarketDay, vixChain sheet: Result<VIXQuoteSheet, any Error>, calendar: TradingCalendar,
        pricer: CondorModelPricer
    ) throws {
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

        let vixChain = try sheet.get()
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
        let planner = try HedgePlanner(rules: configuration.ruleset.hedge, risk: configuration.ruleset.risk, fill: configuration.fill)
        let plan: HedgePlan
        do {
            plan = try planner.plan(
                date: day, regime: posture, sessionsInRegime: heldSessions, condorVegaDollarsPerVolPoint: condorVega,
                capital: equity, condorRiskBudget: configuration.ruleset.condorRiskBudget(capital: equity), drawdown: max(0, 1 - equity / peakEquity), vixChain: vixChain, vixHistory: inputs.vixComplex.recentVIX,
                nextFOMC: fomc?.date, sessionsToNextFOMC: fomc.flatMap { calendar.sessionCount(from: day, to: $0.date) }, memo: market.hedgeMemo,
                book: hedges)
        } catch {
            // (planner.plan throws only HedgeError.) No instrument the rules allow is a refusal; a planner input out of its domain or a
            // holding the chain cannot price is a failure naming the date.
            guard case .noExpiry = error else { throw BacktestError.marketData("\(day): the hedge planner failed: \(error)") }
            rejections.append(Refusal(date: day, kind: .noHedgePlan, reason: "no hedge plan: \(error)"))
            return
        }
        if plan.brakeEngaged { brakeSessions += 1 }
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
    mutating func execute(_ order: HedgeOrder, day: MarketDate, market: MarketDay, chain: VIXQuoteSheet) throws {
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

    /// Modelled bid/ask of a hedge instrument, the same quote the planner priced its budgets
    /// from (`HedgeQuote`): options from the day's VIX chain (a held strike that left the grid
    /// at its Black-76 value), futures at the model future ± the hedge rules' half-spread.
    func quote(_ instrument: HedgeInstrument, market: MarketDay, chain: VIXQuoteSheet) throws -> (Double, Double) {
        do {
            return try HedgeQuote.bidAsk(instrument, chain: chain, halfSpread: configuration.ruleset.hedge.futuresHalfSpread)
        } catch {
            throw BacktestError.marketData("\(market.inputs.date): \(instrument) cannot be quoted: \(error)")
        }
    }
}
