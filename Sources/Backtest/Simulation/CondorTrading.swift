import MarketData
import QuantCore
import Strategy
import VolModels

/// The condor's part of a session: open the planner's condor under the capital check, settle
/// it at expiry or manage it (take profit, stop, exit DTE), and the free cash both read.
extension SimulationState {
    /// Opens the planner's condor at the fill model's prices on the modelled quotes, if the
    /// margin (max loss) and fees fit in free cash; otherwise records the refusal.
    mutating func openCondor(day: MarketDate, session: Int, timeline: MarketTimeline) throws {
        let model = timeline.days[session].model
        let planner = CondorPlanner(rules: configuration.ruleset.condor)
        // Only the expiry the planner will pick is priced (and shared with other runs on the
        // timeline); no listed expiry in the DTE window is the one thing selection refuses.
        let expiry: MarketDate
        do {
            expiry = try planner.selectExpiry(model.expiryDates, on: day)
        } catch {
            rejections.append(Refusal(date: day, kind: .noCondor, reason: "no condor: \(error)"))
            return
        }
        let chain = timeline.spxChain(session, expiry: expiry)
        let plan: CondorPlan
        do {
            plan = try planner.plan(chain: chain, model: model, capital: ledger.equity.dollars, regime: posture, withRiskGraph: false)
        } catch {
            // (planner.plan throws only CondorError.) A rule that finds no trade is a refusal, recorded; invalid input or rules are a
            // failure that stops the run naming the date.
            switch error {
            case .capitalTooSmall:
                rejections.append(Refusal(date: day, kind: .capitalTooSmall, reason: "no condor: \(error)"))
            case .noExpiryInWindow, .noShortStrikeInBand, .noWingStrike, .nonPositiveCredit, .skippedInRegime:
                rejections.append(Refusal(date: day, kind: .noCondor, reason: "no condor: \(error)"))
            case .invalidCondor, .invalidInput, .invalidRules:
                throw BacktestError.marketData("\(day): the condor planner failed: \(error)")
            }
            return
        }
        let fill = configuration.fill
        var credit = 0.0
        var prices: [Double: [Double]] = [:]
        var legOrders: [BookOrder] = []
        for leg in plan.legs {
            let side: Side = leg.role.sign < 0 ? .sell : .buy
            let price = fill.fillPrice(side: side, bid: leg.bid, ask: leg.ask)
            credit += side == .sell ? price : -price
            prices[leg.strike, default: []].append(price)
            let type: OptionType = leg.role == .longPut || leg.role == .shortPut ? .put : .call
            legOrders.append(
                BookOrder(
                    symbol: .spxOption(type, strike: leg.strike, expiry: plan.condor.expiry, calendar: timeline.calendar),
                    side: side == .sell ? .sell : .buy, quantity: plan.condor.quantity, limit: price, layer: LedgerComponent.condor.rawValue))
        }
        let quantity = plan.condor.quantity
        let fees = configuration.fees.fees(contracts: 4 * quantity, instrument: .spxOption)
        guard credit > 0, credit < min(plan.condor.putWidth, plan.condor.callWidth) else {
            rejections.append(Refusal(date: day, kind: .condorCredit, reason: "condor credit \(credit) after fills is not in (0, narrower wing)"))
            return
        }
        let condor: IronCondor
        do {
            condor = try IronCondor(
                expiry: plan.condor.expiry, longPut: plan.condor.longPut, shortPut: plan.condor.shortPut,
                shortCall: plan.condor.shortCall, longCall: plan.condor.longCall, quantity: quantity, credit: credit)
        } catch {
            throw BacktestError.marketData("\(day): the planned condor is not valid after fills: \(error)")
        }
        let position = MarginPosition.condor(
            longPut: condor.longPut, shortPut: condor.shortPut, shortCall: condor.shortCall, longCall: condor.longCall,
            quantity: quantity, credit: credit)
        let check = configuration.margin.checkAvailableCapital(for: position, premiumPaid: 0, fees: fees, freeCash: freeCash())
        guard check.isAccepted else {
            rejections.append(Refusal(date: day, kind: .insufficientCash, reason: "condor refused: \(check)"))
            return
        }
        let d = day.dayNumber
        try ledger.post(day: d, component: .condor, kind: .premium, amount: Cents(dollars: condor.totalCredit), memo: "open condor")
        let midValue = CondorModelPricer(model: model).condorValue(condor, spot: model.inputs.spot, years: model.inputs.years(to: condor.expiry))
        attribution.costs += (credit - midValue) * condor.pointValue - fees
        try ledger.post(day: d, component: .condor, kind: .fee, amount: Cents(dollars: -fees), memo: "condor fees")
        let legPrices = condor.signedLegs.map { leg in prices[leg.strike]?.first ?? 0 }
        self.condor = OpenCondor(condor: condor, opened: day, credit: credit, entryFees: fees, legPrices: legPrices)
        orders += legOrders
    }

