import Foundation
import Hummingbird
import HummingbirdTesting
import MarketData
import Testing
@testable import VixShieldServer

/// The OpenAPI document is the contract: every operation it lists is exercised here and
/// answers with a status the document lists for it, with the documented media type; every
/// route the server has is in the document.
@Suite(.serialized) struct ContractTests {
    struct Call {
        var method: HTTPRequest.Method
        var path: String
        var uri: String
        var scope: String?
        var body: String?
    }

    static let calls: [Call] = [
        Call(method: .get, path: "/healthz", uri: "/healthz"),
        Call(method: .get, path: "/openapi.json", uri: "/openapi.json"),
        Call(method: .get, path: "/metrics", uri: "/metrics"),
        Call(method: .get, path: "/api/v1/signal", uri: "/api/v1/signal?date=2018-02-06", scope: "read"),
        Call(method: .get, path: "/api/v1/signal", uri: "/api/v1/signal?date=oops", scope: "read"),
        Call(method: .get, path: "/api/v1/regime", uri: "/api/v1/regime?from=2018-02-01&to=2018-02-06", scope: "read"),
        Call(method: .get, path: "/api/v1/series", uri: "/api/v1/series", scope: "read"),
        Call(method: .get, path: "/api/v1/series/{symbol}", uri: "/api/v1/series/SPX?from=2018-02-01&to=2018-02-06", scope: "read"),
        Call(method: .get, path: "/api/v1/series/{symbol}", uri: "/api/v1/series/NOPE", scope: "read"),
        Call(method: .get, path: "/api/v1/book", uri: "/api/v1/book?date=2018-02-06", scope: "read"),
        Call(method: .post, path: "/api/v1/book/fills", uri: "/api/v1/book/fills", scope: "trade", body: #"{"fills": [{"date": "2018-01-02", "symbol": "NOPE", "quantity": 1, "price": 1, "fees": 0}]}"#),
        Call(method: .post, path: "/api/v1/book/fills", uri: "/api/v1/book/fills", scope: "read", body: "{}"),
        Call(method: .get, path: "/api/v1/journal", uri: "/api/v1/journal", scope: "read"),
        Call(method: .post, path: "/api/v1/run", uri: "/api/v1/run?date=2018-02-06", scope: "trade"),
        Call(method: .post, path: "/api/v1/backtests", uri: "/api/v1/backtests", scope: "trade", body: #"{"from": "2018-01-02", "to": "2018-01-05"}"#),
        Call(method: .get, path: "/api/v1/backtests/{id}", uri: "/api/v1/backtests/none", scope: "read"),
        Call(method: .get, path: "/api/v1/backtests/{id}/report", uri: "/api/v1/backtests/none/report", scope: nil),
        Call(method: .post, path: "/api/v1/webhooks", uri: "/api/v1/webhooks", scope: "admin", body: #"{"url": "https://example.test/h", "events": ["run.orders"]}"#),
        Call(method: .get, path: "/api/v1/webhooks", uri: "/api/v1/webhooks", scope: "admin"),
        Call(method: .delete, path: "/api/v1/webhooks/{id}", uri: "/api/v1/webhooks/wh_none", scope: "admin"),
        Call(method: .get, path: "/api/v1/webhooks/{id}/deliveries", uri: "/api/v1/webhooks/wh_none/deliveries", scope: "read"),
    ]

    @Test func everyDocumentedOperationAnswersAsDocumented() async throws {
        let fixture = try ServerFixture.get()
        let document = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.text().utf8)) as! [String: Any]
        let paths = document["paths"] as! [String: [String: Any]]
        var documented = Set<String>()
        var statuses: [String: Set<String>] = [:]
        for (path, operations) in paths {
            for (method, operation) in operations {
                documented.insert("\(method.uppercased()) \(path)")
                statuses["\(method.uppercased()) \(path)"] = Set(((operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]).keys)
            }
        }
        let documentedStatuses = statuses
        let exercised = Set(Self.calls.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == exercised, "documented but not exercised: \(documented.subtracting(exercised)); the reverse: \(exercised.subtracting(documented))")
        try await fixture.app.test(.router) { client in
            for call in Self.calls {
                let token = call.scope.map { $0 == "admin" ? fixture.admin : $0 == "trade" ? fixture.trade : fixture.read }
                let body = call.body.map { ByteBuffer(string: $0) }
                try await client.execute(uri: call.uri, method: call.method, headers: fixture.headers(token, json: call.body != nil), body: body) { response in
                    let code = String(response.status.code)
                    #expect(documentedStatuses["\(call.method.rawValue) \(call.path)"]?.contains(code) == true, "\(call.method) \(call.uri): \(code) is not documented")
                    let type = response.headers[.contentType] ?? ""
                    if response.status.code >= 400 {
                        #expect(type == "application/problem+json", "\(call.uri): \(type)")
                    } else if call.path.hasSuffix("/report") {
                        #expect(type.hasPrefix("text/html"))
                    } else if call.path == "/metrics" {
                        #expect(type.hasPrefix("text/plain"))
                    } else if response.status.code != 204 {
                        #expect(type == "application/json", "\(call.uri): \(type)")
                    }
                }
            }
        }
    }
}
