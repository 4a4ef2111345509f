import ArgumentParser
import MarketData

struct DataShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one series (or TREASURY, EVENTS) over a date range, as known at --as-of.",
        discussion: """
            Observation series show only values already published at the --as-of date (default: --to),
            with the date each became known.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Symbol, e.g. SPX, VIX, CPIAUCSL, TREASURY, EVENTS.") var symbol: String
    @Option(help: "First date (YYYY-MM-DD).") var from: MarketDate?
    @Option(help: "Last date (YYYY-MM-DD).") var to: MarketDate?
    @Option(help: "Point-in-time date: hide what was not yet known (default: --to).") var asOf: MarketDate?
    @Flag(help: "Print as JSON.") var json = false

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
        let database = try store.open()
        let last = to ?? MarketDate(year: 9999, month: 12, day: 31)!
        let known = asOf ?? last
        let table = try SeriesTable.make(database, symbol: symbol, from: from, through: last, asOf: known)
        if json {
            write(try JSONOutput.encode(table))
        } else {
            write(TextTable.render([table.columns] + table.rows))
        }
    }
}

extension MarketDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
