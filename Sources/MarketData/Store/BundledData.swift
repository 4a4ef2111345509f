import Foundation

/// The real history shipped inside the package (Sources/MarketData/Bundled, provenance in its
/// README.md), loaded into a new store on first open so a fresh clone needs no import step.
public enum BundledData {
    public struct Item: Sendable {
        public var path: String
        public var kind: ImportKind
        public var symbol: String
    }

    /// What is seeded, in this order: the NYSE sessions come first because index and futures
    /// rows on non-sessions are skipped against them and futures map to expiries by them.
    /// - S&P 500: the OHLC history 1999-2018, extended by the close-only file from the day after
    ///   its last bar (a later file of the same bar symbol extends, never overwrites: the two
    ///   agree to the cent on 2008-2018 and nothing may invent an open, high or low).
    /// - VIX: Cboe's own OHLC history 1990-2026 (closes as `VIX`, opens as `VIX.OPEN`), VVIX and
    ///   SKEW Cboe histories; VX1/VX2 continuous futures mapped to their expiries.
    /// - FRED: where a `_2026` file exists it replaces the older vintage (the newest release of
    ///   the whole history). Moody's AAA/BAA stay at the older vintage (to 2022-09): the 2026
    ///   copies carry Moody's redistribution terms and are not bundled. `market/vix.csv` (FRED
    ///   VIXCLS 2014-2018, same closes as Cboe's file) and the Moody's/core CPI files under
    ///   market/ stay in the folder for the indicator reference tests but are not loaded.
    public static let items: [Item] =
        [
            Item(path: "calendar/nyse_sessions_1990-2026.csv", kind: .sessions, symbol: "SESSIONS"),
            Item(path: "calendar/fomc_statements_2014-2026.csv", kind: .events, symbol: "EVENTS"),
            Item(path: "market/sp500.csv", kind: .prices, symbol: "SPX"),
            Item(path: "market/sp500_close_2008-2026.csv", kind: .prices, symbol: "SPX"),
            Item(path: "market/vix_cboe_1990-2026.csv", kind: .cboeIndex, symbol: "VIX"),
            Item(path: "market/vvix_2006-2016.csv", kind: .cboeIndex, symbol: "VVIX"),
            Item(path: "market/skew_1990-2016.csv", kind: .cboeIndex, symbol: "SKEW"),
            Item(path: "futures/CHRIS-CBOE_VX1_2005-2016.csv", kind: .vxFutures, symbol: "VX1"),
            Item(path: "futures/CHRIS-CBOE_VX2_2005-2016.csv", kind: .vxFutures, symbol: "VX2"),
            Item(path: "rates/treasury_curves_1990-2019.csv", kind: .treasury, symbol: "TREASURY"),
            Item(path: "rates/DFF_2026.csv", kind: .fred, symbol: "DFF"),
            Item(path: "rates/DGS2_2026.csv", kind: .fred, symbol: "DGS2"),
        ]
        + ["AAA", "BAA", "FEDFUNDS", "TWEXMMTH"].map { Item(path: "macro/\($0).csv", kind: .fred, symbol: $0) }
        + ["CPIAUCSL", "CPILFESL", "DGS10", "DTWEXBGS", "GDP", "GDPC1", "GS10", "PPIACO", "TB3MS", "UNRATE"]
        .map { Item(path: "macro/\($0)_2026.csv", kind: .fred, symbol: $0) }

    /// The bundled folder inside the module's resources.
    public static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Bundled")
    }

    public static func url(_ item: Item) -> URL { directory.appendingPathComponent(item.path) }

    /// Parses every bundled file and writes them all in one transaction.
    static func seed(_ store: SQLiteMarketStore) throws {
        try store.write(batches())
    }

    /// The bundled trading calendar (NYSE sessions 1990-2026).
    public static func calendar() throws -> TradingCalendar {
        try TradingCalendar(sessionsCSV: String(decoding: Data(contentsOf: directory.appendingPathComponent("calendar/nyse_sessions_1990-2026.csv")), as: UTF8.self))
    }

    /// The bundled files parsed into import batches. With `cutoff`, only what a store would
    /// hold at that date's close: market and macro data dated after it are dropped; the trading
    /// calendar and scheduled events (published in advance) are kept unless
    /// `dropCalendarAfterCutoff`, and unscheduled events after the cutoff are always dropped.
    /// No-look-ahead tests build stores from these.
    public static func batches(through cutoff: MarketDate? = nil, dropCalendarAfterCutoff: Bool = false) throws -> [ImportBatch] {
        let calendar = try calendar()
        var lastBar: [String: MarketDate] = [:]
        return try items.map { item in
            let bytes = try [UInt8](Data(contentsOf: url(item)))
            let importer = try MarketImporters.importer(for: item.kind, underlying: item.symbol, calendar: calendar)
            var records = try importer.parse(bytes, file: "bundled:" + item.path)
            if case .bars(let bars) = records {
                if let last = lastBar[item.symbol] { records = .bars(bars.filter { $0.date > last }) }
                if let end = bars.last?.date { lastBar[item.symbol] = max(end, lastBar[item.symbol] ?? end) }
            }
            if let cutoff { records = records.through(cutoff, dropCalendarAfterCutoff: dropCalendarAfterCutoff) }
            return ImportBatch(records: records, kind: item.kind, symbol: item.symbol, file: "bundled:" + item.path)
        }
    }
}

extension ImportedRecords {
    /// What a store would hold of these records at `cutoff`'s close (see `BundledData.batches`).
    func through(_ cutoff: MarketDate, dropCalendarAfterCutoff: Bool) -> ImportedRecords {
        switch self {
        case .bars(let r): .bars(r.filter { $0.date <= cutoff })
        case .observations(let r): .observations(r.filter { $0.date <= cutoff })
        case .treasury(let r): .treasury(r.filter { $0.date <= cutoff })
        case .events(let r): .events(r.filter { $0.date <= cutoff || (!dropCalendarAfterCutoff && $0.kind != "unscheduled") })
        case .sessions(let r): dropCalendarAfterCutoff ? .sessions(r.filter { $0.date <= cutoff }) : self
        case .quotes(let r): .quotes(r.filter { $0.quoteDate <= cutoff })
        case .quoteStream(let stream): .quoteStream(stream.filter { $0.quoteDate <= cutoff })
        case .index(let h):
            .index(IndexHistory(closes: h.closes.filter { $0.date <= cutoff }, opens: h.opens.filter { $0.date <= cutoff }, warnings: h.warnings))
        case .futures(let r, let notes): .futures(r.filter { $0.date <= cutoff }, notes: notes)
        }
    }
}
