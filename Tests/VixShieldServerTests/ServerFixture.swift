import Foundation
import Hummingbird
import HummingbirdTesting
import MarketData
import Strategy
import Testing
@testable import VixShieldServer
import TestScratch

/// One store seeded with the bundled data, a token of each scope, and the environment.
struct ServerFixture: Sendable {
    let environment: ServerEnvironment
    let read: String
    let trade: String
    let admin: String

    static let shared = Result { () throws -> ServerFixture in
        let directory = TestScratch.directory("server")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        let environment = try ServerEnvironment(store: store, ruleset: .standard)
        func token(_ scope: TokenScope) throws -> String {
            let issued = try environment.tokens.issue(scope: scope, label: "test \(scope.rawValue)", createdAt: "2026-11-30T00:00:00Z")
            return issued.token
        }
        return ServerFixture(environment: environment, read: try token(.read), trade: try token(.trade), admin: try token(.admin))
    }

    static func get() throws -> ServerFixture { try shared.get() }

    var app: some ApplicationProtocol { buildApplication(environment) }

    func headers(_ token: String?, json: Bool = false) -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The problem document of an error response (a failed expectation, and an empty problem,
    /// when the body is not one).
    var problem: Problem {
        #expect(headers[.contentType] == "application/problem+json")
        do {
            return try JSONDecoder().decode(Problem.self, from: Data(text.utf8))
        } catch {
            Issue.record("not a problem document: \(text)")
            return Problem(.internalError, detail: "")
        }
    }
}
