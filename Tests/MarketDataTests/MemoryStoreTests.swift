import Foundation
import PropertyBased
import Testing
@testable import MarketData

/// The in-memory copy answers every point-in-time query exactly as the SQLite store does (same
/// rows, same order) on the bundled history plus an imported option chain.
@Suite struct MemoryStoreTests {
    static let chainDay = MarketDate(parsing: "2023-01-03")!

    static func stores() throws -> (SQLiteMarketStore, MemoryMarketStore) {
        let sqlite = try temporaryStore()
        let quotes = try OptionsDXImporter(underlying: "SPX").parseQuotes(ImporterSamples.bytes("optionsdx_spx_sample.csv"), file: "o.csv")
        try sqlite.write(.quotes(quotes), kind: .chainOptionsDX, symbol: "SPX", file: "o.csv")
        let memory = try MemoryMarketStore.load(sqlite, quoteDates: MarketDate(parsing: "2014-01-01")!...MarketDate(parsing: "2023-12-31")!)
        return (sqlite, memory)
    }

    @Test func seededQueriesMatchTheSQLiteStore() throws {
        let (sqlite, memory) = try Self.stores()
        let symbols = try sqlite.catalog().map(\.symbol) + ["NOSUCH"]
        var rng = Xoshiro(seed: (20_261_125, 3, 5, 8))
        let dates = Gen.int(in: 7_300...18_300)
        let spans = Gen.int(in: -1...900)
        let picks = Gen.int(in: 0...(symbols.count - 1))
        let windows = Gen.int(in: -2...300)
        var compared = 0
        var trailing = 0
        for _ in 0..<300 {
            let asOf = MarketDate(dayNumber: dates.run(using: &rng))
            let span = spans.run(using: &rng)
            let from = span < 0 ? nil : asOf.adding(days: -span)
            let symbol = symbols[picks.run(using: &rng)]
            let bars = try memory.bars(symbol, from: from, asOf: asOf)
            #expect(bars == (try sqlite.bars(symbol, from: from, asOf: asOf)), "bars \(symbol) \(String(describing: from)) \(asOf)")
            let observations = try memory.observations(symbol, from: from, asOf: asOf)
            #expect(observations == (try sqlite.observations(symbol, from: from, asOf: asOf)), "observations \(symbol) \(asOf)")
            // The memory store's own trailing window (read backwards, skipping the unpublished)
            // against the protocol's default over the SQLite store's observations.
            let count = windows.run(using: &rng)
            let values = try memory.trailingValues(symbol, from: from, asOf: asOf, count: count)
            #expect(values == (try sqlite.trailingValues(symbol, from: from, asOf: asOf, count: count)), "trailing \(symbol) \(asOf) \(count)")
            #expect(values.count <= max(0, count))
            trailing += values.count
            #expect(try memory.treasuryCurve(asOf: asOf) == sqlite.treasuryCurve(asOf: asOf), "curve \(asOf)")
            let through = asOf.adding(days: max(span, 0))
            #expect(
                try memory.events(from: asOf.adding(days: -30), through: through, asOf: asOf)
                    == sqlite.events(from: asOf.adding(days: -30), through: through, asOf: asOf), "events \(asOf)")
            compared += bars.count + observations.count
        }
        #expect(compared > 10_000)  // the draws hit real history, not only empty ranges
        #expect(trailing > 5_000)
        // Series published with a lag (monthly macro): a window as of a date skips the
        // observations dated before it but not yet published, as `observations` does.
        for symbol in ["CPIAUCSL", "UNRATE", "VIX"] {
            for asOf in ["2008-10-01", "2016-03-15", "2020-04-02"].map({ MarketDate(parsing: $0)! }) {
                let expected = try sqlite.observations(symbol, from: asOf.adding(days: -400), asOf: asOf).suffix(5).map(\.value)
                #expect(try memory.trailingValues(symbol, from: asOf.adding(days: -400), asOf: asOf, count: 5) == expected, "\(symbol) \(asOf)")
            }
        }
        for asOf in ["2016-03-01", "2018-02-05", "2019-12-31", "1995-06-30"].map({ MarketDate(parsing: $0)! }) {
            #expect(try memory.snapshot(asOf: asOf) == sqlite.snapshot(asOf: asOf), "snapshot \(asOf)")
        }
        let chain = try memory.optionQuotes(underlying: "SPX", quoteDate: Self.chainDay)
        #expect(chain.count == 22)
        #expect(chain == (try sqlite.optionQuotes(underlying: "SPX", quoteDate: Self.chainDay)))
        #expect(try memory.optionQuotes(underlying: "VIX", quoteDate: Self.chainDay).isEmpty)
    }

    /// A series' span is the catalog's first and last date (bars first, else observations), and
    /// restricting the quotes keeps the content of a copy loaded for the narrower range.
    @Test func spansAndRestrictedQuotes() throws {
        let (sqlite, memory) = try Self.stores()
        let catalog = try sqlite.catalog()
        var checked = 0
        // The series' own entries (an option chain's underlying is listed again, by its quotes).
        for entry in catalog where ["SPX", "VIX", "VVIX", "SKEW", "DGS2", "CPIAUCSL"].contains(entry.symbol) && entry.family != "option_quotes" {
            let span = try #require(memory.span(of: entry.symbol))
            #expect(span.lowerBound == entry.first && span.upperBound == entry.last, "\(entry.symbol)")
            checked += 1
        }
        #expect(checked == 6)
        #expect(memory.span(of: "NOSUCH") == nil)
        let range = MarketDate(parsing: "2022-06-01")!...MarketDate(parsing: "2023-06-30")!
        let narrow = try MemoryMarketStore.load(sqlite, quoteDates: range)
        let restricted = try memory.restrictingQuotes(to: range)
        #expect(restricted.quoteRange == range)
        #expect(try restricted.optionQuotes(underlying: "SPX", quoteDate: Self.chainDay).count == 22)
        var a: [UInt8] = [], b: [UInt8] = []
        restricted.writeCanonicalContent { a += $0 }
        narrow.writeCanonicalContent { b += $0 }
        #expect(a == b)
        // Quotes that were never loaded cannot be kept: an error, not a quietly empty range.
        #expect(throws: StoreError.self) { try memory.restrictingQuotes(to: MarketDate(parsing: "2023-06-01")!...MarketDate(parsing: "2024-03-01")!) }
        #expect(throws: StoreError.self) { try memory.restrictingQuotes(to: MarketDate(parsing: "2010-01-04")!...MarketDate(parsing: "2014-03-03")!) }
    }

    /// Quotes outside the loaded range are an error, never a silently empty chain.
    @Test func quotesOutsideTheLoadedRangeAreAnError() throws {
        let sqlite = try temporaryStore()
        let memory = try MemoryMarketStore.load(sqlite, quoteDates: MarketDate(parsing: "2018-01-02")!...MarketDate(parsing: "2018-12-31")!)
        #expect(try memory.optionQuotes(underlying: "SPX", quoteDate: MarketDate(parsing: "2018-06-01")!).isEmpty)
        #expect(throws: StoreError.self) { try memory.optionQuotes(underlying: "SPX", quoteDate: MarketDate(parsing: "2019-01-02")!) }
    }
}
