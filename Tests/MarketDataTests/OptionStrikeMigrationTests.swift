import Foundation
import GRDB
import Testing

@testable import MarketData
import TestScratch

/// Migration v9 carries a store's quotes (a row per quote) into strike rows unchanged.
@Suite struct OptionStrikeMigrationTests {
    @Test func quotesOfAnOlderStoreSurviveTheMigration() throws {
        let directory = TestScratch.directory("v9")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        let day = MarketDate(year: 2019, month: 1, day: 2)!
        let expiry = MarketDate(year: 2019, month: 1, day: 18)!
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: "v8")
            try queue.write { db in
                for (strike, right, bid, delta) in [(2400.0, "C", 120.0, 0.8 as Double?), (2400, "P", 10, nil), (2600, "P", 95, -0.7)] {
                    try db.execute(
                        sql: "INSERT INTO option_quotes VALUES ('SPX', ?, ?, ?, ?, ?, ?, 2510, 0.2, ?, 3, NULL)",
                        arguments: [day.dayNumber, expiry.dayNumber, strike, right, bid, bid + 0.5, delta])
                }
            }
        }
        let store = try SQLiteMarketStore(path: path, seed: false)
        let quotes = try store.optionQuotes(underlying: "SPX", quoteDate: day)
        #expect(quotes.map { "\($0.strike)\($0.right.rawValue) \($0.bid) \($0.ask) \($0.delta.map { "\($0)" } ?? "-")" } == [
            "2400.0C 120.0 120.5 0.8", "2400.0P 10.0 10.5 -", "2600.0P 95.0 95.5 -0.7",
        ])
        #expect(quotes.allSatisfy { $0.underlyingPrice == 2510 && $0.volume == 3 && $0.openInterest == nil })
    }
}
