import Dispatch
import MarketData
import Strategy
import VolModels

/// The strategy and its baselines on the same data and costs: the ALVH strategy, replicas of
/// Cboe's CNDR (iron condor) and VXTH (S&P 500 with a VIX call tail hedge) indices by their
/// published rules (`CNDRReplica`, `VXTHReplica`), and buy-and-hold S&P 500 (price return).
/// Runs are keyed `strategy`, `cndr`, `vxth`, `buyAndHold` in the summaries and the per-session
/// equity.
public struct BacktestReport: Sendable, Codable, Equatable {
    public var from: MarketDate
    public var to: MarketDate
    public var rulesetHash: String
    public var prices: String
    public var disclaimer: String
    public var summaries: [BacktestSummary]
    /// Each calendar year's return of every run (a partial first or last year is flagged).
    public var annualReturns: [AnnualReturns]
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
    /// The runs' keys, in report order, and their labels for people.
    public static let runs: [(key: String, label: String)] = [
        ("strategy", "ALVH strategy"), ("cndr", "Cboe CNDR replica"), ("vxth", "Cboe VXTH replica"),
        ("buyAndHold", "buy and hold S&P 500 (price)"),
    ]

    /// Everything the comparison produced: the report, the strategy run, the two replicas and
    /// the buy-and-hold equity curve (same sessions).
    public struct Result: Sendable {
        public var report: BacktestReport
        public var strategy: BacktestRun
        public var cndr: ReplicaRun
        public var vxth: ReplicaRun
        public var buyAndHold: [Double]

        /// Each run's label and equity curve, in report order.
        public var equityCurves: [(label: String, equity: [Double])] {
            zip(BacktestComparison.runs.map(\.label), [strategy.days.map(\.equity), cndr.equity, vxth.equity, buyAndHold]).map { ($0, $1) }
        }
    }

    public static func run(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard
    ) throws -> (report: BacktestReport, strategy: BacktestRun) {
        let result = try compare(store: store, calendar: calendar, from: from, to: to, ruleset: ruleset)
        return (result.report, result.strategy)
    }

    public static func compare(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard,
        booksAt: Set<MarketDate> = []
    ) throws -> Result {
        try ruleset.validate()
        return try compare(timeline: MarketTimeline(store: store, calendar: calendar, from: from, to: to), ruleset: ruleset, booksAt: booksAt)
    }

