import ArgumentParser
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
            empty book. Option prices are modelled. \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesetOptions
    @Option(help: "As-of date, YYYY-MM-DD.") var date: MarketDate?
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func run() throws {
        let ruleset = try rules.load()
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let asOf: MarketDate
        if let date {
            asOf = date
        } else {
            let catalog = try database.catalog()
            guard let spx = catalog.first(where: { $0.symbol == "SPX" })?.last, let vix = catalog.first(where: { $0.symbol == "VIX" })?.last else {
                throw ValidationError("the store has no SPX and VIX series")
            }
            asOf = try SignalEngine.latestDate(store: database, through: min(spx, vix))
        }
        let signal = try SignalEngine.signal(store: database, calendar: calendar, date: asOf, ruleset: ruleset)
        write(json ? try JSONOutput.encode(signal) : SignalText.render(signal))
    }
}
