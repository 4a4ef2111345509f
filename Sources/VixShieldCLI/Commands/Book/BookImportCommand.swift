import ArgumentParser
import Backtest
import Foundation
import MarketData
import Strategy

struct BookImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add fills to the book (all-or-nothing: one bad row and nothing is written).",
        discussion: """
            CSV with a header: date,symbol,quantity,price,fees[,layer]. Symbols as brokers write them:
            options in OCC symbology (root padded to 6, YYMMDD, C/P, strike x 1000 in 8 digits:
            'SPXW  180316P02500000', 'SPX   180316C02800000', 'VIX   180321C00040000'; roots SPX, SPXW, VIX),
            VIX futures as VX + month code + two-digit year ('VXH18'), and CASH for deposits (price = dollars,
            negative to withdraw). quantity is signed (negative sells); price per unit in index points; fees in
            dollars (>= 0); layer is condor, layer1, layer2, layer3 or empty (empty: the layer of the strategy's
            own order of that symbol and side on that day in the journal of `vixshield run`, if any). Refused with file:line:field:
            an unknown symbol, a contract expired before the fill date, a non-numeric price, a date after the
            as-of date (--as-of, default the latest session with S&P 500 and VIX closes in the store).
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Fills dated after this day are refused (default: the latest session in the store).") var asOf: MarketDate?
    @Flag(help: "Print the summary as JSON.") var json = false
    @Argument(help: "Fill files (CSV).") var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one fill file") }
    }

    func run() throws {
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let importer = BookImporter(asOf: try asOf ?? database.latestSession(), calendar: calendar)
        var parsed: [(String, [BookFill])] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { fail(InputError(file: file, message: "cannot read file")) }
            do { parsed.append((file, try importer.parse([UInt8](data), file: file))) } catch { fail(error) }
        }
        // Fills without a layer take the layer of the strategy's own order of that day (the
        // journal of `vixshield run`), when exactly one layer ordered that symbol and side;
        // every file parsed before anything is written.
        let (summaries, unread) = try BookIntake.add(parsed.map { (file: $0.0, fills: $0.1) }, to: database)
        for entry in unread {
            FileHandle.standardError.write(Data("note: journal entry of \(entry.date) (ruleset \(entry.rulesetHash.prefix(12))) is in an older format: no layers taken from it\n".utf8))
        }
        if json {
            write(try JSONOutput.encode(summaries))
        } else {
            for s in summaries {
                let range = [s.firstDate, s.lastDate].compactMap { $0?.description }.joined(separator: " .. ")
                let inferred = s.inferredLayers > 0 ? "; \(s.inferredLayers) layers taken from the day's orders in the journal" : ""
                write("imported \(s.fills) fills from \(s.file) (\(range.isEmpty ? "no dates" : range))\(inferred)\n")
            }
            write("store: \(database.location)\n")
        }
    }
}
