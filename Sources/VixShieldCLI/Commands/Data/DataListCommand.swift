import ArgumentParser
import MarketData

struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the store's series with their ranges and row counts.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        let database = try store.open()
        let catalog = try database.catalog()
        if json {
            write(try JSONOutput.encode(catalog))
            return
        }
        var rows = [["symbol", "family", "frequency", "lag_days", "rows", "first", "last"]]
        for s in catalog {
            rows.append([
                s.symbol, s.family, s.frequency, String(s.publicationLagDays), String(s.count),
                s.first?.description ?? "", s.last?.description ?? "",
            ])
        }
        write(TextTable.render(rows))
        write("store: \(database.location)\n")
    }
}
