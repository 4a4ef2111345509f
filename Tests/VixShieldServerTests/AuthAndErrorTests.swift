import Foundation
import Hummingbird
import HummingbirdTesting
import MarketData
import Testing
@testable import VixShieldServer

/// Tokens, scopes and problem+json errors.
@Suite(.serialized) struct AuthAndErrorTests {
    @Test func healthAndTheDocumentAreOpenEverythingElseNeedsAToken() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok && $0.text.contains("\"ok\"")) }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
            }
            try await client.execute(uri: "/api/v1/journal", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                let problem = response.problem
                #expect(problem.type == "https://vixshield.dev/problems/unauthorized" && problem.code == 401)
            }
            try await client.execute(uri: "/api/v1/journal", method: .get, headers: fixture.headers("vxs_" + String(repeating: "0", count: 64))) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/journal", method: .get, headers: fixture.headers(fixture.read)) { #expect($0.status == .ok) }
        }
    }

    @Test func aReadTokenCannotTradeAndATradeTokenCan() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/run?date=2015-10-22", method: .post, headers: fixture.headers(fixture.read)) { response in
                #expect(response.status == .forbidden)
                #expect(response.problem.type.hasSuffix("/forbidden"))
            }
            let body = ByteBuffer(string: #"{"fills": []}"#)
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.read, json: true), body: body) {
                #expect($0.status == .forbidden)
            }
            // The admin scope includes trade: an empty body is then a 400, not a 403.
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.admin, json: true), body: body) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func badInputIsAProblemNeverACrash() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            let trade = fixture.headers(fixture.trade, json: true)
            try await client.execute(uri: "/api/v1/nowhere", method: .get, headers: trade) { response in
                #expect(response.status == .notFound && (response.problem.type.hasSuffix("/not-found")))
            }
            try await client.execute(uri: "/api/v1/signal?date=2018-13-45", method: .get, headers: trade) { response in
                #expect(response.status == .badRequest && (response.problem.detail.contains("date")))
            }
            try await client.execute(uri: "/api/v1/signal?date=1950-01-03", method: .get, headers: trade) { response in
                #expect(response.status == .unprocessableContent)
                #expect(!(response.problem.detail.contains("SELECT")))
            }
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: trade, body: ByteBuffer(string: "{not json")) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: trade, body: ByteBuffer(string: #"{"fills": [{"date": 5}]}"#)) {
                #expect($0.status == .badRequest && ($0.problem.detail.contains("fills")))
            }
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.trade), body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            let large = ByteBuffer(string: #"{"fills": [], "pad": ""# + String(repeating: "x", count: (1 << 20) + 10) + #""}"#)
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: trade, body: large) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.problem.type.hasSuffix("/payload-too-large"))
            }
            try await client.execute(uri: "/api/v1/series/NOPE", method: .get, headers: trade) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/backtests/bt-none", method: .get, headers: trade) { #expect($0.status == .notFound) }
        }
    }

    @Test func tokensAreStoredAsHashesAndComparedInConstantTimeShape() throws {
        let fixture = try ServerFixture.get()
        let stored = try fixture.environment.store.tokens()
        #expect(stored.count >= 3)
        for token in [fixture.read, fixture.trade, fixture.admin] {
            #expect(token.hasPrefix("vxs_") && token.count == 68)
            #expect(!stored.contains { $0.hash == token || $0.id == token })
        }
        #expect(TokenAuthority.constantTimeEqual("abc", "abc"))
        #expect(!TokenAuthority.constantTimeEqual("abc", "abd"))
        #expect(!TokenAuthority.constantTimeEqual("abc", "abcd"))
    }

    /// `/metrics` counts requests by route template and status, open like `/healthz`.
    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/series/VIX?from=2018-02-05&to=2018-02-05", method: .get, headers: fixture.headers(fixture.read)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/series/VIX", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/no/such/path/\(UUID().uuidString)", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                #expect(text.contains(#"vixshield_http_requests_total{method="GET",route="/api/v1/series/{symbol}",status="200"}"#), "\(text)")
                #expect(text.contains(#"route="/api/v1/series/{symbol}",status="401""#))
                #expect(text.contains("vixshield_http_request_duration_seconds_bucket") && text.contains(#"le="0.001""#), "the server's own buckets")
                #expect(!text.contains("/no/such/path"), "unmatched paths do not become labels")
            }
        }
    }
}
