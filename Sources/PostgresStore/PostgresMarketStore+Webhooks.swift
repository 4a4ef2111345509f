import MarketData
import PostgresNIO

/// Webhooks, their outbox and every attempt on PostgreSQL. A claim is one conditional UPDATE:
/// under READ COMMITTED the second of two racing replicas re-reads the row, finds it leased
/// and claims nothing.
extension PostgresMarketStore: WebhookStore {
    public func addWebhook(_ webhook: WebhookSubscription) throws {
        try write { session in
            try session.execute(
                """
                INSERT INTO webhooks (id, url, secret, events, created_at)
                VALUES (\(webhook.id), \(webhook.url), \(webhook.secret), \(webhook.events.joined(separator: ",")), \(webhook.createdAt))
                """)
        }
    }

    public func webhooks() throws -> [WebhookSubscription] {
        try read { try Self.webhooks($0) }
    }

    static func webhooks(_ session: PostgresSession) throws -> [WebhookSubscription] {
        try session.rows("SELECT id, url, secret, events, created_at FROM webhooks ORDER BY created_at, id").map { row in
            let (id, url, secret, events, createdAt) = try row.decode((String, String, String, String, String).self)
            return WebhookSubscription(id: id, url: url, secret: secret, events: events.split(separator: ",").map(String.init), createdAt: createdAt)
        }
    }

    public func removeWebhook(id: String) throws -> Bool {
        // The outbox and its attempts go with it (ON DELETE CASCADE).
        try write { session in try session.execute("DELETE FROM webhooks WHERE id = \(id)") > 0 }
    }

    public func enqueue(event: String, payload: String, messageID: (WebhookSubscription) -> String, now: Int) throws -> Int {
        try write { session in try Self.insertOutbox(session, event: event, payload: payload, messageID: messageID, now: now) }
    }

    /// One outbox message per subscription to `event`, inside the caller's transaction (read
    /// there: a subscription removed meanwhile is not written to).
    static func insertOutbox(_ session: PostgresSession, event: String, payload: String, messageID: (WebhookSubscription) -> String, now: Int) throws -> Int {
        let subscribed = try webhooks(session).filter { $0.events.contains(event) }
        for webhook in subscribed {
            try session.execute(
                """
                INSERT INTO webhook_outbox (id, webhook_id, event, payload, created_at, attempts, next_attempt_at, state)
                VALUES (\(messageID(webhook)), \(webhook.id), \(event), \(payload), \(now), 0, \(now), 'pending')
                """)
        }
        return subscribed.count
    }

    public func dueMessages(now: Int, limit: Int) throws -> [OutboxMessage] {
        try read { session in
            try session.rows(
                """
                SELECT \(unescaped: Self.messageColumns) FROM webhook_outbox WHERE state = 'pending' AND next_attempt_at <= \(now)
                ORDER BY next_attempt_at, created_at, id LIMIT \(limit)
                """
            ).map(Self.message)
        }
    }

    public func claim(messageID: String, now: Int, lease: Int) throws -> Bool {
        try write { session in
            try session.execute(
                """
                UPDATE webhook_outbox SET next_attempt_at = \(now + lease)
                WHERE id = \(messageID) AND state = 'pending' AND next_attempt_at <= \(now)
                """) > 0
        }
    }

    public func record(_ attempt: DeliveryAttempt, attempts: Int, nextAttemptAt: Int, state: String) throws {
        try write { session in
            try session.execute(
                """
                INSERT INTO webhook_attempts (message_id, attempted_at, status, error)
                VALUES (\(attempt.messageID), \(attempt.attemptedAt), \(attempt.status), \(attempt.error))
                """)
            try session.execute(
                "UPDATE webhook_outbox SET attempts = \(attempts), next_attempt_at = \(nextAttemptAt), state = \(state) WHERE id = \(attempt.messageID)")
        }
    }

    public func messages(webhookID: String) throws -> [OutboxMessage] {
        try read { session in
            try session.rows("SELECT \(unescaped: Self.messageColumns) FROM webhook_outbox WHERE webhook_id = \(webhookID) ORDER BY created_at, id")
                .map(Self.message)
        }
    }

    public func attempts(messageID: String) throws -> [DeliveryAttempt] {
        try read { session in
            try session.rows("SELECT message_id, attempted_at, status, error FROM webhook_attempts WHERE message_id = \(messageID) ORDER BY id").map {
                let (id, at, status, error) = try $0.decode((String, Int, Int?, String?).self)
                return DeliveryAttempt(messageID: id, attemptedAt: at, status: status, error: error)
            }
        }
    }

    static let messageColumns = "id, webhook_id, event, payload, created_at, attempts, next_attempt_at, state"

    static func message(_ row: PostgresRow) throws -> OutboxMessage {
        let (id, webhook, event, payload, createdAt, attempts, next, state) = try row.decode((String, String, String, String, Int, Int, Int, String).self)
        return OutboxMessage(id: id, webhookID: webhook, event: event, payload: payload, createdAt: createdAt, attempts: attempts, nextAttemptAt: next, state: state)
    }
}