    /// Cash not committed as margin: cash minus the open condor's max loss and the futures'
    /// initial margin.
    func freeCash() -> Cents {
        var committed = 0.0
        if let open = condor {
            committed += configuration.margin.initialMargin(
                for: .condor(
                    longPut: open.condor.longPut, shortPut: open.condor.shortPut, shortCall: open.condor.shortCall,
                    longCall: open.condor.longCall, quantity: open.condor.quantity, credit: open.credit))
        }
        for position in hedges.positions where position.instrument.isFuture {
            committed += configuration.margin.initialMargin(for: .vixFutures(contracts: abs(position.contracts)))
        }
        // Futures are marked, not settled daily: an open loss is owed variation margin. Layer 1
        // also holds the pre-FOMC call spreads, but a long call or a long-minus-higher-strike
        // spread is never worth less than 0, so a negative layer-1 mark is the futures' loss.
        committed += max(0, -ledger.mark(.layer1).dollars)
        return ledger.cash - Cents(dollars: committed)
    }

    /// Settles the condor on its expiry day (SPX close, cash-settled) or applies the management
    /// rules on model mids; a close trades each leg at the fill model's price on modelled quotes.
    mutating func settleOrManage(
        _ open: OpenCondor, day: MarketDate, inputs: MarketInputs, pricer: CondorModelPricer, eventDay: Bool, calendar: TradingCalendar
    ) throws -> CondorTrade? {
        let condor = open.condor
        let d = day.dayNumber
        var exit: String
        var closeCost: Double
        var fees = 0.0
        if condor.expiry <= day {
            exit = "expiry"
            closeCost = condor.intrinsicValue(at: inputs.spot)
        } else {
            guard configuration.manageCondor else { return nil }
            let years = inputs.years(to: condor.expiry)
            let value = pricer.condorValue(condor, spot: inputs.spot, years: years)
            let pnl = (open.credit - value) * condor.pointValue
            let action = CondorManager(rules: configuration.ruleset.condor).action(
                pnl: pnl, entryCredit: condor.totalCredit, daysToExpiry: condor.expiry - day)
            guard action != .hold else { return nil }
            exit = action.rawValue
            closeCost = 0
            let spreads = configuration.models.spxSpreads
            let deviation = max(1e-8, model(pricer).surface.atmTotalVariance(years).squareRoot())
            for (type, strike, sign) in condor.signedLegs {
                let mid = pricer.value(type, strike: strike, spot: inputs.spot, years: years).price
                let quote = spreads.quote(mid: mid, standardDeviations: abs(log(strike / inputs.spot)) / deviation, eventDay: eventDay)
                // Closing: buy back the shorts, sell the longs.
                let price = configuration.fill.fillPrice(side: sign < 0 ? .buy : .sell, bid: quote.bid, ask: quote.ask)
                closeCost += sign < 0 ? price : -price
                orders.append(
                    BookOrder(
                        symbol: .spxOption(type, strike: strike, expiry: condor.expiry, calendar: calendar), side: sign < 0 ? .buy : .sell,
                        quantity: condor.quantity, limit: price, layer: LedgerComponent.condor.rawValue))
            }
            fees = configuration.fees.fees(contracts: 4 * condor.quantity, instrument: .spxOption)
        }
        let closedBy = exit
        try ledger.post(day: d, component: .condor, kind: closedBy == "expiry" ? .settlement : .premium,
                        amount: Cents(dollars: -closeCost * condor.pointValue), memo: "close condor (\(closedBy))")
        if fees > 0 { try ledger.post(day: d, component: .condor, kind: .fee, amount: Cents(dollars: -fees), memo: "condor fees") }
        let pnl = (open.credit - closeCost) * condor.pointValue - open.entryFees - fees
        // Exit costs: what closing paid beyond the model mid value (zero at expiry settlement).
        let midNow = condor.expiry <= day ? closeCost : pricer.condorValue(condor, spot: inputs.spot, years: inputs.years(to: condor.expiry))
        attribution.costs -= (closeCost - midNow) * condor.pointValue + fees
        return CondorTrade(
            opened: open.opened, closed: day, expiry: condor.expiry,
            strikes: [condor.longPut, condor.shortPut, condor.shortCall, condor.longCall], quantity: condor.quantity,
            credit: open.credit, exit: exit, pnl: pnl)
    }

    private func model(_ pricer: CondorModelPricer) -> SPXMarketModel { pricer.model }
}
