import MarketData
import Strategy
import VolModels

/// The strategy and its baselines on the same data and costs: the ALVH strategy, the unhedged
/// condor (Cboe CNDR-style: 20-delta shorts, 5-delta wings, held to expiry), the same condor with
/// the static VIX call hedge (Cboe VXTH-style weights), and buy-and-hold S&P 500.
public struct BacktestReport: Sendable, Codable, Equatable {
    public var from: MarketDate
    public var to: MarketDate
    public var rulesetHash: String
    public var prices: String
    public var disclaimer: String
    public var summaries: [BacktestSummary]
    /// Sessions spent in each regime by the strategy run.
    public var regimeSessions: [String: Int]
    /// Sessions whose VIX prices were driven by real settlements / VVIX, and by the fallbacks.
    public var vixInputs: VIXInputSessions
    /// Each stress episode inside the run (`StressEpisode.standard`): every run's drawdown and
    /// return in it, the P&L of each ledger component, and which model inputs were real.
    public var episodes: [EpisodeResult]
    /// Every session: equity of each run, the strategy's return, regime and P&L by component.
    public var days: [BacktestReportDay]
}

public enum BacktestComparison {
    /// The CNDR-style baseline rules: 20-delta shorts (band 0.15-0.20), 5-delta wings, same
    /// sizing; the baseline runs also switch management off (`manageCondor: false`), so each
    /// condor is held to expiry.
    public static func baselineRules(_ ruleset: Ruleset) -> Ruleset {
        var rules = ruleset
        rules.condor.shortDelta = 0.20
        rules.condor.shortDeltaMin = 0.15
        rules.condor.shortDeltaMax = 0.20
        rules.condor.realResolutionShortDelta = 0.20
        rules.condor.wingMode = .delta
        rules.condor.wingDelta = 0.05
        rules.condor.takeProfit = 1
        rules.condor.stopLoss = 1000
        rules.condor.exitDTE = 0
        rules.condor.stressAction = .reduce
        rules.condor.stressSizeMultiplier = 1
        return rules
    }

    /// Everything the comparison produced: the report, the three option runs (strategy,
    /// unhedged, static hedge) and the buy-and-hold equity curve (same sessions).
    public struct Result: Sendable {
        public var report: BacktestReport
        public var runs: [BacktestRun]
        public var buyAndHold: [Double]
        public var strategy: BacktestRun { runs[0] }
    }

    public static func run(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard
    ) throws -> (report: BacktestReport, strategy: BacktestRun) {
        let result = try compare(store: store, calendar: calendar, from: from, to: to, ruleset: ruleset)
        return (result.report, result.strategy)
    }

    public static func compare(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard
    ) throws -> Result {
        try ruleset.validate()
        return try compare(timeline: MarketTimeline(store: store, calendar: calendar, from: from, to: to), ruleset: ruleset)
    }

    /// The comparison on a prepared timeline: the three option runs share its calibrated days.
    public static func compare(timeline: MarketTimeline, ruleset: Ruleset = .standard) throws -> Result {
        let from = timeline.from, to = timeline.to
        let strategy = try Simulator.run(timeline: timeline, configuration: BacktestConfiguration(from: from, to: to, ruleset: ruleset, hedge: .alvh, models: timeline.parameters))
        let baseline = baselineRules(ruleset)
        let plain = try Simulator.run(
            timeline: timeline, configuration: BacktestConfiguration(from: from, to: to, ruleset: baseline, hedge: .none, manageCondor: false, models: timeline.parameters))
        let statically = try Simulator.run(
            timeline: timeline, configuration: BacktestConfiguration(from: from, to: to, ruleset: baseline, hedge: .staticVIXCalls, manageCondor: false, models: timeline.parameters))
        var summaries = [
            try summary("ALVH strategy", strategy), try summary("unhedged condor (CNDR-style)", plain),
            try summary("condor + static VIX calls (VXTH-style)", statically),
        ]
        let closes = strategy.days.map(\.spx)
        let holdEquity = try BuyAndHold.equityCurve(closes: closes, initial: ruleset.capital)
        summaries.append(try BacktestSummary(name: "buy and hold S&P 500", dates: strategy.days.map(\.date), equity: holdEquity, trades: [], components: []))
        var regimes: [String: Int] = [:]
        for day in strategy.days { regimes[day.regime.rawValue, default: 0] += 1 }
        let report = BacktestReport(
            from: strategy.days.first?.date ?? from, to: strategy.days.last?.date ?? to, rulesetHash: ruleset.contentHash,
            prices: SyntheticChain.provenance, disclaimer: Signal.disclaimer, summaries: summaries, regimeSessions: regimes,
            vixInputs: VIXInputSessions(timeline.days),
            episodes: EpisodeResult.evaluate(
                StressEpisode.standard, dates: strategy.days.map(\.date),
                runs: zip(summaries.map(\.name), [strategy, plain, statically]).map { ($0, $1.days.map(\.equity), $1.days.map(\.pnl)) }
                    + [(summaries[3].name, holdEquity, [])],
                inputs: timeline.days.map(EpisodeInputs.Session.init)),
            days: BacktestReportDay.rows(strategy: strategy, unhedged: plain, staticHedge: statically, buyAndHold: holdEquity))
        return Result(report: report, runs: [strategy, plain, statically], buyAndHold: holdEquity)
    }

    public static func summary(_ name: String, _ run: BacktestRun) throws -> BacktestSummary {
        let trades = run.trades.map { ClosedTrade(entryDay: $0.opened.dayNumber, exitDay: $0.closed.dayNumber, pnl: $0.pnl) }
        var components: [BacktestSummary.Component] = []
        for component in LedgerComponent.allCases {
            let entries = run.ledger.entries.filter { $0.component == component && $0.kind.movesCash }
            guard !entries.isEmpty || run.ledger.mark(component) != .zero else { continue }
            let paid = entries.filter { $0.kind == .premium && $0.amount < .zero }.map(\.amount).sum()
            let fees = entries.filter { $0.kind == .fee }.map(\.amount).sum()
            let flows = run.ledger.cashFlows(component).map { LayerCashFlow(dayNumber: $0.dayNumber, premium: $0.amount.dollars) }
            let xirr: MetricValue<Double>? = flows.count >= 2 ? (try? ComponentReturn(name: component.rawValue, flows: flows))?.xirr : nil
            components.append(
                BacktestSummary.Component(
                    component: component.rawValue, pnl: run.ledger.componentPnL(component).dollars, cost: -(paid + fees).dollars + 0, xirr: xirr?.value,
                    xirrNote: xirrNote(xirr, firstFlow: flows.first?.premium)))
        }
        return try BacktestSummary(
            name: name, dates: run.days.map(\.date), equity: run.days.map(\.equity), trades: trades, components: components,
            attribution: run.attribution, rejections: run.rejections)
    }

    static func xirrNote(_ xirr: MetricValue<Double>?, firstFlow: Double?) -> String? {
        guard let xirr else { return "fewer than 2 cash flows" }
        if let reason = xirr.unavailableReason { return reason.description }
        if let first = firstFlow, first > 0 {
            return "premium received first and paid back later: a borrowing rate, negative means the component gained"
        }
        return nil
    }
}
