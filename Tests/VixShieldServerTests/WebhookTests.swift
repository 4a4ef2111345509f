import Backtest
import Foundation
import Hummingbird
import HummingbirdTesting
import MarketData
import Strategy
import Testing
@testable import VixShieldServer

/// A transport that records what it was sent and answers with the statuses it is given.
final class RecordingTransport: WebhookTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int]
    private(set) var sent: [(url: URL, headers: [String: String], body: Data)] = []

    init(statuses: [Int]) { self.statuses = statuses }

    func post(url: URL, headers: [String: String], body: Data) async throws -> Int {
        lock.withLock {
            sent.append((url, headers, body))
            return statuses.isEmpty ? 200 : statuses.removeFirst()
        }
    }
}

/// Webhook alerts: Standard Webhooks signatures, the outbox's at-least-once delivery with
/// backoff, the admin routes.
@Suite(.serialized) struct WebhookTests {
    /// The example of the Standard Webhooks specification (checked with Python's hmac).
    @Test func signatureMatchesTheStandardWebhooksExample() throws {
        let signature = try WebhookSigner.signature(
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: #"{"test": 2432232314}"#)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(WebhookSigner.newSecret().hasPrefix("whsec_"))
    }

    /// A daily run with orders on a changed regime raises both alerts; they are delivered signed,
    /// and a receiver that fails is retried with backoff until it answers or the tries run out.
    @Test func runAlertsAreDeliveredSignedAndRetried() async throws {
        let fixture = try RouteTests.writableFixture()
        let env = fixture.environment
        let secret = WebhookSigner.newSecret()
        try env.store.addWebhook(WebhookSubscription(id: "wh_test", url: "http://127.0.0.1:9/hook", secret: secret, events: RunAlerts.events, createdAt: "now"))
        try env.store.addFills([(file: "t", fills: [BookFill(date: MarketDate(year: 2018, month: 2, day: 1)!, symbol: .cash, quantity: 1, price: 1_000_000, fees: .zero, layer: nil)])])
        let date = MarketDate(year: 2018, month: 2, day: 6)!
        let market = try MemoryMarketStore.load(env.store, quoteDates: date...date)
        let outcome = try RunAlerts.run(market: market, book: env.store, calendar: env.calendar, date: date, ruleset: env.ruleset, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(outcome.recorded && !outcome.record.decision.orders.isEmpty)
        var messages = try env.store.messages(webhookID: "wh_test")
        #expect(messages.map(\.event).contains("run.orders"))
        // The same run again records nothing and alerts nothing.
        _ = try RunAlerts.run(market: market, book: env.store, calendar: env.calendar, date: date, ruleset: env.ruleset, now: Date(timeIntervalSince1970: 1_800_000_001))
        #expect(try env.store.messages(webhookID: "wh_test").count == messages.count)

        let transport = RecordingTransport(statuses: [500, 503, 200] + Array(repeating: 500, count: 20))
        let delivery = WebhookDelivery(store: env.store, transport: transport)
        var now = 1_800_000_000
        try await delivery.deliverDue(now: now)
        let first = try #require(transport.sent.first)
        let id = try #require(first.headers["webhook-id"])
        let body = String(decoding: first.body, as: UTF8.self)
        #expect(first.headers["webhook-signature"] == (try WebhookSigner.signature(secret: secret, id: id, timestamp: now, body: body)))
        #expect(first.headers["webhook-timestamp"] == String(now) && body.contains("\"type\" : \""))
        // Nothing is due again before the backoff; then retried until a 2xx.
        #expect(try await delivery.deliverDue(now: now + 4) == 0)
        now += 5
        try await delivery.deliverDue(now: now)
        now += 30
        try await delivery.deliverDue(now: now)
        messages = try env.store.messages(webhookID: "wh_test")
        let firstMessage = try #require(messages.first { $0.id == id })
        #expect(firstMessage.state == "delivered" && firstMessage.attempts == 3)
        #expect(try env.store.attempts(messageID: id).map(\.status) == [500, 503, 200])
        // A receiver that keeps failing: given up after the maximum attempts, every one recorded.
        for _ in 0..<20 {
            now += 7200
            try await delivery.deliverDue(now: now)
        }
        for message in try env.store.messages(webhookID: "wh_test") where message.id != id {
            #expect(message.state == "failed" && message.attempts == WebhookDelivery.maximumAttempts)
            #expect(try env.store.attempts(messageID: message.id).count == WebhookDelivery.maximumAttempts)
        }
    }

    @Test func aFailedRunRaisesRunFailed() throws {
        let fixture = try RouteTests.writableFixture()
        let env = fixture.environment
        try env.store.addWebhook(WebhookSubscription(id: "wh_fail", url: "http://127.0.0.1:9/", secret: WebhookSigner.newSecret(), events: ["run.failed"], createdAt: "now"))
        let date = MarketDate(year: 2018, month: 2, day: 6)!
        let market = try MemoryMarketStore.load(env.store, quoteDates: date...date)
        #expect(throws: (any Error).self) {
            try RunAlerts.run(market: market, book: env.store, calendar: env.calendar, date: date, ruleset: env.ruleset, now: Date(timeIntervalSince1970: 1_800_000_000))
        }
        let messages = try env.store.messages(webhookID: "wh_fail")
        #expect(messages.count == 1 && messages[0].event == "run.failed" && messages[0].payload.contains("CASH"))
    }

    @Test func subscriptionsAreAdminOnlyAndValidated() async throws {
        let fixture = try RouteTests.writableFixture()
        try await fixture.app.test(.router) { client in
            let body = ByteBuffer(string: #"{"url": "https://example.test/hook", "events": ["run.orders", "regime.changed"]}"#)
            try await client.execute(uri: "/api/v1/webhooks", method: .post, headers: fixture.headers(fixture.trade, json: true), body: body) {
                #expect($0.status == .forbidden)
            }
            var id = ""
            try await client.execute(uri: "/api/v1/webhooks", method: .post, headers: fixture.headers(fixture.admin, json: true), body: body) { response in
                #expect(response.status == .created)
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                #expect((object?["secret"] as? String)?.hasPrefix("whsec_") == true)
                id = object?["id"] as? String ?? ""
            }
            try await client.execute(uri: "/api/v1/webhooks", method: .get, headers: fixture.headers(fixture.admin)) { response in
                #expect(response.text.contains(id) && !response.text.contains("whsec_"), "secrets are shown once")
            }
            for bad in [#"{"url": "ftp://x/y", "events": ["run.orders"]}"#, #"{"url": "https://x.test/", "events": ["lunch"]}"#] {
                try await client.execute(uri: "/api/v1/webhooks", method: .post, headers: fixture.headers(fixture.admin, json: true), body: ByteBuffer(string: bad)) {
                    #expect($0.status == .unprocessableContent)
                }
            }
            try await client.execute(uri: "/api/v1/webhooks/\(id)/deliveries", method: .get, headers: fixture.headers(fixture.admin)) {
                #expect($0.status == .ok && $0.text.hasPrefix("["))
            }
            try await client.execute(uri: "/api/v1/webhooks/\(id)", method: .delete, headers: fixture.headers(fixture.admin)) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/webhooks/\(id)", method: .delete, headers: fixture.headers(fixture.admin)) { #expect($0.status == .notFound) }
        }
    }
}
