import ArgumentParser
import Backtest
import Foundation
import MarketData
import Strategy

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List the daily runs recorded in the store's journal.",
        discussion: "--json prints an array of {date, rulesetHash, recordedAt, decision} with each run's decision as recorded by `vixshield run`."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First date, YYYY-MM-DD (default: all).") var from: MarketDate?
    @Option(help: "Last date, YYYY-MM-DD (default: all).") var to: MarketDate?
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
        let database = try store.open()
        let entries = try database.journal(from: from ?? MarketDate(dayNumber: Int.min / 2), to: to ?? MarketDate(dayNumber: Int.max / 2))
        if json {
            write(try JournalJSON.render(entries))
            return
        }
        guard !entries.isEmpty else {
            write("the journal is empty (record a day with `vixshield run`)\n")
            return
        }
        var rows = [["date", "ruleset", "recorded at", "regime", "orders", "refused"]]
        for entry in entries {
            guard let decision = try JSONSerialization.jsonObject(with: Data(entry.decision.utf8)) as? [String: Any],
                let day = decision["decision"] as? [String: Any]
            else {
                // The store's content, not the command line, is wrong: a store error (exit 1).
                throw StoreError.database("journal entry of \(entry.date) (ruleset \(entry.rulesetHash.prefix(12))) is not a recorded run")
            }
            rows.append([
                entry.date.description, String(entry.rulesetHash.prefix(12)), entry.recordedAt, day["regime"] as? String ?? "?",
                String((day["orders"] as? [Any])?.count ?? 0), String((day["rejections"] as? [Any])?.count ?? 0),
            ])
        }
        write(TextTable.render(rows) + "\n")
    }
}
