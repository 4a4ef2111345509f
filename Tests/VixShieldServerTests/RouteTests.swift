import Backtest
import Foundation
import Hummingbird
import HummingbirdTesting
import MarketData
import Strategy
import Testing
@testable import VixShieldServer
import TestScratch

/// The API's routes on the bundled store, in process and live. Each suite uses its own store
/// where it writes, so the order of suites does not matter.
@Suite(.serialized) struct RouteTests {
    static let fills = #"""
        {"asOf": "2018-02-05", "fills": [
          {"date": "2018-01-02", "symbol": "CASH", "quantity": 1, "price": 1000000, "fees": 0},
          {"date": "2018-01-19", "symbol": "SPX   180216P02600000", "quantity": -2, "price": 4.20, "fees": 2.62, "layer": "condor"},
          {"date": "2018-01-19", "symbol": "SPX   180216P02550000", "quantity": 2, "price": 2.60, "fees": 2.62, "layer": "condor"},
          {"date": "2018-01-19", "symbol": "SPX   180216C02950000", "quantity": -2, "price": 3.10, "fees": 2.62, "layer": "condor"},
          {"date": "2018-01-19", "symbol": "SPX   180216C03000000", "quantity": 2, "price": 1.20, "fees": 2.62, "layer": "condor"},
          {"date": "2018-01-22", "symbol": "VIX   180321C00020000", "quantity": 50, "price": 1.15, "fees": 55.00, "layer": "layer3"},
          {"date": "2018-01-22", "symbol": "VXH18", "quantity": -1, "price": 13.10, "fees": 2.70, "layer": "layer1"}
        ]}
        """#

    /// A fresh store of its own with tokens (these tests write fills and runs).
    static func writableFixture() throws -> ServerFixture {
        let directory = TestScratch.directory("server-w")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        let environment = try ServerEnvironment(store: store, ruleset: .standard)
        let read = try environment.tokens.issue(scope: .read, label: "r", createdAt: "2026-11-30T00:00:00Z")
        let trade = try environment.tokens.issue(scope: .trade, label: "t", createdAt: "2026-11-30T00:00:00Z")
        let admin = try environment.tokens.issue(scope: .admin, label: "a", createdAt: "2026-11-30T00:00:00Z")
        return ServerFixture(environment: environment, read: read.token, trade: trade.token, admin: admin.token)
    }

    /// The signal is the same bytes as `signal --json` (the CLI writes `StableJSON` of
    /// `BookSignal.signal`), without fills and then on the stored book.
    @Test func signalIsTheCommandsJSONOnTheStoredBook() async throws {
        let fixture = try Self.writableFixture()
        let env = fixture.environment
        let date = MarketDate(year: 2018, month: 2, day: 6)!
        @Sendable func expected(_ book: [BookFill]?) throws -> String {
            let market = try MemoryMarketStore.load(env.store, quoteDates: date...date)
            return try StableJSON.encode(try BookSignal.signal(store: market, calendar: env.calendar, date: date, book: book, ruleset: env.ruleset))
        }
        try await fixture.app.test(.router) { client in
            let cash = try expected(nil)
            try await client.execute(uri: "/api/v1/signal?date=2018-02-06", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/json")
                #expect(response.text == cash)
            }
            try await client.execute(
                uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.trade, json: true), body: ByteBuffer(string: Self.fills)
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.text.contains("\"fills\" : 7"))
            }
            let book = try expected(try env.store.fills(through: MarketDate(year: 2018, month: 2, day: 5)!))
            #expect(book != cash)
            try await client.execute(uri: "/api/v1/signal?date=2018-02-06", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.text == book)
            }
            try await client.execute(uri: "/api/v1/book?date=2018-02-06", method: .get, headers: fixture.headers(fixture.read)) { response in
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                #expect((object?["positions"] as? [Any])?.count == 6)
            }
        }
    }

    /// All or nothing: one bad row refuses the request, names its row and field, and writes
    /// nothing.
    @Test func aBadFillRowChangesNothing() async throws {
        let fixture = try Self.writableFixture()
        let bad = Self.fills.replacingOccurrences(of: "VXH18", with: "VXZ99X")
        try await fixture.app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.trade, json: true), body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = response.problem
                #expect(problem.errors?.first?.row == 7 && problem.errors?.first?.field == "symbol", "\(problem)")
            }
        }
        #expect(try fixture.environment.store.fills(through: MarketDate(year: 2026, month: 12, day: 31)!).isEmpty)
    }

    /// The daily run is idempotent as on the CLI, and the journal is `journal --json`.
    @Test func runIsIdempotentAndTheJournalListsIt() async throws {
        let fixture = try Self.writableFixture()
        try await fixture.app.test(.router) { client in
            let trade = fixture.headers(fixture.trade)
            // No book yet: the engine cannot start without the account's cash.
            try await client.execute(uri: "/api/v1/run?date=2015-10-22", method: .post, headers: trade) { response in
                #expect(response.status == .unprocessableContent && response.problem.detail.contains("CASH"))
            }
            let cash = #"{"asOf": "2015-10-21", "fills": [{"date": "2015-10-01", "symbol": "CASH", "quantity": 1, "price": 1000000, "fees": 0}]}"#
            try await client.execute(uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.trade, json: true), body: ByteBuffer(string: cash)) {
                #expect($0.status == .created)
            }
            var first = ""
            try await client.execute(uri: "/api/v1/run?date=2015-10-22", method: .post, headers: trade) { response in
                #expect(response.status == .created, "\(response.text)")
                first = response.text
                #expect(first.contains("\"recorded\" : true"))
            }
            try await client.execute(uri: "/api/v1/run?date=2015-10-22", method: .post, headers: trade) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"recorded\" : false"))
            }
            let entries = try fixture.environment.store.journal(from: MarketDate(year: 2015, month: 1, day: 1)!, to: MarketDate(year: 2015, month: 12, day: 31)!)
            #expect(entries.count == 1)
            let journal = try JournalJSON.render(entries)
            try await client.execute(uri: "/api/v1/journal?from=2015-01-01", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.text == journal)
            }
        }
    }

    @Test func regimeIsTheCanonicalPostureWithVotes() async throws {
        let fixture = try ServerFixture.get()
        let env = fixture.environment
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/regime?from=2018-01-29&to=2018-02-09", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                let decisions = object?["decisions"] as? [[String: Any]] ?? []
                #expect(decisions.count == 10)
                let market = try MemoryMarketStore.load(env.store, quoteDates: MarketDate(year: 2018, month: 2, day: 9)!...MarketDate(year: 2018, month: 2, day: 9)!)
                let replay = try RegimeEngine(rules: env.ruleset.regime).replay(store: market, calendar: env.calendar, date: MarketDate(year: 2018, month: 2, day: 6)!)
                let sixth = decisions.first { $0["date"] as? String == "2018-02-06" }
                #expect(sixth?["regime"] as? String == replay.last?.regime.rawValue)
                #expect(((sixth?["readings"] as? [Any])?.count ?? 0) >= 10)
            }
            try await client.execute(uri: "/api/v1/regime?from=2016-01-01&to=2018-02-09", method: .get, headers: fixture.headers(fixture.read)) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func seriesArePointInTime() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/series/VIX?from=2018-02-01&to=2018-02-09", method: .get, headers: fixture.headers(fixture.read)) { response in
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                let points = object?["points"] as? [[String: Any]] ?? []
                #expect(points.count == 7)
                #expect(abs((points.first { $0["date"] as? String == "2018-02-05" }?["value"] as? Double ?? 0) - 37.32) < 1e-9)
            }
            // GDP for 2017-Q4 was published in late January 2018: not known on 2018-01-15.
            try await client.execute(uri: "/api/v1/series/GDPC1?from=2017-10-01&asOf=2018-01-15", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("2017-10-01"))
            }
            try await client.execute(uri: "/api/v1/series", method: .get, headers: fixture.headers(fixture.read)) { #expect($0.text.contains("\"VIX\"")) }
        }
    }

    @Test func aBacktestRunsInTheBackgroundAndLinksItsReport() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            var id = ""
            try await client.execute(
                uri: "/api/v1/backtests", method: .post, headers: fixture.headers(fixture.trade, json: true),
                body: ByteBuffer(string: #"{"from": "2017-10-02", "to": "2017-10-31"}"#)
            ) { response in
                #expect(response.status == .accepted)
                id = (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["id"] as? String ?? ""
                #expect(response.headers[.location] == "/api/v1/backtests/\(id)")
            }
            var state = ""
            for _ in 0..<600 where state != "done" && state != "failed" {
                try await Task.sleep(for: .milliseconds(200))
                try await client.execute(uri: "/api/v1/backtests/\(id)", method: .get, headers: fixture.headers(fixture.read)) { response in
                    state = (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["state"] as? String ?? ""
                }
            }
            #expect(state == "done")
            try await client.execute(uri: "/api/v1/backtests/\(id)/report", method: .get, headers: fixture.headers(fixture.read)) { response in
                #expect(response.status == .ok && response.text.contains("<svg"))
            }
        }
    }

    /// At most four backtests wait or run at once; the fifth is a 409 problem.
    @Test func theBacktestQueueIsBounded() async throws {
        let fixture = try Self.writableFixture()
        try await fixture.app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                try await client.execute(
                    uri: "/api/v1/backtests", method: .post, headers: fixture.headers(fixture.trade, json: true),
                    body: ByteBuffer(string: #"{"from": "2017-10-02", "to": "2017-12-29"}"#)
                ) { statuses.append($0.status) }
            }
            #expect(statuses.prefix(4).allSatisfy { $0 == .accepted })
            #expect(statuses.last == .conflict)
        }
    }

    /// The same server on a real socket.
    @Test func liveServerAnswersOverHTTP() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/series/VIX?from=2018-02-05&to=2018-02-05", method: .get, headers: fixture.headers(fixture.read)) {
                #expect($0.status == .ok && $0.text.contains("37.32"))
            }
            try await client.execute(uri: "/api/v1/series/VIX", method: .get) { #expect($0.status == .unauthorized) }
        }
    }
}
