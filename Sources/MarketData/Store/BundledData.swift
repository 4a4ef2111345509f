import Foundation

/// The real history shipped inside the package (Sources/MarketData/Bundled, provenance in its
/// README.md), loaded into a new store on first open so a fresh clone needs no import step.
public enum BundledData {
    public struct Item: Sendable {
        public var path: String
        public var kind: ImportKind
        public var symbol: String
    }

    /// What is seeded. Moody's and core CPI files under market/ duplicate the FRED macro
    /// files (AAA, BAA, CPILFESL) and are not loaded twice.
    public static let items: [Item] = [
        Item(path: "market/sp500.csv", kind: .prices, symbol: "SPX"),
        Item(path: "market/vix.csv", kind: .fred, symbol: "VIX"),
        Item(path: "rates/treasury_curves_1990-2019.csv", kind: .treasury, symbol: "TREASURY"),
        Item(path: "calendar/fomc_statements_2014-2026.csv", kind: .events, symbol: "EVENTS"),
        Item(path: "calendar/nyse_sessions_1990-2026.csv", kind: .sessions, symbol: "SESSIONS"),
    ] + ["AAA", "BAA", "CPIAUCSL", "CPILFESL", "FEDFUNDS", "GDP", "GDPC1", "GS10", "PPIACO", "TB3MS", "TWEXMMTH", "UNRATE"]
        .map { Item(path: "macro/\($0).csv", kind: .fred, symbol: $0) }

    /// The bundled folder inside the module's resources.
    public static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Bundled")
    }

    public static func url(_ item: Item) -> URL { directory.appendingPathComponent(item.path) }

    /// Parses every bundled file and writes them all in one transaction.
    static func seed(_ store: SQLiteMarketStore) throws {
        try store.write(batches())
    }

    /// The bundled files parsed into import batches. With `cutoff`, only what a store would
    /// hold at that date's close: market and macro data dated after it are dropped; the trading
    /// calendar and scheduled events (published in advance) are kept unless
    /// `dropCalendarAfterCutoff`, and unscheduled events after the cutoff are always dropped.
    /// No-look-ahead tests build stores from these.
    public static func batches(through cutoff: MarketDate? = nil, dropCalendarAfterCutoff: Bool = false) throws -> [ImportBatch] {
        try items.map { item in
            let bytes = try [UInt8](Data(contentsOf: url(item)))
            var records = try MarketImporters.importer(for: item.kind).parse(bytes, file: "bundled:" + item.path)
            if let cutoff {
                switch records {
                case .bars(let r): records = .bars(r.filter { $0.date <= cutoff })
                case .observations(let r): records = .observations(r.filter { $0.date <= cutoff })
                case .treasury(let r): records = .treasury(r.filter { $0.date <= cutoff })
                case .events(let r): records = .events(r.filter { $0.date <= cutoff || (!dropCalendarAfterCutoff && $0.kind != "unscheduled") })
                case .sessions(let r): records = dropCalendarAfterCutoff ? .sessions(r.filter { $0.date <= cutoff }) : records
                case .quotes(let r): records = .quotes(r.filter { $0.quoteDate <= cutoff })
                }
            }
            return ImportBatch(records: records, kind: item.kind, symbol: item.symbol, file: "bundled:" + item.path)
        }
    }
}
