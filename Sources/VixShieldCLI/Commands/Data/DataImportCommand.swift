import ArgumentParser
import Foundation
import MarketData

struct DataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import files into the store (all-or-nothing: one bad row and nothing is written).",
        discussion: """
            Kinds: prices (Yahoo Date,Open,High,Low,Close,Adj Close,Volume or Cboe DATE,OPEN,HIGH,LOW,CLOSE),
            fred (observation_date,SERIES or DATE,SERIES; '.' = missing), treasury (Time Period,1month,...,30year),
            events (date,event,kind,time_et), sessions (session,open_utc,close_utc),
            chain-optionsdx (OptionsDX EOD), chain-cboe (Cboe DataShop EOD).
            --symbol names the series (prices, fred) or the underlying (chains); it is optional for the others.
            All files of one command are written in a single transaction.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "File layout: \(ImportKind.allCases.map(\.rawValue).joined(separator: "|")).") var kind: ImportKind
    @Option(help: "Series symbol (prices, fred) or option underlying (chains).") var symbol: String?
    @Option(help: "Publication lag in days after the period end (fred series; default by series).") var lagDays: Int?
    @Flag(help: "Print the summary as JSON.") var json = false
    @Argument(help: "Files to import.") var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to import") }
        if [.prices, .fred].contains(kind) && symbol == nil {
            throw ValidationError("--symbol is required for --kind \(kind.rawValue)")
        }
        if let lagDays, lagDays < 0 { throw ValidationError("--lag-days must be >= 0") }
    }

    func run() throws {
        let progress = ProgressBar(enabled: !json)
        var batches: [ImportBatch] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                fail(InputError(file: file, message: "cannot read file"))
            }
            progress.status("parsing \(file) (\(ByteCountFormatter.string(fromByteCount: Int64(data.count), countStyle: .file)))")
            do {
                let importer = MarketImporters.importer(for: kind, underlying: symbol)
                let records = try importer.parse([UInt8](data), file: file)
                let name = symbol ?? kind.defaultSymbol(records)
                batches.append(ImportBatch(records: records, kind: kind, symbol: name, file: file, lagDays: lagDays))
            } catch { fail(error) }
        }
        let database = try store.open()
        let summaries: [ImportSummary]
        do {
            summaries = try database.write(batches) { done, total in progress.update(done: done, total: total) }
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        if json {
            write(try JSONOutput.encode(summaries))
        } else {
            for s in summaries {
                let range = [s.firstDate, s.lastDate].compactMap { $0?.description }.joined(separator: " .. ")
                write("imported \(s.rows) rows of \(s.kind) into \(s.symbol) from \(s.file) (\(range.isEmpty ? "no dates" : range)); rejects: none\n")
            }
            write("store: \(database.path)\n")
        }
    }
}

extension ImportKind: ExpressibleByArgument {}

extension ImportKind {
    /// Symbol used when --symbol is omitted: the store-wide tables' names, or a chain's root.
    func defaultSymbol(_ records: ImportedRecords) -> String {
        switch records {
        case .quotes(let quotes): quotes.first?.underlying ?? "SPX"
        default:
            switch self {
            case .treasury: "TREASURY"
            case .events: "EVENTS"
            case .sessions: "SESSIONS"
            default: rawValue.uppercased()
            }
        }
    }
}
