import MarketData
import Strategy

/// What `signal` prints: the day's `Signal` (regime with its evidence, the condor and the
/// hedge plan, `SignalEngine`) with the orders of the one decision engine (`DecisionEngine`) on
/// the trader's book at the previous close, or, without a book, on the ruleset's capital in
/// cash. One function so the command, the server and the benchmark do the same work.
public enum BookSignal {
    /// - Parameter book: fills up to the previous close (`book import` rows), or nil.
    /// - Throws: a market-data or model error of the signal; with a book, any failure of the
    ///   decision engine (the trader asked for orders on that book). Without a book an engine
    ///   failure (e.g. no VIX chain near the calendar's end) is said in `ordersNote`: the
    ///   regime, condor and hedge sections stand on their own.
    public static func signal(
        store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate, book: [BookFill]?, ruleset: Ruleset
    ) throws -> Signal {
        var signal = try SignalEngine.signal(store: store, calendar: calendar, date: date, ruleset: ruleset)
        if let book {
            let day = try DecisionEngine.decide(store: store, calendar: calendar, date: date, book: book, ruleset: ruleset)
            (signal.orders, signal.orderRejections) = (day.orders, day.rejections)
            return signal
        }
        do {
            let previous = try DecisionEngine.previousClose(before: date, store: store, calendar: calendar)
            let cash = [BookFill(date: previous, symbol: .cash, quantity: 1, price: ruleset.capital, fees: .zero, layer: nil)]
            let day = try DecisionEngine.decide(store: store, calendar: calendar, date: date, book: cash, ruleset: ruleset)
            (signal.orders, signal.orderRejections) = (day.orders, day.rejections)
        } catch {
            signal.ordersNote = "no orders: the decision engine failed on \(date): \(error)"
        }
        return signal
    }
}
