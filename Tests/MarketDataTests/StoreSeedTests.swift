import Foundation
import Testing
@testable import MarketData

/// The bundled data round-trips: counts and first/last values equal the source files.
@Suite struct StoreSeedTests {
    /// Data rows of a source file, read independently of the importers (first cell = date).
    static func sourceRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOf: BundledData.directory.appendingPathComponent(path), encoding: .utf8)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// NYSE sessions of the bundled calendar, read from the file itself.
    static func sessionDates() throws -> Set<MarketDate> {
        Set(try sourceRows("calendar/nyse_sessions_1990-2026.csv").map { MarketDate(parsing: $0[0])! })
    }

    @Test func seededCatalogMatchesTheSourceFiles() throws {
        let store = try temporaryStore()
        let catalog = Dictionary(uniqueKeysWithValues: try store.catalog().map { ($0.symbol, $0) })
        let sessions = try Self.sessionDates()
        for item in BundledData.items where [.fred, .treasury, .events, .sessions].contains(item.kind) {
            let rows = try Self.sourceRows(item.path)
            let valued = item.kind == .fred ? rows.filter { $0[1].trimmingCharacters(in: .whitespaces) != "." } : rows
            let entry = try #require(catalog[item.symbol], "\(item.symbol) missing from the catalog")
            #expect(entry.count == valued.count, "\(item.symbol)")
            let first = valued.first![0].prefix(10)
            let last = valued.last![0].prefix(10)
            #expect(entry.first == MarketDate(parsing: first), "\(item.symbol) first")
            #expect(entry.last == MarketDate(parsing: last), "\(item.symbol) last")
        }
        // Cboe index files: every row on an NYSE session, Cboe holiday sessions skipped.
        for (path, symbol) in [("market/vix_cboe_1990-2026.csv", "VIX"), ("market/vvix_2006-2016.csv", "VVIX"), ("market/skew_1990-2016.csv", "SKEW")] {
            let onSessions = try Self.sourceRows(path).filter { sessions.contains(MarketDate(parsing: $0[0])!) }
            #expect(catalog[symbol]?.count == onSessions.count, "\(symbol)")
            #expect(catalog[symbol]?.last == MarketDate(parsing: onSessions.last![0]), "\(symbol) last")
        }
        // VX1 and VX2 rows are different contracts on the same day: one settlement each.
        let vx = try ["futures/CHRIS-CBOE_VX1_2005-2016.csv", "futures/CHRIS-CBOE_VX2_2005-2016.csv"].map {
            try Self.sourceRows($0).filter { sessions.contains(MarketDate(parsing: $0[0])!) && Double($0[5])! > 0 }.count
        }.reduce(0, +)
        #expect(catalog["VX"]?.count == vx)
        let closeOnly = try Self.sourceRows("market/sp500_close_2008-2026.csv").filter { $0[0] > "2018-12-31" }
        #expect(catalog["SPX"]?.count == 5031 + closeOnly.count)
        #expect(catalog["SPX"]?.last == MarketDate(year: 2026, month: 3, day: 27))
        // 30 rows fall on non-sessions: 29 Cboe holiday sessions from 2022-05-30 and 2004-06-11 (the NYSE closed for President Reagan's funeral).
        #expect(catalog["VIX"]?.count == 9152 - 30)
        #expect(catalog["TREASURY"]?.count == 7419)
        #expect(catalog["EVENTS"]?.count == 105)
        #expect(catalog["SESSIONS"]?.count == 9318)
    }

    /// The S&P 500 splice: the close-only file equals the OHLC file's closes to the cent on
    /// every shared date, and the stored bars after 2018 have no open, high or low.
    @Test func spxSpliceAgreesAndInventsNothing() throws {
        let ohlc = Dictionary(uniqueKeysWithValues: try Self.sourceRows("market/sp500.csv").map { (MarketDate(parsing: $0[0])!, Double($0[4])!) })
        var shared = 0
        for row in try Self.sourceRows("market/sp500_close_2008-2026.csv") {
            guard let close = ohlc[MarketDate(parsing: row[0])!] else { continue }
            #expect(abs(close - Double(row[1])!) < 0.005, "\(row[0])")
            shared += 1
        }
        #expect(shared > 2700)
        let store = try temporaryStore()
        let late = try store.bars("SPX", from: MarketDate(year: 2019, month: 1, day: 1)!, asOf: MarketDate(year: 2030, month: 1, day: 1)!)
        #expect(late.count > 1800)
        #expect(late.allSatisfy { $0.open == nil && $0.high == nil && $0.low == nil })
        let early = try store.bars("SPX", asOf: MarketDate(year: 2018, month: 12, day: 31)!)
        #expect(early.allSatisfy { $0.open != nil && $0.high != nil && $0.low != nil })
    }

    @Test func firstAndLastValuesEqualTheSource() throws {
        let store = try temporaryStore()
        let end = MarketDate(year: 2030, month: 1, day: 1)!
        let spx = try store.bars("SPX", asOf: end)
        let spxRows = try Self.sourceRows("market/sp500.csv")
        let closes = try Self.sourceRows("market/sp500_close_2008-2026.csv")
        #expect(spx.first!.close.bitPattern == Double(spxRows.first![4])!.bitPattern)
        #expect(spx.last!.close.bitPattern == Double(closes.last![1])!.bitPattern)
        let vix = try store.observations("VIX", asOf: end)
        let vixRows = try Self.sourceRows("market/vix_cboe_1990-2026.csv")
        #expect(vix.first!.value.bitPattern == Double(vixRows.first![4])!.bitPattern)
        #expect(vix.last!.value.bitPattern == Double(vixRows.last![4])!.bitPattern)
        let curve = try #require(try store.treasuryCurve(asOf: MarketDate(year: 2019, month: 8, day: 26)!))
        let lastCurve = try Self.sourceRows("rates/treasury_curves_1990-2019.csv").last!
        #expect(curve.yield("10year")!.bitPattern == Double(lastCurve[9])!.bitPattern)
    }

    @Test func reopeningDoesNotSeedTwice() throws {
        let store = try temporaryStore()
        let before = try tableCounts(store)
        let again = try SQLiteMarketStore(path: store.path)
        #expect(try tableCounts(again) == before)
    }
}
