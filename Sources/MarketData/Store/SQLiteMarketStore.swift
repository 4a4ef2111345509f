import Foundation
import GRDB

/// The market-history store: one SQLite file in WAL mode behind a GRDB `DatabasePool`, which
/// serialises writers (one writer, concurrent readers). Every import runs in one transaction
/// after its file parsed completely, so a failed import leaves the store exactly as it was.
/// A new store is seeded from the bundled real data on first open.
public final class SQLiteMarketStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path`, migrates it, and seeds it from the
    /// bundled data if it holds no series yet and `seed` is true.
    public init(path: String, seed: Bool = true) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Several processes share a store (a daily run beside `serve`, two replicas): a
            // writer waits up to 30 s for another's transaction instead of failing at once.
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                // WAL + synchronous=NORMAL is durable across application crashes (only a power
                // loss can drop the last transactions) and avoids an fsync per commit; the large
                // page cache keeps a million-row import from spilling mid-transaction.
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try StoreMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: String(describing: error))
        }
        if seed, try isEmpty() {
            try BundledData.seed(self)
        }
    }

    public func isEmpty() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM series") ?? 0 } == 0
            && read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") ?? 0 } == 0
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    /// A write transaction; it also bumps the store's generation (`generation()`), in the same
    /// transaction, so anything cached from the store knows it changed.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                let result = try body(db)
                try db.execute(sql: "UPDATE store_generation SET value = value + 1 WHERE id = 1")
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch let error as InputError {
            // A streamed chain file's bad row: reported as the parse error it is.
            throw error
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    /// A write transaction that leaves the generation alone (backtest job status, which no
    /// cached answer depends on).
    func writeUncounted<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    /// The number of write transactions the store has committed (through this API, by any
    /// process): equal values mean the same content.
    public func generation() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT value FROM store_generation WHERE id = 1") ?? 0 }
    }
}
