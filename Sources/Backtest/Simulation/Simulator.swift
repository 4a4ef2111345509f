import Foundation
import MarketData
import QuantCore
import Strategy
import VolModels

/// Replays the ALVH book day by day over trading sessions, reading only what the store knew at
/// each close. Each session: accrue interest on cash at the 3-month Treasury rate; take the
/// regime posture (the canonical `RegimeEngine` replay for that date, `RegimeTape`); settle
/// expiries (SPX at the close of the expiry day, VIX options and futures at that day's VIX open,
/// the stand-in for the Special Opening Quotation); manage the open
/// condor (take profit, stop, exit DTE on model mids) or open one (`CondorPlanner`, sized on
/// current equity, refused with a reason if margin + fees exceed free cash); run the hedge
/// planner on the current book and trade its orders; mark everything at model mids; check the
/// ledger invariant (components sum to the total to the cent) on that day's running totals, and
/// replay the whole journal day by day once the run ends. Fills come from the fill model
/// applied to the modelled bid/ask.
public enum Simulator {
    /// Prepares the market timeline for the configuration's dates and model parameters, then
    /// runs it (see `run(timeline:configuration:)`).
    public static func run(store: some MarketDataStore, calendar: TradingCalendar, configuration c: BacktestConfiguration) throws -> BacktestRun {
        try c.ruleset.validate()
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: c.from, to: c.to, parameters: c.models)
        return try run(timeline: timeline, configuration: c)
    }

    /// Runs the configuration over a prepared timeline, which must cover the same dates with
    /// the same model parameters (runs share timelines; they never re-slice them, because the
    /// regime warm-up depends on the first day).
    /// With `booksAt`, the run also writes its book at the close of those sessions
    /// (`BacktestRun.books`, the `book import` CSV that `signal --book` starts from).
    public static func run(timeline: MarketTimeline, configuration c: BacktestConfiguration, booksAt: Set<MarketDate> = []) throws -> BacktestRun {
        try c.ruleset.validate()
        guard timeline.from == c.from, timeline.to == c.to else {
            throw BacktestError.timelineMismatch("timeline \(timeline.from) .. \(timeline.to), configuration \(c.from) .. \(c.to)")
        }
        guard timeline.parameters == c.models else {
            throw BacktestError.timelineMismatch("the timeline was built with other chain model parameters")
        }
        let tape = try timeline.regimeTape(c.ruleset.regime)
        var state = SimulationState(configuration: c, firstDay: timeline.sessions[0], tape: tape)
        var books: [MarketDate: String] = [:]
        for index in timeline.sessions.indices {
            try state.step(index, timeline: timeline)
            let day = timeline.sessions[index]
            if booksAt.contains(day) { books[day] = state.bookCSV(date: day, calendar: timeline.calendar) }
        }
        if let missing = booksAt.subtracting(books.keys).min() {
            throw BacktestError.marketData("\(missing) is not a session of the run \(timeline.from) .. \(timeline.to): no book to write")
        }
        // Every session was checked on its running totals; now replay the whole journal day by day.
        try state.ledger.checkInvariant()
        // Drawn once, for the condor still open after the last session. It cannot fail: a condor
        // is settled on its expiry session and opens with at least `min_dte` ≥ 1 days left, so
        // the graph's one refusal with its default range and step (no day left to expiry)
        // would be a settlement error, and stops the run with the date.
        let finalRiskGraph = try state.condor.flatMap { open -> CondorRiskGraph? in
            guard let last = timeline.days.last else { return nil }
            do {
                return try CondorRiskGraph.compute(condor: open.condor, model: last.model)
            } catch {
                throw BacktestError.marketData("\(last.model.inputs.date): the open condor's risk graph: \(error)")
            }
        }
        return BacktestRun(
            label: c.hedge.rawValue, days: state.days, trades: state.trades, ledger: state.ledger,
            rejections: state.rejections, attribution: state.attribution, finalRiskGraph: finalRiskGraph, books: books,
            brakeSessions: state.brakeSessions)
    }
}
