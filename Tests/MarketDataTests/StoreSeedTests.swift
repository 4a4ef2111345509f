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

    @Test func seededCatalogMatchesTheSourceFiles() throws {
        let store = try temporaryStore()
        let catalog = Dictionary(uniqueKeysWithValues: try store.catalog().map { ($0.symbol, $0) })
        for item in BundledData.items {
            let rows = try Self.sourceRows(item.path)
            let valued = item.kind == .fred ? rows.filter { $0[1].trimmingCharacters(in: .whitespaces) != "." } : rows
            let entry = try #require(catalog[item.symbol], "\(item.symbol) missing from the catalog")
            #expect(entry.count == valued.count, "\(item.symbol)")
            let first = valued.first![0].prefix(10)
            let last = valued.last![0].prefix(10)
            #expect(entry.first == MarketDate(parsing: first), "\(item.symbol) first")
            #expect(entry.last == MarketDate(parsing: last), "\(item.symbol) last")
        }
        #expect(catalog["SPX"]?.count == 5031)
        #expect(catalog["VIX"]?.count == 1259)
        #expect(catalog["TREASURY"]?.count == 7419)
        #expect(catalog["EVENTS"]?.count == 105)
        #expect(catalog["SESSIONS"]?.count == 9318)
    }

    @Test func firstAndLastValuesEqualTheSource() throws {
        let store = try temporaryStore()
        let end = MarketDate(year: 2030, month: 1, day: 1)!
        let spx = try store.bars("SPX", asOf: end)
        let spxRows = try Self.sourceRows("market/sp500.csv")
        #expect(spx.first!.close.bitPattern == Double(spxRows.first![4])!.bitPattern)
        #expect(spx.last!.close.bitPattern == Double(spxRows.last![4])!.bitPattern)
        #expect(spx.last!.volume! == Double(spxRows.last![6])!)
        let vix = try store.observations("VIX", asOf: end)
        let vixRows = try Self.sourceRows("market/vix.csv").filter { $0[1] != "." }
        #expect(vix.first!.value.bitPattern == Double(vixRows.first![1])!.bitPattern)
        #expect(vix.last!.value.bitPattern == Double(vixRows.last![1])!.bitPattern)
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
