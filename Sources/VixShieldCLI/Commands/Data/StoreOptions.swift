import ArgumentParser
import Foundation
import MarketData
import PostgresStore

/// `--db PATH` or `--database-url URL`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    static let urlVariable = "VIXSHIELD_DATABASE_URL"

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "SQLite store path (default: $VIXSHIELD_DB, else the user data directory). Created and seeded with the bundled history on first use.",
            valueName: "path"))
    var path: String?

    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "PostgreSQL store instead of SQLite (default: $VIXSHIELD_DATABASE_URL), e.g. postgres://user:password@127.0.0.1:5432/vixshield. sslmode=disable (the default: for loopback), require or verify-full. Migrated and seeded on first use.",
            valueName: "url"))
    var databaseURL: String?

    func validate() throws {
        if path != nil && databaseURL != nil { throw ValidationError("give either --db or --database-url, not both") }
    }

    var resolvedPath: String { StoreLocation.resolve(explicit: path) }

    /// The PostgreSQL URL in force: the option, else the environment unless `--db` was given.
    var resolvedURL: String? {
        if let databaseURL { return databaseURL }
        guard path == nil, let text = ProcessInfo.processInfo.environment[Self.urlVariable], !text.isEmpty else { return nil }
        return text
    }

    func open() throws -> any VixShieldStore {
        if let url = resolvedURL { return try PostgresMarketStore(url: url) }
        return try SQLiteMarketStore(path: resolvedPath)
    }
}
