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
    var days: [BacktestDay] = []
    var trades: [CondorTrade] = []
    var rejections: [String] = []
    var attribution = GreeksAttribution()
    /// Calendar month (year·12 + month) of the last static-hedge purchase.
    var staticHedgeMonth: Int?
    /// Risk graph of the condor still open after the last session.
    var finalRiskGraph: CondorRiskGraph?
    var snapshot: CondorSnapshot?
    let hedgePricing: HedgePricing
    let voters: [any RegimeVoter]
    let quorum: RegimeQuorum

    init(configuration: BacktestConfiguration, firstDay: MarketDate, store: some MarketDataStore, calendar: TradingCalendar) throws {
        self.configuration = configuration
        hedgePricing = HedgePricing(configuration.models)
        let capital = configuration.ruleset.capital
        ledger = Ledger(initialCapital: Cents(dollars: capital), startDay: firstDay.dayNumber)
        peakEquity = capital
        let engine = RegimeEngine(rules: configuration.ruleset.regime)
        voters = engine.voters
        quorum = RegimeQuorum(rules: configuration.ruleset.regime)
        // Start the posture from the replay of the sessions before the first day.
        let warmup = try engine.replay(store: store, calendar: calendar, date: firstDay).dropLast()
        let start = warmup.last?.regime ?? .calm
        posture = start
        heldSessions = max(1, warmup.reversed().prefix { $0.regime == start }.count)
    }

    mutating func step(_ day: MarketDate, store: some MarketDataStore, calendar: TradingCalendar) throws {
        let inputs = try MarketInputs.load(store, date: day)
        let d = day.dayNumber
        if let previous = previousDay {
            // Cash earns the 3-month Treasury rate (continuous) over the calendar days elapsed.
            let rate = inputs.rates.rate(years: 0.25)
            let interest = ledger.cash.dollars * (exp(rate * Double(day - previous) / 365) - 1)
            try ledger.post(day: d, component: .cash, kind: .interest, amount: Cents(dollars: interest), memo: "interest at \(rate)")
        }
        previousDay = day

        let readings = try voters.map { try $0.read(VoterInput(store: store, calendar: calendar, date: day, rules: configuration.ruleset.regime)) }
        let decision = quorum.decide(date: day, previous: posture, heldSessions: heldSessions, readings: readings)
        if decision.changed {
            posture = decision.regime
            heldSessions = 1
        } else {
            heldSessions += 1
        }

        let model = try SPXMarketModel.forDate(store, inputs: inputs, calendar: calendar, parameters: configuration.models)
        let pricer = CondorModelPricer(model: model)
        let eventDay = !inputs.eventsToday.isEmpty
        var closedToday = false
        if let open = condor, let previous = snapshot {
            attribution.add(from: previous, to: CondorSnapshot.take(open.condor, inputs: inputs, pricer: pricer, releasedBeforeNext: 0))
        }
        if let open = condor {
            if let trade = try settleOrManage(open, day: day, inputs: inputs, pricer: pricer, eventDay: eventDay) {
                trades.append(trade)
                condor = nil
                closedToday = true
            }
        }
        // Re-mark after any close so that equity (which sizes the new condor and the hedge
        // budgets) does not count a closed position's cash and its old mark together.
        try mark(day: day, inputs: inputs, pricer: pricer)
        if condor == nil && !closedToday {
            try openCondor(day: day, model: model)
            try mark(day: day, inputs: inputs, pricer: pricer)
        }
        switch configuration.hedge {
        case .alvh: try tradeHedges(day: day, inputs: inputs, calendar: calendar, store: store, pricer: pricer)
        case .staticVIXCalls: try tradeStaticHedge(day: day, inputs: inputs, calendar: calendar, pricer: pricer)
        case .none: break
        }
        try mark(day: day, inputs: inputs, pricer: pricer)
        try ledger.checkRunningTotals()
        // Tomorrow's attribution starts from tonight's state; events released before the next
        // close (known from the calendar) are measured now.
        finalRiskGraph = condor.flatMap { try? CondorRiskGraph.compute(condor: $0.condor, model: model) }
        if let open = condor {
            let next = calendar.nextSession(after: day) ?? day.adding(days: 1)
            let released = inputs.pendingEvents.filter { $0.date <= next }
                .map { SPXMarketModel.pendingEvent($0, from: day, parameters: configuration.models.events).jumpVariance }.reduce(0, +)
            snapshot = CondorSnapshot.take(open.condor, inputs: inputs, pricer: pricer, releasedBeforeNext: released)
        } else {
            snapshot = nil
        }

        let equity = ledger.equity.dollars
        peakEquity = max(peakEquity, equity)
        var pnl: [String: Double] = [:]
        for component in LedgerComponent.allCases { pnl[component.rawValue] = ledger.componentPnL(component).dollars }
        days.append(BacktestDay(date: day, regime: posture, spx: inputs.spot, vix: inputs.vix, equity: equity, pnl: pnl))
    }

    /// Marks every component at the close: the condor at model mid (a liability), hedges at
    /// model mids (options) or against their average price (futures).
    mutating func mark(day: MarketDate, inputs: MarketInputs, pricer: CondorModelPricer) throws {
        var condorValue = 0.0
        if let open = condor {
            let years = inputs.years(to: open.condor.expiry)
            condorValue = -pricer.condorValue(open.condor, spot: inputs.spot, years: years) * open.condor.pointValue
        }
        try ledger.setMark(.condor, value: Cents(dollars: condorValue), day: day.dayNumber)
        var values: [LedgerComponent: Double] = [.layer1: 0, .layer2: 0, .layer3: 0]
        for position in hedges.positions {
            values[Self.component(position.layer), default: 0] += try hedgePricing.markValue(position, inputs: inputs)
        }
        for (component, value) in values {
            try ledger.setMark(component, value: Cents(dollars: value), day: day.dayNumber)
        }
    }

    static func component(_ layer: HedgeLayer) -> LedgerComponent {
        switch layer {
        case .futuresOverlay, .eventSeed: .layer1
        case .longDatedCalls: .layer2
        case .otmLadder: .layer3
        }
    }
}
