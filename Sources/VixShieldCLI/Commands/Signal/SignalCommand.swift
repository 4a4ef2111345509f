import ArgumentParser
import Backtest
import Foundation
import MarketData
import Strategy

struct SignalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: "The day's regime, iron condor and VIX hedge layers, with their evidence (educational).",
        discussion: """
            Reads the store as of --date (default: the latest date with S&P 500 and VIX closes) and prints
            the regime with each voter's reading and vote, the SPX iron condor to open (strikes, expiry,
            credit, greeks, break-evens), each hedge layer's target and the orders to reach it from an
            empty book. The ORDERS come from the backtest's decision engine (its session step) run on the
            book at the previous close: the --book FILE (`book import` CSV, e.g. from `backtest --book-out`),
            or without one a book of the ruleset's capital in cash (--json: orders[] with symbol, side,
            quantity, limit, layer; orderRejections[]). For a book the backtest exported they are exactly the
            backtest's orders of that day. Option prices are modelled. \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesetOptions
    @Option(help: "As-of date, YYYY-MM-DD.") var date: MarketDate?
    @Option(help: "The book at the previous close (book import CSV): list the orders the decision engine places on it.") var book: String?
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func run() throws {
        let ruleset = try rules.load()
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let asOf = try date ?? database.latestSession()
        // One read of the store into memory: the regime replay then reads its histories without
        // SQL (same answers, tested query by query).
        let market = try MemoryMarketStore.load(database, quoteDates: asOf...asOf)
        // The orders always come from the decision engine, the backtest's session step: on the
        // --book file, or, without one, on a book of `capital` in cash at the previous close.
        var fills: [BookFill]?
        if let book {
            let previous = try DecisionEngine.previousClose(before: asOf, store: market, calendar: calendar)
            guard let data = FileManager.default.contents(atPath: book) else { fail(InputError(file: book, message: "cannot read file")) }
            do { fills = try BookImporter(asOf: previous, calendar: calendar).parse([UInt8](data), file: book) } catch { fail(error) }
        }
        let signal = try BookSignal.signal(store: market, calendar: calendar, date: asOf, book: fills, ruleset: ruleset)
        write(json ? try JSONOutput.encode(signal) : SignalText.render(signal))
    }
}
