import Backtest
import Foundation
import Hummingbird
import MarketData

/// Webhook subscriptions (scope admin): `POST /api/v1/webhooks` {url, events} answers with the
/// signing secret, once; `GET /api/v1/webhooks` lists them (no secrets); `DELETE
/// /api/v1/webhooks/{id}`; `GET /api/v1/webhooks/{id}/deliveries` every message with its
/// attempts.
enum WebhookRoutes {
    struct CreateBody: Decodable {
        var url: String
        var events: [String]
    }

    struct Created: Encodable {
        var id: String
        var url: String
        var events: [String]
        var secret: String
        var createdAt: String
    }

    struct Listed: Encodable {
        var id: String
        var url: String
        var events: [String]
        var createdAt: String
    }

    struct Delivery: Encodable {
        var message: OutboxMessage
        var attempts: [DeliveryAttempt]
    }

    static func add(to router: Router<BasicRequestContext>, _ env: ServerEnvironment) {
        router.post("/api/v1/webhooks") { request, context -> Response in
            _ = try env.tokens.authorize(request, .admin)
            let body = try await BookRoutes.jsonBody(CreateBody.self, request, context)
            guard let url = URL(string: body.url), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw Problem(.unprocessable, detail: "url must be an http or https URL", errors: [Problem.FieldError(row: nil, field: "url", reason: "not an http(s) URL")])
            }
            let unknown = body.events.filter { !RunAlerts.events.contains($0) }
            guard !body.events.isEmpty, unknown.isEmpty else {
                throw Problem(
                    .unprocessable, detail: "events must be some of \(RunAlerts.events.joined(separator: ", "))",
                    errors: [Problem.FieldError(row: nil, field: "events", reason: unknown.isEmpty ? "empty" : "unknown: \(unknown.joined(separator: ", "))")])
            }
            var generator = SystemRandomNumberGenerator()
            let id = "wh_" + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
            let subscription = WebhookSubscription(
                id: id, url: body.url, secret: WebhookSigner.newSecret(), events: Array(Set(body.events)).sorted(),
                createdAt: ISO8601DateFormatter().string(from: Date()))
            try env.store.addWebhook(subscription)
            return try jsonResponse(
                Created(id: id, url: subscription.url, events: subscription.events, secret: subscription.secret, createdAt: subscription.createdAt),
                status: .created)
        }
        router.get("/api/v1/webhooks") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .admin)
            return try jsonResponse(try env.store.webhooks().map { Listed(id: $0.id, url: $0.url, events: $0.events, createdAt: $0.createdAt) })
        }
        router.delete("/api/v1/webhooks/{id}") { request, context -> Response in
            _ = try env.tokens.authorize(request, .admin)
            let id = try context.parameters.require("id")
            guard try env.store.removeWebhook(id: id) else { throw Problem(.notFound, detail: "no webhook '\(id)'") }
            return Response(status: .noContent)
        }
        router.get("/api/v1/webhooks/{id}/deliveries") { request, context -> Response in
            _ = try env.tokens.authorize(request, .admin)
            let id = try context.parameters.require("id")
            guard try env.store.webhooks().contains(where: { $0.id == id }) else { throw Problem(.notFound, detail: "no webhook '\(id)'") }
            let deliveries = try env.store.messages(webhookID: id).map { Delivery(message: $0, attempts: try env.store.attempts(messageID: $0.id)) }
            return try jsonResponse(deliveries)
        }
    }
}
