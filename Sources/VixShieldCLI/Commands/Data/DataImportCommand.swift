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
            chain-optionsdx (OptionsDX EOD), chain-cboe (Cboe DataShop EOD, SPX or VIX options: ^VIX/VIX),
            cboe-index (Cboe index history: DATE,NAME or DATE,OPEN,HIGH,LOW,CLOSE, dates MM/DD/YYYY or ISO; e.g.
            --symbol VVIX; opens are stored as NAME.OPEN; implausible values import with a warning),
            vx-futures (Cboe CFE settlement files, one per contract: Trade Date,Futures,...,Settle,...; or the
            continuous CHRIS layout with --symbol VX1 or VX2, rows mapped to their contract's expiry by the
            trading calendar; settlements before 2007-03-26 are on the old x10 scale and are divided by 10).
            --symbol names the series (prices, fred, cboe-index) or the underlying (chains); it is optional for the others.
            Index and futures rows on days that are not NYSE sessions (Cboe holiday sessions) are skipped and counted.
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
        if [.prices, .fred, .cboeIndex].contains(kind) && symbol == nil {
            throw ValidationError("--symbol is required for --kind \(kind.rawValue)")
        }
        if let lagDays, lagDays < 0 { throw ValidationError("--lag-days must be >= 0") }
    }

    func run() throws {
        let progress = ProgressBar(enabled: !json)
        // Futures files map rows to contract expiries with the store's trading calendar; other
        // kinds parse before the store is opened.
        let opened: (any VixShieldStore)? = kind == .vxFutures ? try store.open() : nil
        let calendar = try opened.map { try TradingCalendar(sessions: $0.sessions().map(\.date)) }
        var batches: [ImportBatch] = []
        // An existing, non-empty SQLite file (an empty one would be seeded when opened).
        let size = (try? FileManager.default.attributesOfItem(atPath: store.resolvedPath)[.size] as? NSNumber)?.intValue ?? 0
        let streams = store.resolvedURL == nil && size > 0
        for file in files {
            guard let data = InputFile.bytes(file) else {
                fail(InputError(file: file, message: "cannot read file"))
            }
            progress.status("parsing \(file) (\(ByteCountFormatter.string(fromByteCount: Int64(data.count), countStyle: .file)))")
            do {
                let importer = try MarketImporters.importer(for: kind, underlying: symbol, calendar: calendar)
                // Chain files into an existing SQLite store are parsed while they are written (the
                // header and first row are checked here). A new store is parsed first, so that a bad
                // file never leaves a freshly created store behind; so is PostgreSQL, whose import
                // transaction must not wait on a parser while it holds the import lock.
                let records: ImportedRecords
                if let chain = importer as? any QuoteStreamingImporter, streams {
                    records = .quoteStream(try chain.quoteStream(data, file: file))
                } else {
                    records = try importer.parse(data, file: file)
                }
                let name = symbol ?? kind.defaultSymbol(records)
                batches.append(ImportBatch(records: records, kind: kind, symbol: name, file: file, lagDays: lagDays))
            } catch { fail(error) }
        }
        let database = try opened ?? store.open()
        let summaries: [ImportSummary]
        do {
            summaries = try database.write(batches) { done, total in progress.update(done: done, total: total) }
        } catch let error as InputError {
            // A bad row of a streamed chain file: reported as a parse error is (nothing was written).
            progress.finish()
            fail(error)
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
                let skipped = s.skippedNonSessions > 0 ? "; skipped \(s.skippedNonSessions) rows on non-sessions (Cboe holiday sessions)" : ""
                let warned = s.warnings.isEmpty ? "" : "; \(s.warnings.count) warnings"
                write("imported \(s.rows) rows of \(s.kind) into \(s.symbol) from \(s.file) (\(range.isEmpty ? "no dates" : range)); rejects: none\(skipped)\(warned)\n")
                for warning in s.warnings { write("  warning: \(warning)\n") }
            }
            write("store: \(database.location)\n")
        }
    }
}

extension ImportKind: ExpressibleByArgument {}

extension ImportKind {
    /// Symbol used when --symbol is omitted: the store-wide tables' names, or a chain's root.
    func defaultSymbol(_ records: ImportedRecords) -> String {
        switch records {
        case .quotes(let quotes): quotes.first?.underlying ?? "SPX"
        case .quoteStream(let stream): stream.firstUnderlying ?? "SPX"
        case .futures: "VX"
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
