/// A webhook subscription of `vixshield serve`: where to POST which events, and the secret the
/// deliveries are signed with (Standard Webhooks: `whsec_` + base64 of the key).
public struct WebhookSubscription: Sendable, Codable, Equatable {
    public var id: String
    public var url: String
    public var secret: String
    /// `regime.changed`, `run.orders`, `run.failed`.
    public var events: [String]
    public var createdAt: String

    public init(id: String, url: String, secret: String, events: [String], createdAt: String) {
        (self.id, self.url, self.secret, self.events, self.createdAt) = (id, url, secret, events, createdAt)
    }
}

/// One message in the outbox: delivered at least once, retried with backoff, given up after
/// a stated number of attempts. Times are Unix seconds.
public struct OutboxMessage: Sendable, Codable, Equatable {
    public var id: String
    public var webhookID: String
    public var event: String
    public var payload: String
    public var createdAt: Int
    public var attempts: Int
    public var nextAttemptAt: Int
    /// `pending`, `delivered` or `failed`.
    public var state: String

    public init(id: String, webhookID: String, event: String, payload: String, createdAt: Int, attempts: Int, nextAttemptAt: Int, state: String) {
        (self.id, self.webhookID, self.event, self.payload, self.createdAt) = (id, webhookID, event, payload, createdAt)
        (self.attempts, self.nextAttemptAt, self.state) = (attempts, nextAttemptAt, state)
    }
}

/// One delivery attempt: the HTTP status the receiver answered, or the transport error.
public struct DeliveryAttempt: Sendable, Codable, Equatable {
    public var messageID: String
    public var attemptedAt: Int
    public var status: Int?
    public var error: String?

    public init(messageID: String, attemptedAt: Int, status: Int?, error: String?) {
        (self.messageID, self.attemptedAt, self.status, self.error) = (messageID, attemptedAt, status, error)
    }
}

/// Where webhooks, their outbox and the attempts live (`SQLiteMarketStore` today).
public protocol WebhookStore: Sendable {
    func addWebhook(_ webhook: WebhookSubscription) throws
    func webhooks() throws -> [WebhookSubscription]
    func removeWebhook(id: String) throws -> Bool
    /// Adds one message per subscription to `event`, in one transaction.
    func enqueue(event: String, payload: String, messageID: (WebhookSubscription) -> String, now: Int) throws -> Int
    /// Pending messages due at `now`, oldest first.
    func dueMessages(now: Int, limit: Int) throws -> [OutboxMessage]
    /// Claims a due message for one delivery: moves its next attempt `lease` seconds on if it is
    /// still pending and due; false when another process claimed it first.
    func claim(messageID: String, now: Int, lease: Int) throws -> Bool
    /// Records an attempt and the message's new state in one transaction.
    func record(_ attempt: DeliveryAttempt, attempts: Int, nextAttemptAt: Int, state: String) throws
    func messages(webhookID: String) throws -> [OutboxMessage]
    func attempts(messageID: String) throws -> [DeliveryAttempt]
}
