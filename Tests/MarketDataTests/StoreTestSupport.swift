import GRDB
import Foundation
@testable import MarketData
import TestScratch

/// A fresh store in its own temporary directory, seeded with the bundled data unless asked not to.
func temporaryStore(seed: Bool = true) throws -> SQLiteMarketStore {
    let directory = TestScratch.directory("tests")
    return try SQLiteMarketStore(path: directory.appendingPathComponent("store.sqlite").path, seed: seed)
}

/// Row counts per table, read straight from SQLite.
func tableCounts(_ store: SQLiteMarketStore) throws -> [String: Int] {
    try store.read { db in
        var counts: [String: Int] = [:]
        for table in ["series", "bars", "observations", "treasury_curves", "events", "sessions", "option_strikes", "futures_settlements", "imports"] {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
        }
        return counts
    }
}
