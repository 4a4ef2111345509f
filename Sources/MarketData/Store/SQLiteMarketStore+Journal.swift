import GRDB

/// The daily-run journal in the store: one row per (date, ruleset hash), written in one
/// transaction, so a killed run leaves either the whole entry or none.
extension SQLiteMarketStore {
    /// Records the entry unless one exists for its date and ruleset hash, with its alerts in
    /// the same transaction; returns whether it was recorded.
    public func recordJournal(_ entry: JournalEntry, alerts: [PendingAlert], now: Int) throws -> Bool {
        // The unique (date, ruleset_hash) key decides, atomically, whoever else is writing.
        try write { db in
            try db.execute(
                sql: "INSERT INTO journal (date, ruleset_hash, recorded_at, decision) VALUES (?, ?, ?, ?) ON CONFLICT (date, ruleset_hash) DO NOTHING",
                arguments: [entry.date.dayNumber, entry.rulesetHash, entry.recordedAt, entry.decision])
            guard db.changesCount > 0 else { return false }
            for alert in alerts {
                _ = try Self.insertOutbox(db, event: alert.event, payload: alert.payload, messageID: alert.messageID, now: now)
            }
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
