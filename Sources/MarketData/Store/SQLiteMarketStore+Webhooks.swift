import Foundation
import GRDB

/// Webhooks in the store (migration v6): subscriptions, the outbox and every attempt.
extension SQLiteMarketStore: WebhookStore {
    public func addWebhook(_ webhook: WebhookSubscription) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO webhooks (id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [webhook.id, webhook.url, webhook.secret, webhook.events.joined(separator: ","), webhook.createdAt])
        }
    }

    public func webhooks() throws -> [WebhookSubscription] {
        try read { db in try Self.webhooks(db) }
    }

    static func webhooks(_ db: Database) throws -> [WebhookSubscription] {
        try Row.fetchAll(db, sql: "SELECT id, url, secret, events, created_at FROM webhooks ORDER BY created_at, id").map {
            WebhookSubscription(id: $0[0], url: $0[1], secret: $0[2], events: ($0[3] as String).split(separator: ",").map(String.init), createdAt: $0[4])
        }
    }

    public func removeWebhook(id: String) throws -> Bool {
        try write { db in
            // The outbox and attempts go with it (ON DELETE CASCADE needs the pragma per connection).
            try db.execute(sql: "DELETE FROM webhook_attempts WHERE message_id IN (SELECT id FROM webhook_outbox WHERE webhook_id = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM webhook_outbox WHERE webhook_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func enqueue(event: String, payload: String, messageID: (WebhookSubscription) -> String, now: Int) throws -> Int {
        // The subscribers are read in the same transaction, so one removed meanwhile is not
        // written to.
        try write { db in try Self.insertOutbox(db, event: event, payload: payload, messageID: messageID, now: now) }
    }

    /// One outbox message per subscription to `event`, inside the caller's transaction.
    static func insertOutbox(_ db: Database, event: String, payload: String, messageID: (WebhookSubscription) -> String, now: Int) throws -> Int {
        let subscribed = try webhooks(db).filter { $0.events.contains(event) }
        for webhook in subscribed {
            try db.execute(
                sql: """
                    INSERT INTO webhook_outbox (id, webhook_id, event, payload, created_at, attempts, next_attempt_at, state)
                    VALUES (?, ?, ?, ?, ?, 0, ?, 'pending')
                    """, arguments: [messageID(webhook), webhook.id, event, payload, now, now])
        }
        return subscribed.count
    }

    public func dueMessages(now: Int, limit: Int) throws -> [OutboxMessage] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at, id LIMIT ?",
                arguments: [now, limit]
            ).map(Self.message)
        }
    }

    public func claim(messageID: String, now: Int, lease: Int) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?",
                arguments: [now + lease, messageID, now])
            return db.changesCount > 0
        }
    }

    public func record(_ attempt: DeliveryAttempt, attempts: Int, nextAttemptAt: Int, state: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO webhook_attempts (message_id, attempted_at, status, error) VALUES (?, ?, ?, ?)",
                arguments: [attempt.messageID, attempt.attemptedAt, attempt.status, attempt.error])
            try db.execute(
                sql: "UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, state = ? WHERE id = ?",
                arguments: [attempts, nextAttemptAt, state, attempt.messageID])
        }
    }

    public func messages(webhookID: String) throws -> [OutboxMessage] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhook_outbox WHERE webhook_id = ? ORDER BY created_at, id", arguments: [webhookID]).map(Self.message)
        }
    }

    public func attempts(messageID: String) throws -> [DeliveryAttempt] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT message_id, attempted_at, status, error FROM webhook_attempts WHERE message_id = ? ORDER BY id", arguments: [messageID]
            ).map { DeliveryAttempt(messageID: $0[0], attemptedAt: $0[1], status: $0[2], error: $0[3]) }
        }
    }

    static func message(_ row: Row) -> OutboxMessage {
        OutboxMessage(
            id: row["id"], webhookID: row["webhook_id"], event: row["event"], payload: row["payload"], createdAt: row["created_at"],
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], state: row["state"])
    }
}
