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

    /// What the journal keeps of a run.
    struct Record: Codable, Equatable {
        var date: MarketDate
        var rulesetHash: String
        var bookThrough: MarketDate
        var fills: Int
        var decision: DecisionEngine.Day
        var disclaimer: String
    }

    func run() throws {
        let ruleset = try rules.load()
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let day = try date ?? latestSession(database)
        let market = try MemoryMarketStore.load(database, quoteDates: day...day)
        let previous = try DecisionEngine.previousClose(before: day, store: market, calendar: calendar)
        var fills = try database.fills(through: previous)
        // The drawdown brake measures from the peak equity of the earlier runs of this ruleset
        // inside its reference (`risk.drawdown_reference`: this year's runs by default); a PEAK
        // line in the book, if higher, wins.
        var peak: (date: MarketDate, equity: Double)?
        for entry in try database.journal(from: MarketDate(dayNumber: Int.min / 2), to: previous) where entry.rulesetHash == ruleset.contentHash {
            guard let record = try? JSONDecoder().decode(Record.self, from: Data(entry.decision.utf8)) else {
                FileHandle.standardError.write(Data("note: journal entry of \(entry.date) is in an older format: not read for the peak equity\n".utf8))
                continue
            }
            guard !ruleset.risk.drawdownReference.resets(peakDate: entry.date, on: day) else { continue }
            if record.decision.equity > (peak?.equity ?? 0) { peak = (entry.date, record.decision.equity) }
        }
        if let peak { fills.append(BookFill(date: peak.date, symbol: .peak, quantity: 1, price: peak.equity, fees: .zero, layer: nil)) }
        let decision = try DecisionEngine.decide(store: market, calendar: calendar, date: day, book: fills, ruleset: ruleset)
        let record = Record(
            date: day, rulesetHash: ruleset.contentHash, bookThrough: previous, fills: fills.count, decision: decision, disclaimer: Signal.disclaimer)
        let payload = try JSONOutput.encode(record)
        let stamp = ISO8601DateFormatter().string(from: Date())
        let recorded = try database.recordJournal(JournalEntry(date: day, rulesetHash: ruleset.contentHash, recordedAt: stamp, decision: payload))
        if json {
            write(payload)
            return
        }
        var out = recorded
            ? "recorded the run of \(day) (ruleset \(ruleset.contentHash.prefix(12))) in the journal\n"
            : "already recorded for \(day) under ruleset \(ruleset.contentHash.prefix(12)): nothing new written\n"
        out += "book: \(fills.count) fills through \(previous); regime \(decision.regime.rawValue); equity \(String(format: "%.2f", decision.equity))\n"
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
