import GRDB

/// The daily-run journal in the store: one row per (date, ruleset hash), written in one
/// transaction, so a killed run leaves either the whole entry or none.
extension SQLiteMarketStore {
    /// Records the entry unless one exists for its date and ruleset hash; returns whether it
    /// was recorded.
    public func recordJournal(_ entry: JournalEntry) throws -> Bool {
        try write { db in
            let exists = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM journal WHERE date = ? AND ruleset_hash = ?", arguments: [entry.date.dayNumber, entry.rulesetHash]) ?? 0
            guard exists == 0 else { return false }
            try db.execute(
                sql: "INSERT INTO journal (date, ruleset_hash, recorded_at, decision) VALUES (?, ?, ?, ?)",
                arguments: [entry.date.dayNumber, entry.rulesetHash, entry.recordedAt, entry.decision])
            return true
        }
    }

    /// Entries dated in `from...to`, by date then the order they were recorded.
    public func journal(from: MarketDate, to: MarketDate) throws -> [JournalEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, ruleset_hash, recorded_at, decision FROM journal WHERE date BETWEEN ? AND ? ORDER BY date, id",
                arguments: [from.dayNumber, to.dayNumber]
            ).map { JournalEntry(date: MarketDate(dayNumber: $0[0]), rulesetHash: $0[1], recordedAt: $0[2], decision: $0[3]) }
        }
    }
}
