import Foundation
import MarketData
import NIOConcurrencyHelpers
import PostgresNIO

/// The store on a PostgreSQL server: the same tables, the same all-or-nothing writes and the
/// same generation counter as `SQLiteMarketStore`, shared by every process that opens the
/// same database (several `serve` replicas, a daily run beside them). Writers are serialised
/// by the generation row every write transaction updates (as SQLite's single writer is);
/// market-data imports also hold an advisory lock. A new database is migrated and seeded
/// from the bundled history on first open, once, whoever opens it first.
///
/// Market history is read from an in-memory copy of the tables (option quotes excepted),
/// refreshed when the market generation (imports only) changes: each read costs one round
/// trip to check it.
public final class PostgresMarketStore: Sendable {
    public let url: DatabaseURL
    let connections: PostgresConnections
    /// The market copy and the market generation it was read at.
    private let cache = NIOLockedValueBox<(generation: Int, market: MemoryMarketStore)?>(nil)

    /// Opens the database at `url`, migrates it, and seeds it from the bundled data if it holds
    /// no series and no sessions yet and `seed` is true.
    public init(url text: String, seed: Bool = true) throws {
        url = try DatabaseURL(text)
        connections = try PostgresConnections(url: url)
        do {
            try connections.with { try PostgresMigrations.migrate($0) }
        } catch let error as StoreError {
            if case .cannotOpen = error { throw error }
            throw StoreError.cannotOpen(path: url.description, reason: "migrating the schema: \(error)")
        }
        if seed, try isEmpty() {
            try write(try BundledData.batches(), onlyIfEmpty: true, progress: nil)
        }
    }

    public var location: String { url.description }

    /// Closes the store's idle connections and waits for them (a server shutting down, or a
    /// database about to be copied as a template, which PostgreSQL refuses while connected).
    public func close() {
        connections.closeAll()
    }

    public func isEmpty() throws -> Bool {
        try connections.with { session in
            let row = try session.rows("SELECT (SELECT COUNT(*) FROM series), (SELECT COUNT(*) FROM sessions)")[0]
            let (series, sessions) = try row.decode((Int, Int).self)
            return series == 0 && sessions == 0
        }
    }

    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connections.with(body)
    }

    /// A write transaction that first bumps the generation: its row lock, taken before anything
    /// else, makes writers run one after another, as SQLite's one writer does.
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connections.with { session in
            try session.transaction {
                guard try session.execute("UPDATE store_generation SET value = value + 1 WHERE id = 1") == 1 else {
                    throw StoreError.database("store_generation holds no row: the schema is damaged")
                }
                return try body(session)
            }
        }
    }

    /// A write transaction that leaves the generation alone (backtest job status). Concurrent
    /// job writers are ordered by their own row locks; adding a job takes a transaction-level
    /// advisory lock for its count.
    func writeUncounted<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connections.with { session in try session.transaction { try body(session) } }
    }

    public func generation() throws -> Int {
        try read { try Self.generation($0) }
    }

    /// Market-data imports committed (bumped with the generation by `write(_:progress:)`).
    static func marketGeneration(_ session: PostgresSession) throws -> Int {
        guard let row = try session.rows("SELECT market FROM store_generation WHERE id = 1").first else {
            throw StoreError.database("store_generation holds no row: the schema is damaged")
        }
        return try row.decode(Int.self)
    }

    static func generation(_ session: PostgresSession) throws -> Int {
        guard let row = try session.rows("SELECT value FROM store_generation WHERE id = 1").first else {
            throw StoreError.database("store_generation holds no row: the schema is damaged")
        }
        return try row.decode(Int.self)
    }

    /// The market tables in memory (no option quotes), read again when the generation moved.
    func market() throws -> MemoryMarketStore {
        try versionedMarket().market
    }

    /// The in-memory copy and the market generation it was read at.
    func versionedMarket() throws -> (generation: Int, market: MemoryMarketStore) {
        let current = try read { try Self.marketGeneration($0) }
        if let cached = cache.withLockedValue({ $0 }), cached.generation == current { return cached }
        // Read in one repeatable-read transaction: one consistent state of every table, and
        // the generation it belongs to.
        let (generation, market) = try read { session in
            try session.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                (try Self.marketGeneration(session), try PostgresMarketCopy.read(session))
            }
        }
        cache.withLockedValue { $0 = (generation, market) }
        return (generation, market)
    }
}
