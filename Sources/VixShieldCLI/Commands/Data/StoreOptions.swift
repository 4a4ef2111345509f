import ArgumentParser
import MarketData

/// `--db PATH`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "SQLite store path (default: $VIXSHIELD_DB, else the user data directory). Created and seeded with the bundled history on first use.",
            valueName: "path"))
    var path: String?

    var resolvedPath: String { StoreLocation.resolve(explicit: path) }

    func open() throws -> SQLiteMarketStore {
        try SQLiteMarketStore(path: resolvedPath)
    }
}
