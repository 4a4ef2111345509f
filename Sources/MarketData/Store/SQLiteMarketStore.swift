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

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.database(String(describing: error))
        }
    }
}
