import Foundation
import MarketData
@testable import PostgresStore
import Strategy
import Testing

/// A PostgreSQL store seeded from the bundled history answers every market query as the
/// SQLite store does (same rows, same order), and two processes opening one new database
/// migrate and seed it once.
@Suite(.enabled(if: Backend.available.contains(.postgres))) struct PostgresParityTests {
    @Test func seededStoresAnswerAlike() throws {
        let (sqlite, _, dropSQLite) = try Backend.sqlite.makeStore(seeded: true)
        defer { dropSQLite() }
        let (postgres, _, dropPostgres) = try Backend.postgres.makeStore(seeded: true)
        defer { dropPostgres() }
        #expect(try postgres.catalog() == sqlite.catalog())
        #expect(try postgres.sessions() == sqlite.sessions())
        #expect(try postgres.latestSession() == sqlite.latestSession())
        for text in ["2008-10-10", "2015-08-24", "2018-02-05", "2020-03-16", "2026-03-27"] {
            let day = try #require(MarketDate(parsing: text))
            let from = MarketDate(dayNumber: day.dayNumber - 400)
            #expect(try postgres.snapshot(asOf: day) == sqlite.snapshot(asOf: day), "\(text)")
            #expect(try postgres.bars("SPX", from: from, asOf: day) == sqlite.bars("SPX", from: from, asOf: day))
            for symbol in ["VIX", "DFF", "CPIAUCSL", "GDP", "VVIX"] {
                #expect(try postgres.observations(symbol, from: from, asOf: day) == sqlite.observations(symbol, from: from, asOf: day), "\(symbol) \(text)")
            }
            #expect(try postgres.treasuryCurve(asOf: day) == sqlite.treasuryCurve(asOf: day))
            #expect(try postgres.events(from: from, through: day, asOf: day) == sqlite.events(from: from, through: day, asOf: day))
            #expect(try postgres.futuresSettlements(root: "VX", date: day) == sqlite.futuresSettlements(root: "VX", date: day))
            #expect(try postgres.optionQuotes(underlying: "VIX", quoteDate: day) == sqlite.optionQuotes(underlying: "VIX", quoteDate: day))
        }
        let range = MarketDate(year: 2014, month: 1, day: 1)!...MarketDate(year: 2014, month: 12, day: 31)!
        #expect(try postgres.treasuryCurves(from: range.lowerBound, through: range.upperBound) == sqlite.treasuryCurves(from: range.lowerBound, through: range.upperBound))
        #expect(
            try postgres.futuresSettlements(root: "VX", from: range.lowerBound, through: range.upperBound)
                == sqlite.futuresSettlements(root: "VX", from: range.lowerBound, through: range.upperBound))
    }

    /// A write by one process is seen by another's next read (the in-memory copy follows the
    /// generation).
    @Test func anotherProcessWriteIsSeenAtOnce() throws {
        let (store, url, cleanup) = try Backend.postgres.makeStore(seeded: false)
        defer { cleanup() }
        let day = MarketDate(year: 2019, month: 1, day: 2)!
        #expect(try store.observations("SHARED", from: nil, asOf: day).isEmpty)
        let other = try PostgresMarketStore(url: url, seed: false)
        defer { other.close() }
        try other.write(.observations([Observation(date: day, value: 7)]), kind: .fred, symbol: "SHARED", file: "s.csv", lagDays: 0)
        #expect(try store.observations("SHARED", from: nil, asOf: day).map(\.value) == [7])
    }

    /// Two stores opening one new, empty database at once (not even migrated): migrated once,
    /// seeded once, and equal to a seeded SQLite store.
    @Test func concurrentFirstOpensMigrateAndSeedOnce() async throws {
        let admin = try #require(Backend.adminURL, "CI is set but VIXSHIELD_TEST_DATABASE_URL is not")
        let url = try PostgresScratchDatabases.create(adminURL: admin, seeded: false)
        defer { try? PostgresScratchDatabases.drop(adminURL: admin, databaseURL: url) }
        let catalogs = try await withThrowingTaskGroup(of: [SeriesSummary].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let store = try PostgresMarketStore(url: url)
                    defer { store.close() }
                    return try store.catalog()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let (sqlite, _, dropSQLite) = try Backend.sqlite.makeStore(seeded: true)
        defer { dropSQLite() }
        #expect(catalogs.count == 2 && catalogs.allSatisfy { $0 == catalogs[0] })
        #expect(try catalogs[0] == sqlite.catalog())
        let store = try PostgresMarketStore(url: url, seed: false)
        defer { store.close() }
        #expect(try store.generation() == 1, "one seeding transaction (the new database's generation was 0)")
    }

    /// Text sorts by bytes, as in SQLite, whatever the server's locale: upper case before
    /// lower case.
    @Test func textSortsByBytesAsInSQLite() throws {
        for backend in Backend.available {
            let (store, _, cleanup) = try backend.makeStore(seeded: false)
            defer { cleanup() }
            for id in ["b", "B", "a", "_", "A"] {
                try store.addWebhook(WebhookSubscription(id: id, url: "http://127.0.0.1:9/", secret: "whsec_AA", events: ["run.orders"], createdAt: "t"))
            }
            #expect(try store.webhooks().map(\.id) == ["A", "B", "_", "a", "b"], "\(backend)")
        }
    }

    @Test func badURLsAreClearErrorsWithoutThePassword() throws {
        for (text, fragment) in [
            ("mysql://u:p@h/db", "not a postgres:// URL"), ("postgres://u:secret@/db", "no host"), ("postgres://h/db", "no user"),
            ("postgres://u:secret@h", "no database"), ("postgres://u:secret@h/db?sslmode=allow", "sslmode 'allow'"),
        ] {
            #expect {
                _ = try DatabaseURL(text)
            } throws: { error in
                let message = String(describing: error)
                return message.contains(fragment) && !message.contains("secret")
            }
        }
        let url = try DatabaseURL("postgresql://desk%40corp:p%2Fw%2541@db.internal:6543/vix?sslmode=require")
        #expect(url.username == "desk@corp" && url.host == "db.internal" && url.port == 6543 && url.database == "vix")
        #expect(url.password == "p/w%41", "decoded once")
        #expect(url.description == "postgres://desk@corp@db.internal:6543/vix?sslmode=require")
    }

    @Test func aRefusedConnectionNamesTheServerNotThePassword() throws {
        #expect {
            _ = try PostgresMarketStore(url: "postgres://nobody:topsecret@127.0.0.1:1/none")
        } throws: { error in
            let message = String(describing: error)
            return message.contains("127.0.0.1:1") && !message.contains("topsecret")
        }
    }
}
