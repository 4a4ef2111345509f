/// Where the trader's book and the daily runs' journal live. `SQLiteMarketStore` is the one
/// implementation today; a database server store implements the same calls.
public protocol BookStore: Sendable {
    /// Adds every file's fills in one transaction (all or nothing).
    func addFills(_ files: [(file: String, fills: [BookFill])]) throws
    /// Every fill dated on or before `date`, in the order they were imported.
    func fills(through date: MarketDate) throws -> [BookFill]
    /// Records a daily run; false (and nothing written) when that date and ruleset hash are
    /// already recorded.
    func recordJournal(_ entry: JournalEntry) throws -> Bool
    /// The journal entries dated in `from...to`, by date.
    func journal(from: MarketDate, to: MarketDate) throws -> [JournalEntry]
}

extension SQLiteMarketStore: BookStore {}
