import ArgumentParser
import MarketData
import Strategy

/// The latest session with both an S&P 500 and a VIX close in the store (the default as-of date).
func latestSession(_ database: SQLiteMarketStore) throws -> MarketDate {
    let catalog = try database.catalog()
    guard let spx = catalog.first(where: { $0.symbol == "SPX" })?.last, let vix = catalog.first(where: { $0.symbol == "VIX" })?.last else {
        throw ValidationError("the store has no SPX and VIX series")
    }
    return try SignalEngine.latestDate(store: database, through: min(spx, vix))
}
