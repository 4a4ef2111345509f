import ArgumentParser
import Foundation
import MarketData
import Strategy

struct BookShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Positions, cost, model mark, greeks and P&L by layer at a close (educational).",
        discussion: """
            Reads the fills dated on or before --date (default: the latest session with S&P 500 and VIX
            closes), settles contracts that have expired (SPX options at the expiry day's S&P 500 close,
            VIX options and futures at that day's VIX open, the stand-in for the Special Opening
            Quotation), and marks the rest at the model mid of the day (SPX surface from the VIX and SKEW,
            VIX complex from settlements and VVIX or their fallbacks; the notes say which). Lots are kept by
            symbol and layer at average cost. --json keys: date, cash, deposits, equity, positions[] (symbol,
            layer, quantity, averagePrice, cost, mark, value, pnl, delta, gamma, vega, theta), layers[]
            (layer, realised, unrealised, pnl), settled, notes, disclaimer.
            \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Valuation date, YYYY-MM-DD (a session with S&P 500 and VIX closes).") var date: MarketDate?
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func run() throws {
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let day = try date ?? database.latestSession()
        let fills = try database.fills(through: day)
        let book = try BookValuation.value(fills: fills, date: day, store: database, calendar: calendar)
        write(json ? try JSONOutput.encode(book) : Self.render(book, fills: fills.count))
    }

    static func render(_ b: BookValuation, fills: Int) -> String {
        func money(_ x: Double) -> String { String(format: "%.2f", x) }
        var out = "Book at the close of \(b.date) (\(fills) fills)\n"
        out += "cash \(money(b.cash))   deposits \(money(b.deposits))   equity \(money(b.equity))\n"
        for line in b.settled { out += "  settled: \(line)\n" }
        if b.positions.isEmpty {
            out += "\nno open positions\n"
        } else {
            var rows = [["symbol", "layer", "qty", "avg price", "cost $", "mark", "value $", "P&L $", "delta", "gamma", "vega $/pt", "theta $/day"]]
            for p in b.positions {
                rows.append([
                    p.symbol, p.layer, String(p.quantity), String(format: "%.4f", p.averagePrice), money(p.cost), String(format: "%.4f", p.mark),
                    money(p.value), money(p.pnl), String(format: "%.2f", p.delta), String(format: "%.4f", p.gamma), money(p.vega), money(p.theta),
                ])
            }
            out += "\n" + TextTable.render(rows) + "\n"
        }
        var layers = [["layer", "realised $", "unrealised $", "P&L $"]]
        for l in b.layers { layers.append([l.layer, money(l.realised), money(l.unrealised), money(l.pnl)]) }
        out += "\nP&L by layer (sums to equity − deposits):\n" + TextTable.render(layers) + "\n"
        for note in b.notes { out += "  \(note)\n" }
        out += "Modelled prices: marks are model mids, not quotes.\n\(b.disclaimer)\n"
        return out
    }
}
