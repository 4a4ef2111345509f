import Foundation
import Logging
import MarketData

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How a delivery is sent: one POST, the receiver's HTTP status back (or a transport error).
public protocol WebhookTransport: Sendable {
    func post(url: URL, headers: [String: String], body: Data) async throws -> Int
}

/// The default transport: Foundation's URLSession, 10 s timeout.
public struct URLSessionWebhookTransport: WebhookTransport {
    public init() {}

    public func post(url: URL, headers: [String: String], body: Data) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// Delivers the outbox: each due message is POSTed, signed, to its subscription; a 2xx marks it
/// delivered, anything else is retried after 5 s, 30 s, 2 min, 10 min, 30 min, 1 h and 2 h, and
/// the message is marked failed after `maximumAttempts` (8) attempts. Every attempt is recorded
/// with the status or the error, in the same transaction as the message's new state, so a crash
/// between the POST and the record means one more delivery (at least once: receivers dedupe on
/// `webhook-id`). Servers sharing a store claim each message before sending it (a 60-second
/// lease), so one of them delivers it.
public struct WebhookDelivery: Sendable {
    public static let maximumAttempts = 8
    public static let backoffSeconds = [5, 30, 120, 600, 1800, 3600, 7200]

    let store: any WebhookStore
    let transport: any WebhookTransport
    let logger: Logger

    public init(store: any WebhookStore, transport: any WebhookTransport = URLSessionWebhookTransport(), logger: Logger = Logger(label: "vixshield.webhooks")) {
        self.store = store
        self.transport = transport
        self.logger = logger
    }

    /// Delivers every message due at `now`; returns how many were attempted.
    @discardableResult
    public func deliverDue(now: Int) async throws -> Int {
        let due = try store.dueMessages(now: now, limit: 100)
        guard !due.isEmpty else { return 0 }
        let subscriptions = Dictionary(uniqueKeysWithValues: try store.webhooks().map { ($0.id, $0) })
        for message in due {
            // Several servers on one store: each message goes to the one that claims it.
            guard try store.claim(messageID: message.id, now: now, lease: 60) else { continue }
            let attempt = message.attempts + 1
            var status: Int?
            var failure: String?
            if let subscription = subscriptions[message.webhookID], let url = URL(string: subscription.url) {
                do {
                    let signature = try WebhookSigner.signature(secret: subscription.secret, id: message.id, timestamp: now, body: message.payload)
                    let headers = [
                        "content-type": "application/json", "webhook-id": message.id, "webhook-timestamp": String(now), "webhook-signature": signature,
                    ]
                    status = try await transport.post(url: url, headers: headers, body: Data(message.payload.utf8))
                } catch {
                    failure = "\(error)"
                }
            } else {
                failure = "subscription \(message.webhookID) is gone or its URL is invalid"
            }
            let delivered = (status.map { (200..<300).contains($0) }) ?? false
            let state = delivered ? "delivered" : (attempt >= Self.maximumAttempts ? "failed" : "pending")
            let next = now + Self.backoffSeconds[min(attempt - 1, Self.backoffSeconds.count - 1)]
            try store.record(DeliveryAttempt(messageID: message.id, attemptedAt: now, status: status, error: failure), attempts: attempt, nextAttemptAt: next, state: state)
            if !delivered {
                logger.warning("webhook delivery failed", metadata: ["message": "\(message.id)", "attempt": "\(attempt)", "status": "\(status.map(String.init) ?? "-")"])
            }
        }
        return due.count
    }
}
