/// Where the trader's book and the daily runs' journal live. `SQLiteMarketStore` is the one
/// implementation today; a database server store implements the same calls.
public protocol BookStore: Sendable {
    /// Adds every file's fills in one transaction (all or nothing).
    func addFills(_ files: [(file: String, fills: [BookFill])]) throws
    /// Every fill dated on or before `date`, in the order they were imported.
    func fills(through date: MarketDate) throws -> [BookFill]
    /// Records a daily run and, only when it was recorded, puts `alerts` in the webhook outbox
    /// (one message per subscription to each alert's event), all in one transaction: a crash
    /// leaves the entry with its alerts or neither. False (and nothing written) when that date
    /// and ruleset hash are already recorded. `now` is the messages' creation time (Unix seconds).
    func recordJournal(_ entry: JournalEntry, alerts: [PendingAlert], now: Int) throws -> Bool
    /// The journal entries dated in `from...to`, by date.
    func journal(from: MarketDate, to: MarketDate) throws -> [JournalEntry]
}

extension BookStore {
    /// Records a daily run without alerts (see `recordJournal(_:alerts:now:)`).
    public func recordJournal(_ entry: JournalEntry) throws -> Bool {
        try recordJournal(entry, alerts: [], now: 0)
    }
}

/// An alert to put in the webhook outbox with a journal entry, in its transaction.
public struct PendingAlert: Sendable {
    public var event: String
    public var payload: String
    /// The message id for one subscription (derived from stable keys, so receivers can dedupe).
    public var messageID: @Sendable (WebhookSubscription) -> String

    public init(event: String, payload: String, messageID: @escaping @Sendable (WebhookSubscription) -> String) {
        (self.event, self.payload, self.messageID) = (event, payload, messageID)
    }
}

extension SQLiteMarketStore: BookStore {}
