import MarketData
import QuantCore
import VolModels

/// Builds the day's `Signal` from the store as of `date`: regime (RegimeEngine), the SPX model
/// and chain, the condor (CondorPlanner), the VIX chain and the hedge plan (HedgePlanner) from
/// an empty hedge book (the signal says what to hold, starting from nothing; the backtest
/// carries a book from day to day). Pure and deterministic: same store, date, ruleset → same
/// signal; nothing dated after `date` is read.
public enum SignalEngine {
    public static func signal(store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate, ruleset: Ruleset) throws -> Signal {
        try ruleset.validate()
        let hash = ruleset.contentHash
        let engine = RegimeEngine(rules: ruleset.regime)
        let path = try engine.replay(store: store, calendar: calendar, date: date)
        let decision = path.last!
        let sessionsInRegime = path.reversed().prefix { $0.regime == decision.regime }.count

        let inputs = try MarketInputs.load(store, date: date)
        let model = try SPXMarketModel.forDate(store, inputs: inputs, calendar: calendar)
        let spxChain = SPXChainGenerator.chain(model)

        var condor: CondorPlan?
        var condorNote: String?
        do {
            condor = try CondorPlanner(rules: ruleset.condor).plan(chain: spxChain, model: model, capital: ruleset.capital, regime: decision.regime)
        } catch {
            condorNote = "no condor: \(error)"
        }

        var hedge: HedgePlan?
        var hedgeNote: String?
        var vixNotes: [String] = []
        do {
            let vixChain = try VIXChainGenerator.sheet(inputs: inputs, calendar: calendar)
            vixNotes = vixChain.notes
            let fomc = inputs.pendingEvents.first { $0.isFOMC }
            let planner = try HedgePlanner(rules: ruleset.hedge, risk: ruleset.risk)
            hedge = try planner.plan(
                date: date, regime: decision.regime, sessionsInRegime: max(1, sessionsInRegime),
                condorVegaDollarsPerVolPoint: (condor?.greeks.vega ?? 0) / 100, capital: ruleset.capital,
                condorRiskBudget: ruleset.condorRiskBudget(capital: ruleset.capital), drawdown: 0,
                vixChain: vixChain, vixHistory: inputs.vixComplex.recentVIX, nextFOMC: fomc?.date,
                sessionsToNextFOMC: fomc.flatMap { calendar.sessionCount(from: date, to: $0.date) })
        } catch {
            hedgeNote = "no hedge plan: \(error)"
        }

        let upcoming = inputs.pendingEvents.filter { $0.date - date <= 45 }.map { "\($0.event) \($0.date)" }
        return Signal(
            date: date, rulesetHash: hash, disclaimer: Signal.disclaimer, prices: SyntheticChain.provenance,
            market: Signal.Market(
                spx: inputs.spot, vix: inputs.vix, rate30d: inputs.rates.rate(years: 30.0 / 365), rates: inputs.rates.source, upcomingEvents: upcoming,
                surface: model.fit.map {
                    "fitted to the imported SPX chain (RMS error " + String(format: "%.3f", $0.rmsErrorVolPoints) + " vol points; \($0.summary))"
                } ?? (["modelled from the VIX (SSVI calibrated to the day's VIX)"] + model.notes).joined(separator: "; "), vixModel: vixNotes),
            regime: decision, condor: condor, condorNote: condorNote, hedge: hedge, hedgeNote: hedgeNote)
    }

    /// The latest date with both an S&P 500 and a VIX close in the store.
    public static func latestDate(store: some MarketDataStore, through end: MarketDate) throws -> MarketDate {
        let spx = Set(try store.bars("SPX", from: end.adding(days: -60), asOf: end).map(\.date))
        guard let date = try store.observations("VIX", from: end.adding(days: -60), asOf: end).map(\.date).last(where: spx.contains) else {
            throw VolModelError.missingMarketData("no date with both SPX and VIX closes before \(end)")
        }
        return date
    }
}
