import MarketData
import Strategy
import VolModels

/// The one decision engine: a session of the strategy on a book. The backtest is a loop over
/// `SimulationState.step` (`Simulator`); `signal --book` is one call of it here, on the book as
/// it stood at the previous close, with the same market day, regime posture (the canonical
/// replay, `RegimeTape`), ruleset, fill model and fees, so for a book exported by the backtest
/// at the close of the session before D it places exactly the backtest's orders of D.
public enum DecisionEngine {
    /// What the engine did on the day: the regime posture, the orders it placed (filled at the
    /// fill model's price on the modelled quotes) and the orders it refused, with their reasons.
    public struct Day: Sendable, Codable, Equatable {
        public var date: MarketDate
        public var regime: Regime
        public var orders: [BookOrder]
        public var rejections: [Refusal]
        /// Equity at the close after the day's orders, dollars.
        public var equity: Double
        /// Which inputs were real on the day and which fell back (rates, SPX skew, VIX complex).
        public var notes: [String]
    }

    /// The last session before `date` with both an S&P 500 and a VIX close (the backtest's
    /// previous session), which the book must describe.
    public static func previousClose(before date: MarketDate, store: some MarketDataStore, calendar: TradingCalendar) throws -> MarketDate {
        guard let previous = calendar.previousSession(before: date) else {
            throw VolModelError.missingMarketData("no session before \(date) in the calendar")
        }
        return try SignalEngine.latestDate(store: store, through: previous)
    }

    /// The day's decision on `book` (fills up to the previous session's close: positions at
    /// their prices, `CASH`, `PEAK`).
    /// - Throws: `BookStateError` for a book the engine cannot hold; a market-data or model
    ///   error naming the date.
    public static func decide(
        store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate, book: [BookFill], ruleset: Ruleset,
        configuration base: BacktestConfiguration? = nil
    ) throws -> Day {
        try ruleset.validate()
        // The previous close is the last session with S&P 500 and VIX closes, as in a backtest.
        let previous = try previousClose(before: date, store: store, calendar: calendar)
        let stale = book.filter { $0.date > previous }
        guard stale.isEmpty else {
            throw BookStateError("\(date): the book has fills dated after the previous close \(previous) (first: \(stale[0].date) \(stale[0].symbol))")
        }
        guard book.contains(where: { $0.symbol == .cash }) else {
            throw BookStateError("\(date): the book has no CASH line (the account's cash at the previous close)")
        }
        // Expired contracts leave no fill: settle them first, as `book show` does.
        let (fills, settled) = try BookSettlement.settled(book, through: previous, store: store, calendar: calendar)
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: date, to: date, parallel: false)
        guard timeline.sessions == [date] else {
            throw VolModelError.missingMarketData("\(date) is not a session with S&P 500 and VIX closes")
        }
        var configuration = base ?? BacktestConfiguration(from: date, to: date, ruleset: ruleset, hedge: .alvh, models: timeline.parameters)
        (configuration.from, configuration.to, configuration.ruleset) = (date, date, ruleset)
        let tape = try timeline.regimeTape(ruleset.regime)
        var state = try SimulationState(book: fills, previousDay: previous, configuration: configuration, tape: tape, calendar: calendar)
        try state.step(0, timeline: timeline)
        let market = timeline.days[0]
        var notes = settled.map { "settled before the decision: \($0)" } + ["rates: \(market.inputs.rates.source)"] + market.model.notes
        switch market.vixComplex {
        case .success(let vix): notes += vix.notes
        case .failure(let error): notes.append("VIX complex: not available (\(error))")
        }
        return Day(
            date: date, regime: state.posture, orders: state.orders, rejections: state.rejections, equity: state.ledger.equity.dollars, notes: notes)
    }
}