    /// The comparison on a prepared timeline: every run shares its calibrated days, fill model
    /// and fees.
    /// `booksAt`: sessions at whose close the strategy's book is written (`strategy.books`).
    public static func compare(timeline: MarketTimeline, ruleset: Ruleset = .standard, booksAt: Set<MarketDate> = []) throws -> Result {
        // Checked before either core starts (the strategy's run checks it first too, the same
        // error): the replicas' core prepares the sessions with the hedge rules.
        try ruleset.validate()
        let from = timeline.from, to = timeline.to
        let configuration = BacktestConfiguration(from: from, to: to, ruleset: ruleset, hedge: .alvh, models: timeline.parameters)
        // The strategy on one core, the two replicas on the other: they share only the timeline
        // (whose caches are locked); an error is rethrown as the serial order would (strategy first).
        // The replicas' core first builds the sessions' VIX sheets, and answers the hedge
        // planner's questions about each session's VIX history, ahead of the strategy, which
        // reads them every session (both are worked out on first read, the same either way).
        // The replicas' core also summarises them while the strategy finishes; a summary's error
        // is kept and rethrown below in the serial order (after the strategy's summary).
        enum Run: Sendable {
            case strategy(BacktestRun)
            case replicas(cndr: ReplicaRun, vxth: ReplicaRun, summaries: [Swift.Result<BacktestSummary, any Error>])
        }
        // The regime tape first, on both cores: the strategy's run reads it before its first
        // session (its only possible error before then, so the error order is unchanged), and
        // built there it had only the strategy's core, the replicas holding the other.
        _ = try timeline.regimeTape(ruleset.regime)
        let sessions = timeline.sessions
        let slots = ResultSlots<Run>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            slots.set(
                index,
                Swift.Result {
                    if index == 0 { return .strategy(try Simulator.run(timeline: timeline, configuration: configuration, booksAt: booksAt)) }
                    timeline.prepareSessions(hedge: ruleset.hedge)
                    let cndr = try CNDRReplica.run(
                        timeline: timeline, rules: ruleset.baselines, capital: ruleset.capital, fill: configuration.fill, fees: configuration.fees)
                    let vxth = try VXTHReplica.run(
                        timeline: timeline, rules: ruleset.baselines, capital: ruleset.capital, fill: configuration.fill, fees: configuration.fees)
                    let summaries = [
                        Swift.Result {
                            try summary(runs[1], ledger: cndr.ledger, dates: sessions, equity: cndr.equity, trades: cndr.trades, rejections: cndr.rejections)
                        },
                        Swift.Result {
                            try summary(runs[2], ledger: vxth.ledger, dates: sessions, equity: vxth.equity, trades: vxth.trades, rejections: vxth.rejections)
                        },
                    ]
                    return .replicas(cndr: cndr, vxth: vxth, summaries: summaries)
                })
        }
        let finished = try slots.values()
        guard case .strategy(let strategy) = finished[0], case .replicas(let cndr, let vxth, let replicaSummaries) = finished[1] else {
            preconditionFailure("the two slots hold the strategy and the replicas")
        }
        let dates = strategy.days.map(\.date)
        // The strategy steps every session once, in order (the replicas were summarised over them).
        guard dates == sessions else {
            throw BacktestError.timelineMismatch("the strategy ran \(dates.count) sessions of the timeline's \(sessions.count)")
        }
        let holdEquity = try BuyAndHold.equityCurve(closes: strategy.days.map(\.spx), initial: ruleset.capital)
        let trades = strategy.trades.map { ClosedTrade(entryDay: $0.opened.dayNumber, exitDay: $0.closed.dayNumber, pnl: $0.pnl) }
        // The strategy's summary (its components' XIRRs on all cores) and buy-and-hold's.
        let strategySummary = try summary(
            runs[0], ledger: strategy.ledger, dates: dates, equity: strategy.days.map(\.equity), trades: trades,
            attribution: strategy.attribution, rejections: strategy.rejections, parallel: timeline.parallel)
        let summaries = [strategySummary] + (try replicaSummaries.map { try $0.get() }) + [
            try BacktestSummary(name: runs[3].key, label: runs[3].label, dates: dates, equity: holdEquity, trades: [], components: [])
        ]
        var regimes: [String: Int] = [:]
        for day in strategy.days { regimes[day.regime.rawValue, default: 0] += 1 }
        let curves: [(name: String, equity: [Double], pnl: [[String: Double]])] = [
            (runs[0].key, strategy.days.map(\.equity), strategy.days.map(\.pnl)), (runs[1].key, cndr.equity, cndr.pnl),
            (runs[2].key, vxth.equity, vxth.pnl), (runs[3].key, holdEquity, []),
        ]
        let report = BacktestReport(
            from: dates.first ?? from, to: dates.last ?? to, rulesetHash: ruleset.contentHash,
            prices: SyntheticChain.provenance, disclaimer: Signal.disclaimer, summaries: summaries,
            annualReturns: AnnualReturns.table(dates: dates, runs: curves.map { ($0.name, $0.equity) }, calendar: timeline.calendar),
            regimeSessions: regimes, vixInputs: VIXInputSessions(timeline.days),
            episodes: EpisodeResult.evaluate(StressEpisode.standard, dates: dates, runs: curves, inputs: timeline.days.map(EpisodeInputs.Session.init)),
            days: BacktestReportDay.rows(strategy: strategy, cndr: cndr.equity, vxth: vxth.equity, buyAndHold: holdEquity))
        return Result(report: report, strategy: strategy, cndr: cndr, vxth: vxth, buyAndHold: holdEquity)
    }

    /// A run's summary with each ledger component's P&L, cost (premium paid plus fees) and XIRR.
    static func summary(
        _ run: (key: String, label: String), ledger: Ledger, dates: [MarketDate], equity: [Double], trades: [ClosedTrade],
        attribution: GreeksAttribution? = nil, rejections: [Refusal], parallel: Bool = false
    ) throws -> BacktestSummary {
        // Each component's scan and XIRR is independent of the others': on all cores if asked.
        let all = LedgerComponent.allCases
        let components = try ParallelMap.map(all.count, parallel: parallel) { index -> BacktestSummary.Component? in
            let component = all[index]
            // Cost: option premium paid plus fees (an index holding's purchases are not a cost);
            // integer cents, so one pass over the journal (fields read in place) sums the same.
            var (moved, paid, fees) = (false, Cents.zero, Cents.zero)
            ledger.entries.withUnsafeBufferPointer { journal in
                for index in journal.indices where journal[index].component == component && journal[index].kind.movesCash {
                    moved = true
                    let (kind, amount) = (journal[index].kind, journal[index].amount)
                    if kind == .premium && amount < .zero { paid += amount }
                    if kind == .fee { fees += amount }
                }
            }
            guard moved || ledger.mark(component) != .zero else { return nil }
            let flows = ledger.cashFlows(component).map { LayerCashFlow(dayNumber: $0.dayNumber, premium: $0.amount.dollars) }
            var xirr: MetricValue<Double>?
            if flows.count >= 2 {
                do {
                    xirr = try ComponentReturn(name: component.rawValue, flows: flows).xirr
                } catch {
                    xirr = .unavailable(.statistics(.noRoot(reason: "\(error)")))
                }
            }
            return BacktestSummary.Component(
                component: component.rawValue, pnl: ledger.componentPnL(component).dollars, cost: -(paid + fees).dollars + 0, xirr: xirr?.value,
                xirrNote: xirrNote(xirr, firstFlow: flows.first?.premium))
        }
        return try BacktestSummary(
            name: run.key, label: run.label, dates: dates, equity: equity, trades: trades, components: components.compactMap { $0 }, attribution: attribution,
            rejections: rejections)
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
