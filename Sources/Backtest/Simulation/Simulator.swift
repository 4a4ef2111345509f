import Foundation
import MarketData
import QuantCore
import Strategy
import VolModels

/// Replays the ALVH book day by day over trading sessions, reading only what the store knew at
/// each close. Each session: accrue interest on cash at the 3-month Treasury rate; step the
/// regime (the posture carried from the previous session, started by the 30-session replay of
/// `RegimeEngine` on the first day); settle expiries (SPX at the close of the expiry day, VIX
/// options and futures at that day's VIX close, the model's settlement value); manage the open
/// condor (take profit, stop, exit DTE on model mids) or open one (`CondorPlanner`, sized on
/// current equity, refused with a reason if margin + fees exceed free cash); run the hedge
/// planner on the current book and trade its orders; mark everything at model mids; check the
/// ledger invariant (components sum to the total to the cent) on that day's running totals, and
/// replay the whole journal day by day once the run ends. Fills come from the fill model
/// applied to the modelled bid/ask.
public enum Simulator {
    public static func run(store: some MarketDataStore, calendar: TradingCalendar, configuration c: BacktestConfiguration) throws -> BacktestRun {
        try c.ruleset.validate()
        let vixDays = Set(try store.observations("VIX", from: c.from, asOf: c.to).map(\.date))
        let sessions = try store.bars("SPX", from: c.from, asOf: c.to).map(\.date).filter { vixDays.contains($0) && calendar.isSession($0) == true }
        guard let first = sessions.first else {
            throw VolModelError.missingMarketData("no session with S&P 500 and VIX closes in \(c.from) .. \(c.to)")
        }
        var state = try SimulationState(configuration: c, firstDay: first, store: store, calendar: calendar)
        for day in sessions {
            try state.step(day, store: store, calendar: calendar)
        }
        // Every session was checked on its running totals; now replay the whole journal day by day.
        try state.ledger.checkInvariant()
        return BacktestRun(
            label: c.hedge.rawValue, days: state.days, trades: state.trades, ledger: state.ledger,
            rejections: state.rejections, attribution: state.attribution, finalRiskGraph: state.finalRiskGraph)
    }
}
