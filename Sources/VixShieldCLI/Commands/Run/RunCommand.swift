import ArgumentParser
import Backtest
import Foundation
import MarketData
import Strategy

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The daily run: decide on the stored book, record the decision in the journal, print it (educational).",
        discussion: """
            Runs the decision engine (the backtest's session step) for --date (default: the latest session with
            S&P 500 and VIX closes) on the book in the store as of the previous close (`book import`), records
            the decision in the store's journal (date, ruleset hash, regime, orders, refusals, the inputs' notes;
            contracts that expired are settled first, and the drawdown brake measures from the highest equity of
            the earlier runs of the same ruleset)
            in one transaction, and prints it. Running it again for the same date and ruleset records nothing
            and says so (exit 0); another ruleset records a second entry. Orders are not fills: only fills the
            trader imports with `book import` change the book. \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesetOptions
    @Option(help: "The session to decide, YYYY-MM-DD.") var date: MarketDate?
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func run() throws {
        let ruleset = try rules.load()
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let day = try date ?? database.latestSession()
        let market = try MemoryMarketStore.load(database, quoteDates: day...day)
        // Alerts (regime change, orders, a failure) go to the webhook outbox; `serve` delivers them.
        let outcome = try RunAlerts.run(market: market, book: database, calendar: calendar, date: day, ruleset: ruleset, now: Date())
        for date in outcome.skipped {
            FileHandle.standardError.write(Data("note: journal entry of \(date) is in an older format: not read for the peak equity\n".utf8))
        }
        let (payload, recorded, decision) = (outcome.payload, outcome.recorded, outcome.record.decision)
        let (fills, previous) = (outcome.record.fills, outcome.record.bookThrough)
        if json {
            write(payload)
            return
        }
        var out = recorded
            ? "recorded the run of \(day) (ruleset \(ruleset.contentHash.prefix(12))) in the journal\n"
            : "already recorded for \(day) under ruleset \(ruleset.contentHash.prefix(12)): nothing new written\n"
        out += "book: \(fills) fills through \(previous); regime \(decision.regime.rawValue); equity \(String(format: "%.2f", decision.equity))\n"
        if decision.orders.isEmpty {
            out += "orders: none\n"
        } else {
            var rows = [["side", "qty", "symbol", "limit"]]
            for o in decision.orders { rows.append([o.side.rawValue, String(o.quantity), o.symbol, String(format: "%.4f", o.limit)]) }
            out += "orders:\n" + TextTable.render(rows) + "\n"
        }
        for refusal in decision.rejections { out += "refused: \(refusal)\n" }
        for note in decision.notes { out += "  \(note)\n" }
        out += "Orders are not fills: import what was filled with `vixshield book import`.\n\(Signal.disclaimer)\n"
        write(out)
    }
}
