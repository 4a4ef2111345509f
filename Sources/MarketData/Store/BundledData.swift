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
        var parsed: [(Item, ImportedRecords)] = []
        for item in items {
            let bytes = try [UInt8](Data(contentsOf: url(item)))
            parsed.append((item, try MarketImporters.importer(for: item.kind).parse(bytes, file: "bundled:" + item.path)))
        }
        try store.write(parsed.map { (item, records) in
            ImportBatch(records: records, kind: item.kind, symbol: item.symbol, file: "bundled:" + item.path)
        })
    }
}
