import Foundation
import MarketData
import QuantCore
import Strategy
import VolModels

/// The book carried from one session to the next and the day's steps (see `Simulator`).
struct SimulationState {
    let configuration: BacktestConfiguration
    var ledger: Ledger
    var condor: OpenCondor?
    var hedges = HedgeBook()
    var posture: Regime
    var heldSessions: Int
    var previousDay: MarketDate?
    var peakEquity: Double
    /// The close at which `peakEquity` was reached (the first session for the starting capital;
    /// nil only for a book imported without a `PEAK` line, until its first mark).
    var peakDate: MarketDate?
    var days: [BacktestDay] = []
    /// The orders of the session being stepped (filled ones only; refusals go to `rejections`).
    var orders: [BookOrder] = []
    var trades: [CondorTrade] = []
    var rejections: [Refusal] = []
    /// Sessions whose hedge plan had the drawdown brake engaged.
    var brakeSessions = 0
    var attribution = GreeksAttribution()
    var snapshot: CondorSnapshot?
    /// The condor's mark on `day`, reused by the session's later marks.
    var condorMark: (day: MarketDate, condor: IronCondor, value: Double)?
    let hedgePricing: HedgePricing
    let tape: RegimeTape

    init(configuration: BacktestConfiguration, firstDay: MarketDate, tape: RegimeTape) {
        self.configuration = configuration
        self.tape = tape
        hedgePricing = HedgePricing()
        let capital = configuration.ruleset.capital
        ledger = Ledger(initialCapital: Cents(dollars: capital), startDay: firstDay.dayNumber)
        peakEquity = capital
        peakDate = firstDay
        posture = tape.postures.first ?? .calm
        heldSessions = tape.heldSessions.first ?? 1
    }

    mutating func step(_ index: Int, timeline: MarketTimeline) throws {
        let market = timeline.days[index]
        let calendar = timeline.calendar
        let inputs = market.inputs
        let day = inputs.date
        let d = day.dayNumber
        if let previous = previousDay {
            // Cash earns the 3-month Treasury rate (continuous) over the calendar days elapsed.
            let rate = inputs.rates.rate(years: 0.25)
            let interest = ledger.cash.dollars * (exp(rate * Double(day - previous) / 365) - 1)
            try ledger.post(day: d, component: .cash, kind: .interest, amount: Cents(dollars: interest), memo: "interest at \(rate)")
        }
        previousDay = day
        orders = []
        // The drawdown brake's reference (`risk.drawdown_reference`): a peak from before a reset
        // no longer counts, and today's first mark becomes the new one.
        if let peakDay = peakDate, configuration.ruleset.risk.drawdownReference.resets(peakDate: peakDay, on: day) {
            (peakEquity, peakDate) = (0, nil)
        }
        posture = tape.postures[index]
        heldSessions = tape.heldSessions[index]

        let model = market.model
        let pricer = CondorModelPricer(model: model)
        let eventDay = !inputs.eventsToday.isEmpty
        var closedToday = false
        if configuration.attributeGreeks, let open = condor, let previous = snapshot {
            attribution.add(from: previous, to: CondorSnapshot.take(open.condor, inputs: inputs, pricer: pricer, releasedBeforeNext: 0))
        }
        if let open = condor {
            if let trade = try settleOrManage(open, day: day, inputs: inputs, pricer: pricer, eventDay: eventDay, calendar: calendar) {
                trades.append(trade)
                condor = nil
                closedToday = true
            }
        }
        // Re-mark after any close so that equity (which sizes the new condor and the hedge
        // budgets) does not count a closed position's cash and its old mark together.
        try mark(day: day, market: market, pricer: pricer)
        // A book imported without a PEAK line, or a reference that reset today, starts its
        // drawdown brake from here.
        if peakEquity <= 0 { (peakEquity, peakDate) = (ledger.equity.dollars, day) }
        if condor == nil && !closedToday {
            try openCondor(day: day, session: index, timeline: timeline)
            try mark(day: day, market: market, pricer: pricer)
        }
        switch configuration.hedge {
        case .alvh: try tradeHedges(day: day, market: market, vixChain: timeline.vixChain(index), calendar: calendar, pricer: pricer)
        case .none: break
        }
        try mark(day: day, market: market, pricer: pricer)
        try ledger.checkRunningTotals()
        // Tomorrow's attribution starts from tonight's state; events released before the next
        // close (known from the calendar) are measured now.
        if configuration.attributeGreeks, let open = condor {
            let next = calendar.nextSession(after: day) ?? day.adding(days: 1)
            let released = inputs.pendingEvents.filter { $0.date <= next }
                .map { SPXMarketModel.pendingEvent($0, from: day, parameters: configuration.models.events).jumpVariance }.reduce(0, +)
            snapshot = CondorSnapshot.take(open.condor, inputs: inputs, pricer: pricer, releasedBeforeNext: released)
        } else {
            snapshot = nil
        }

        let equity = ledger.equity.dollars
        if equity > peakEquity {
            peakEquity = equity
            peakDate = day
        }
        var pnl: [String: Double] = [:]
        for component in LedgerComponent.strategyComponents { pnl[component.rawValue] = ledger.componentPnL(component).dollars }
        days.append(BacktestDay(date: day, regime: posture, spx: inputs.spot, vix: inputs.vix, equity: equity, pnl: pnl, orders: orders))
    }

    /// Marks every component at the close: the condor at model mid (a liability), hedges at
    /// model mids (options) or against their average price (futures).
    mutating func mark(day: MarketDate, market: MarketDay, pricer: CondorModelPricer) throws {
        let inputs = market.inputs
        var condorValue = 0.0
        if let open = condor {
            // A session marks the same condor up to four times; price it once.
            if let cached = condorMark, cached.day == day, cached.condor == open.condor {
                condorValue = cached.value
            } else {
                let years = inputs.years(to: open.condor.expiry)
                condorValue = -pricer.condorValue(open.condor, spot: inputs.spot, years: years) * open.condor.pointValue
                condorMark = (day, open.condor, condorValue)
            }
        }
        try ledger.setMark(.condor, value: Cents(dollars: condorValue), day: day.dayNumber)
        // Summed per layer in position order, as before; posted in the fixed order layer 1, 2, 3
        // so the journal is byte-identical from run to run.
        var values = (layer1: 0.0, layer2: 0.0, layer3: 0.0)
        for position in hedges.positions {
            let value = try hedgePricing.markValue(position, vix: try market.vixComplex.get(), inputs: inputs, memo: market.callMarks)
            // The layers of `component(_:)`, exhaustively, so a new layer cannot be misrouted.
            switch position.layer {
            case .futuresOverlay, .eventSeed: values.layer1 += value
            case .longDatedCalls: values.layer2 += value
            case .otmLadder: values.layer3 += value
            }
        }
        try ledger.setMark(.layer1, value: Cents(dollars: values.layer1), day: day.dayNumber)
        try ledger.setMark(.layer2, value: Cents(dollars: values.layer2), day: day.dayNumber)
        try ledger.setMark(.layer3, value: Cents(dollars: values.layer3), day: day.dayNumber)
    }

    static func component(_ layer: HedgeLayer) -> LedgerComponent {
        switch layer {
        case .futuresOverlay, .eventSeed: .layer1
        case .longDatedCalls: .layer2
        case .otmLadder: .layer3
        }
    }
}
